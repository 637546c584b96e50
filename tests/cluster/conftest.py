"""The cluster tests run under `make test-cluster` only: it starts PostgreSQL and tells these
tests where (the rest they start themselves, tests/cluster/processes.py). Elsewhere they are
collected and skipped."""

import os
import signal

import pytest

from tests.cluster.processes import Cluster

IN_A_CLUSTER = "TORGET_POSTGRES_DATA" in os.environ and "TORGET_CLUSTER" in os.environ


def pytest_collection_modifyitems(config, items):
    if IN_A_CLUSTER:
        return
    skip = pytest.mark.skip(reason="make test-cluster runs these (PostgreSQL, Redis, two servers)")
    for item in items:
        if "tests/cluster/" in str(item.fspath):
            item.add_marker(skip)


def _exit(signal_number, frame):
    raise SystemExit(128 + signal_number)


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    # A SIGTERM (CI's timeout, a kill from another terminal) still stops what was started.
    previous = signal.signal(signal.SIGTERM, _exit)
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        running.start()
        yield running
    finally:
        running.stop()
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture
def healthy(cluster):
    """Each test starts with every part running, and leaves it so."""
    yield cluster
    cluster.mail.let_go()
    if not cluster.redis.running():
        cluster.redis.start()
    cluster.redis.thaw()
    if cluster.mail.controller is None:
        cluster.mail.start()
    if not cluster.worker.running() and cluster.worker.stopping:
        cluster.worker.start()


MEETINGS = """
import json
from datetime import timedelta
from django.utils import timezone
from events.models import EventIndexPage, EventPage
index = EventIndexPage.objects.get(locale__language_code="sv")
start = timezone.now() + timedelta(days=20)
def meeting(slug, title, capacity, live=True):
    page = EventPage(title=title, slug=slug, kind="assembly", status="scheduled", start=start,
                     end=start + timedelta(hours=2), venue_name="Folkets hus", capacity=capacity,
                     live=live)
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page
places = meeting("klustermote", "Klustermöte i Fittja", 30)
storm = meeting("stormen", "Storsamling i stormen", 150)
small = meeting("litet-mote", "Litet möte utan Redis", 10)
without_redis = meeting("utan-redis", "Möte medan Redis är borta", 30)
draft = meeting("utkast", "Möte som publiceras i klustret", 40, live=False)
print(json.dumps({"places": places.url, "storm": storm.url, "storm_pk": storm.pk,
                  "draft_pk": draft.pk, "draft_url": "/moten/utkast/", "index": index.url,
                  "small": small.url, "without_redis": without_redis.url}))
"""


@pytest.fixture(scope="session")
def pages(cluster):
    """Meetings of the tests' own, made as an editor would: one with 30 places, the storm's
    with 150, one with 10, one with 30 for the tests without Redis, and a draft that a test
    publishes."""
    return cluster.django(MEETINGS)
