"""Email, and the background work that sends it (home's outbox)."""

from .environment import BASE_DIR, env, env_bool

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Torget <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: run at once by default, a database-backed worker in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if env("TASKS_BACKEND") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds an attempt to reach the mail server may take; an email claimed by a worker longer
# ago than TORGET_EMAIL_CLAIM_SECONDS is taken to be left by a worker that died, and sent again.
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
TORGET_EMAIL_CLAIM_SECONDS = int(env("TORGET_EMAIL_CLAIM_SECONDS", str(3 * EMAIL_TIMEOUT)))
# Minutes to wait before each new attempt at a failed email; then it is marked failed.
TORGET_EMAIL_RETRY_MINUTES = [1, 5, 15, 60, 240, 720]
