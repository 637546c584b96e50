"""Retention: how many days each kind of personal data is kept, and the backups that hold it.

home/retention.py holds the rules, `purge_personal_data` applies them daily and the privacy
page shows them.
"""

from pathlib import Path

from .environment import BASE_DIR, env

# Registrations lose names, emails and needs this long after the meeting ends; counts stay.
TORGET_REGISTRATION_RETENTION_DAYS = int(env("TORGET_REGISTRATION_RETENTION_DAYS", "30"))
# ... and this long after a guest's confirmation link lapsed unused.
TORGET_UNCONFIRMED_REGISTRATION_DAYS = int(env("TORGET_UNCONFIRMED_REGISTRATION_DAYS", "1"))
TORGET_OBSERVATION_CONTACT_DAYS = int(env("TORGET_OBSERVATION_CONTACT_DAYS", "90"))
TORGET_OBSERVATION_RETENTION_DAYS = int(env("TORGET_OBSERVATION_RETENTION_DAYS", "365"))
TORGET_SENT_EMAIL_RETENTION_DAYS = int(env("TORGET_SENT_EMAIL_RETENTION_DAYS", "30"))
TORGET_UNCONFIRMED_ALERT_DAYS = int(env("TORGET_UNCONFIRMED_ALERT_DAYS", "7"))
TORGET_UNCONFIRMED_ACCOUNT_DAYS = int(env("TORGET_UNCONFIRMED_ACCOUNT_DAYS", "14"))
# Poll votes lose the account that gave them this long after the poll closes.
TORGET_POLL_VOTE_ACCOUNT_DAYS = int(env("TORGET_POLL_VOTE_ACCOUNT_DAYS", "30"))
# Backups (make backup, nightly by deploy/systemd/torget-backup.timer) hold personal data too:
# only the newest this many are kept, so nothing outlives its retention rule by more than that
# many days (deploy/README.md).
TORGET_BACKUP_DIR = Path(env("TORGET_BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
TORGET_BACKUP_KEEP = int(env("TORGET_BACKUP_KEEP", "14"))
# What a backup's manifest counts, and a restore compares: name and model.
TORGET_BACKUP_COUNTS = {
    "pages": "wagtailcore.Page",
    "registrations": "events.Registration",
    "posts": "forums.Post",
    "reports": "moderation.Report",
    "observations": "reports.Observation",
}
