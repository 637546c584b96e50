"""A backup of the running site, restored into a new database, serves the same pages."""

import re
import urllib.parse

import psycopg

from tests.cluster.processes import AppServer, wait_for
from tests.cluster.visitor import Visitor

# What differs between two responses of the same page: each reader's CSRF token and script
# nonce, and the cache's own header.
PER_RESPONSE = re.compile(rb'(csrfmiddlewaretoken" value="|nonce=")[^"]+')
PAGES = ["/", "/moten/", "/stadsdelar/fittja/", "/trygghet/", "/forum/", "/en/", "/ar/"]


def body(visitor, server, path):
    connection_page = visitor.get(server, path)
    assert connection_page.status == 200, (server.name, path)
    return PER_RESPONSE.sub(rb"\1-", connection_page.text.encode())


def test_a_backup_restores_into_a_fresh_database_with_the_same_counts_and_pages(healthy, tmp_path):
    cluster = healthy
    backup = cluster.manage("backup", "--to", str(tmp_path / "backups")).strip()
    original = urllib.parse.urlsplit(cluster.env["DATABASE_URL"])
    restored_url = original._replace(path="/torget_restored").geturl()
    with psycopg.connect(original._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute('CREATE DATABASE "torget_restored"')
    restored_env = {
        **cluster.env,
        "DATABASE_URL": restored_url,
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    restored_env.pop("REDIS_URL")  # its own cache: nothing can come from the original's
    restored_env["TORGET_CONTENT_VERSION_FILE"] = str(tmp_path / "content-version")
    output = cluster.manage_with(restored_env, "restore", backup)
    assert "as its manifest says" in output
    server = AppServer("server-restored", restored_env, cluster.folder)
    server.start()
    try:
        reader = Visitor("198.51.100.80")
        for path in PAGES:
            wait_for(
                lambda path=path: body(reader, cluster.a, path) == body(reader, server, path),
                seconds=5,
                message=f"{path} differs after the restore",
            )
    finally:
        server.stop()
