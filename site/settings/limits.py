"""What the content apps allow: rates per person and address, trust, page sizes, deadlines."""

from .environment import env

# Behind a load balancer, the header that carries the client's address (for rate limits),
# such as HTTP_X_FORWARDED_FOR. Empty: use the connection's address.
TORGET_TRUSTED_PROXY_HEADER = env("TORGET_TRUSTED_PROXY_HEADER", "")

# Meetings
TORGET_GUEST_REGISTRATIONS_PER_HOUR = int(env("TORGET_GUEST_REGISTRATIONS_PER_HOUR", "20"))
TORGET_QUESTIONS_PER_HOUR = int(env("TORGET_QUESTIONS_PER_HOUR", "10"))
TORGET_UNCONFIRMED_HOURS = 24  # a guest's registration lapses unless confirmed within this
TORGET_REMINDER_HOURS = 24  # the reminder goes out this long before the start

# Moderation
TORGET_POSTS_BEFORE_TRUST = int(env("TORGET_POSTS_BEFORE_TRUST", "3"))  # held until approved
TORGET_NEW_ACCOUNT_MAX_LINKS = int(env("TORGET_NEW_ACCOUNT_MAX_LINKS", "2"))
TORGET_REPORTS_TO_HIDE = int(env("TORGET_REPORTS_TO_HIDE", "3"))  # distinct reporters
TORGET_REPORTS_PER_DAY = int(env("TORGET_REPORTS_PER_DAY", "20"))

# Observation reports (lägesbild)
TORGET_OBSERVATIONS_PER_HOUR = int(env("TORGET_OBSERVATIONS_PER_HOUR", "10"))  # per IP address

# Proposals: how many a person may support in a calendar month, so support stays meaningful.
TORGET_PROPOSAL_SUPPORTS_PER_MONTH = int(env("TORGET_PROPOSAL_SUPPORTS_PER_MONTH", "10"))
TORGET_PROPOSALS_PER_PAGE = 20

# Forum
TORGET_FORUM_POSTS_PER_PAGE = int(env("TORGET_FORUM_POSTS_PER_PAGE", "20"))
TORGET_FORUM_THREADS_PER_PAGE = 25
TORGET_FORUM_SECONDS_BETWEEN_POSTS = int(env("TORGET_FORUM_SECONDS_BETWEEN_POSTS", "30"))
TORGET_FORUM_NEW_ACCOUNT_DAYS = 7  # an account this young is "new" for the limit below
TORGET_FORUM_NEW_ACCOUNT_THREADS_PER_DAY = int(env("TORGET_FORUM_NEW_ACCOUNT_THREADS_PER_DAY", "5"))
