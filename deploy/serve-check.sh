#!/usr/bin/env bash
# Boots `make serve` on a fresh database and a free port, then fetches a page and a static file.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export DATABASE_URL="sqlite:///$work/serve.sqlite3" TORGET_CONTENT_VERSION_FILE="$work/content-version"
setsid make --no-print-directory serve PORT="$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -- -$server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 120); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    sleep 1
done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/serve.log"; echo "make serve did not start"; exit 1; }
page="$(curl -fsS "$base/")"
stylesheet="$(grep -o '/static/css/torget\.[0-9a-f]*\.css' <<<"$page" | head -1)"
[ -n "$stylesheet" ] || { echo "the page names no hashed stylesheet"; exit 1; }
curl -fsS -o /dev/null -w '%{content_type}\n' "$base$stylesheet" | grep -q '^text/css'
echo "make serve answered $base/ and $stylesheet"
