#!/usr/bin/env bash
# Runs the given command against a throwaway PostgreSQL cluster on 127.0.0.1, then removes it.
# Usage: bash .ci/postgres.sh .venv/bin/pytest [args...]
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PG_BIN="$(pg_bin)"
if [ -z "$PG_BIN" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        PG_BIN="$(pg_bin)"
    else
        echo "PostgreSQL's server is missing: apt-get install postgresql" >&2
        exit 1
    fi
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
WORKDIR="$(mktemp -d /tmp/torget-postgres.XXXXXX)"
AS_OWNER=()
if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root; the Debian package's system user owns the cluster.
    chown postgres:postgres "$WORKDIR"
    AS_OWNER=(runuser -u postgres --)
fi

stop_cluster() {
    "${AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$WORKDIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$WORKDIR"
}
trap stop_cluster EXIT

"${AS_OWNER[@]}" "$PG_BIN/initdb" -D "$WORKDIR/data" -U torget --auth=trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
"${AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k $WORKDIR -c fsync=off -c full_page_writes=off" start >/dev/null

echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
# Where the cluster is, for tests that restart it (make test-cluster).
export TORGET_POSTGRES_BIN="$PG_BIN" TORGET_POSTGRES_DATA="$WORKDIR/data"
export TORGET_POSTGRES_OWNER="${AS_OWNER:+postgres}"
DATABASE_URL="postgres://torget@127.0.0.1:$PORT/torget" "$@"
