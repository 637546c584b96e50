"""Database: SQLite on one machine, PostgreSQL in production (DATABASE_URL)."""

import dj_database_url

from .environment import BASE_DIR, env

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Health checks only for a connection that has been idle (home/postgresql).
    DATABASES["default"]["ENGINE"] = "home.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Immediate transactions make concurrent writers wait their turn instead of failing with
    # "database is locked", queued by the kernel (home/sqlite) rather than by SQLite's busy
    # loop; WAL lets readers continue meanwhile.
    DATABASES["default"]["ENGINE"] = "home.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
