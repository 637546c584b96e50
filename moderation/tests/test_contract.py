"""Moderation works for any content app that registers its model, and knows none by name: a
toy app's notes (moderation/tests/toy, installed by the test settings) are held, approved,
reported, hidden, removed and logged through the same queue and services as forum posts."""

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings

from accounts.models import User
from accounts.services import MODERATORS
from accounts.tests.factories import UserFactory
from moderation import registry, services
from moderation.models import LogEntry, Report
from moderation.tests.toy.models import Note

pytestmark = pytest.mark.django_db

MODERATION = Path(__file__).resolve().parent.parent
SHARED_PIECES = {"home", "accounts", "moderation"}


@pytest.fixture
def notes():
    """What a content app does in its AppConfig.ready(), undone after the test."""
    published, erased = [], []

    def erase(note):
        erased.append(note.pk)
        note.text = ""
        note.save(update_fields=["text"])

    registry.register(
        registry.ModeratedKind(
            model=Note,
            name="note",
            slug="anteckning",
            label="Anteckningar",
            template="moderation_toy/note.html",
            where=lambda note: note.board,
            page_url=lambda note: f"/anslagstavla/#note-{note.pk}",
            erase=erase,
            on_published=lambda note, at: published.append(note.pk),
        )
    )
    yield SimpleNamespace(published=published, erased=erased)
    registry.unregister("note")


def note_write(*, author, text: str, board: str = "Anslagstavlan i Alby") -> Note:
    """The toy app's own service: ask moderation, then publish or hold."""
    verdict = services.gate(author=author, text=text)
    note = Note.objects.create(board=board, author=author, text=text, status=verdict.status)
    services.record_hold(item=note, verdict=verdict)
    return note


def test_a_registered_model_is_moderated_end_to_end(
    client, site_tree, notes, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.TORGET_POSTS_BEFORE_TRUST = 1
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC, display_name="Ny")
    moderator = UserFactory(groups=[MODERATORS])

    # A newcomer's first note waits, and the queue shows it under the app's own heading.
    note = note_write(author=newcomer, text="Loppis på lördag vid torget")
    assert note.status == services.PENDING
    assert LogEntry.objects.get(note=note).action == LogEntry.Action.HELD
    client.force_login(moderator)
    html = client.get("/admin/moderering/").content.decode()
    assert "Anteckningar" in html and "Loppis på lördag vid torget" in html
    assert "Anslagstavlan i Alby" in html
    assert services.queue_counts()["pending"] == 1

    # Approved in bulk: published, the app hears of it, and the author is trusted.
    client.post("/admin/moderering/godkann/", {"note": [note.pk]})
    note.refresh_from_db()
    assert note.status == services.VISIBLE and notes.published == [note.pk]
    assert services.is_trusted(newcomer)
    assert note_write(author=newcomer, text="Tack alla!").status == services.VISIBLE

    # Three readers report it through the public form: hidden, and the author is told.
    for reader in UserFactory.create_batch(3):
        client.force_login(reader)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/rapportera/anteckning/{note.pk}/", {"reason": "spam"})
        assert response["Location"] == f"/anslagstavla/#note-{note.pk}"
    note.refresh_from_db()
    assert note.status == services.HIDDEN
    assert Report.objects.filter(note=note).count() == 3
    assert "Anslagstavlan i Alby" in mailoutbox[-1].body

    # The moderator finds it among the reported and removes it for good, with a reason.
    client.force_login(moderator)
    html = client.get("/admin/moderering/?tab=reported").content.decode()
    assert "Loppis på lördag vid torget" in html and "3 rapporter" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/moderering/note/{note.pk}/", {"action": "remove", "reason": "Reklam"})
    note.refresh_from_db()
    assert (note.status, note.text, notes.erased) == (services.REMOVED, "", [note.pk])
    assert not Report.objects.open().filter(note=note).exists()
    assert "Reklam" in mailoutbox[-1].body and mailoutbox[-1].to == [newcomer.email]

    # Every step is in the log, which names the note.
    actions = LogEntry.objects.filter(note=note).order_by("pk").values_list("action", flat=True)
    assert list(actions) == ["held", "approved", "auto_hidden", "removed"]
    assert "Ny" in client.get("/admin/moderering/logg/").content.decode()


def test_an_unregistered_kind_is_not_moderated(client, notes):
    note = Note.objects.create(board="Tavlan", author=UserFactory(), text="Hej")
    registry.unregister("note")
    client.force_login(UserFactory())

    assert client.get(f"/rapportera/anteckning/{note.pk}/").status_code == 404
    with pytest.raises(LookupError):
        services.item_hide(item=note, moderator=UserFactory(groups=[MODERATORS]), reason="x")


def test_only_moderated_models_can_register():
    with pytest.raises(TypeError):
        registry.register(
            registry.ModeratedKind(
                model=User,
                name="user",
                slug="person",
                label="",
                template="",
                where=str,
                page_url=str,
                erase=str,
            )
        )


def test_the_forum_and_the_meetings_register_themselves():
    assert {kind.name for kind in registry.kinds()} >= {"post", "question"}


def test_moderation_imports_no_content_app():
    """Only its demo content uses the forum (to write the demo's posts through its services)."""
    content_apps = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).parent == settings.BASE_DIR and config.name not in SHARED_PIECES
    }
    assert {"events", "forums"} <= content_apps
    imported = {}
    for path in MODERATION.rglob("*.py"):
        if path.name == "demo.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in content_apps:
                    imported.setdefault(str(path.relative_to(MODERATION)), []).append(name)
    assert imported == {}
