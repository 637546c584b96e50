#!/usr/bin/env bash
# Checks that the files in deploy/ are valid: the nginx site parses, the systemd units verify,
# and the example environment passes Django's deployment checks.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== nginx -t on deploy/nginx/torget.conf"
mkdir -p "$work/nginx/logs" "$work/certs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=torget.example.org" \
    -keyout "$work/certs/privkey.pem" -out "$work/certs/fullchain.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/torget.example.org#$work/certs#" deploy/nginx/torget.conf \
    > "$work/nginx/torget.conf"
cat > "$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events {}
http {
    access_log off;
    include $work/nginx/torget.conf;
}
CONF
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"

echo "== systemd-analyze verify deploy/systemd/*"
mkdir -p "$work/systemd"
for unit in deploy/systemd/*; do
    # The units name the production paths; point them at this checkout so that the
    # programs they start exist.
    sed -e "s#/srv/torget#$root#g" -e "s#/etc/torget/env#$root/deploy/env.example#" \
        "$unit" > "$work/systemd/$(basename "$unit")"
done
for instance in publish_scheduled send_queued_emails send_meeting_reminders \
        send_forum_notifications purge_personal_data prune_db_task_results backup; do
    grep -q "torget-periodic@$instance.service" deploy/systemd/*.timer
done
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work"/systemd/*

echo "== manage.py check --deploy with deploy/env.example"
set -a; source deploy/env.example; set +a
DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')"
.venv/bin/python manage.py check --deploy --fail-level WARNING
echo "deploy/ is valid"
