"""Every app declares what it keeps about people (home.personal_data), and the shared pieces
read only the declarations: no personal field goes undeclared, no fate contradicts what the
database does, and a new app joins "My data", the deletion and the privacy page by declaring."""

import ast
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models

from accounts.services import account_delete
from accounts.tests.factories import PASSWORD, UserFactory
from home import personal_data
from home.personal_data import (
    Declaration,
    DeletionCount,
    Fate,
    Holding,
    Section,
    Stage,
    Step,
)
from home.retention import Rule
from home.tests.factories import StandardPageFactory
from moderation.tests.toy.models import Note

BASE_DIR = Path(settings.BASE_DIR)
SHARED_PIECES = {"home", "accounts", "moderation"}
# Models of installed packages that the project's code fills with people's data.
THIRD_PARTY = [
    "account.EmailAddress",
    "mfa.Authenticator",
    "usersessions.UserSession",
    "socialaccount.SocialAccount",
    "sessions.Session",
]


def project_apps():
    return [config for config in apps.get_app_configs() if Path(config.path).parent == BASE_DIR]


# accounts and home import no content app


def imported_content_apps(package: Path, content_apps: set[str]) -> dict[str, list[str]]:
    imported = {}
    for path in package.rglob("*.py"):
        relative = path.relative_to(package)
        # Tests build content with every app's factories; the demo data set is made through
        # every app's services, as moderation's test allows.
        if "tests" in relative.parts or path.name.startswith("demo") or "demo" in path.stem:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            # A dotted path imported by name later (import_string), as the retention rules
            # once named their purges; a model label ("events.EventPage") has one dot only.
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = [node.value] if re.fullmatch(r"\w+(\.\w+){2,}", node.value) else []
            for name in names:
                if name.split(".")[0] in content_apps:
                    imported.setdefault(str(relative), []).append(name)
    return imported


@pytest.mark.parametrize("shared_piece", ["accounts", "home"])
def test_accounts_and_home_import_no_content_app(shared_piece):
    content_apps = {
        config.name.split(".")[0] for config in project_apps() if config.name not in SHARED_PIECES
    }
    assert {
        "events",
        "forums",
        "polls",
        "proposals",
        "updates",
        "reports",
        "surveys",
        "opendata",
    } <= content_apps
    assert imported_content_apps(BASE_DIR / shared_piece, content_apps) == {}


# Every personal field is declared


def personal_fields(model):
    """Links to an account, email and IP addresses, and free text: every TextField, and every
    CharField without fixed choices (a name, a place, a reason), since whether residents write
    it is exactly what a declaration must say."""
    user = get_user_model()
    addresses_and_text = (models.EmailField, models.GenericIPAddressField, models.TextField)
    for field in [*model._meta.local_concrete_fields, *model._meta.local_many_to_many]:
        if field.is_relation:
            personal = field.related_model is user
        elif isinstance(field, addresses_and_text):
            personal = True
        else:
            personal = (
                isinstance(field, models.CharField)
                and not isinstance(field, (models.SlugField, models.URLField))
                and not field.choices
            )
        if personal:
            yield field


def checked_models():
    for config in project_apps():
        yield from config.get_models()
    for label in THIRD_PARTY:
        yield apps.get_model(label)


def test_every_personal_field_is_declared_by_an_app_or_as_staff_data_once():
    declared = [*personal_data.holdings(), *personal_data.staff_data()]
    undeclared, twice = [], []
    for model in checked_models():
        for field in personal_fields(model):
            naming = [
                item
                for item in declared
                if issubclass(model, item.model) and field.name in item.fields
            ]
            if not naming:
                undeclared.append(f"{model._meta.label}.{field.name}")
            elif len(naming) > 1:
                twice.append(f"{model._meta.label}.{field.name}")
    assert undeclared == []
    assert twice == []


def test_staff_data_says_why():
    assert all(item.why.strip() for item in personal_data.staff_data())


def test_each_fate_is_what_the_database_does_when_the_account_row_goes():
    """Erased rows go with the account row; rows kept without the person, or left to their
    choice, survive it with the link emptied ("Former member")."""
    user = get_user_model()
    expected = {Fate.ERASED: models.CASCADE, Fate.KEPT: models.SET_NULL}
    expected[Fate.CHOICE] = models.SET_NULL
    checked = 0
    for holding in personal_data.holdings():
        if not holding.person or "__" in holding.person:
            continue
        field = holding.model._meta.get_field(holding.person)
        assert field.related_model is user, holding
        on_delete = field.remote_field.on_delete
        assert on_delete is expected[holding.fate], (holding.model, holding.person)
        checked += 1
    assert checked >= 15


# The registry's own rules


def test_a_declaration_naming_a_field_that_does_not_exist_is_refused():
    from django.core.exceptions import FieldDoesNotExist

    with pytest.raises(FieldDoesNotExist):
        personal_data.register(
            Declaration(
                app="moderation_toy",
                holdings=(Holding(model=Note, fields=("writer",), fate=Fate.ERASED),),
            )
        )
    assert "moderation_toy" not in {d.app for d in personal_data.declarations()}


def test_no_app_may_run_after_the_goodbye_email_or_take_anothers_section():
    def nothing(*, user, at):
        return None

    with pytest.raises(ValueError, match="last"):
        personal_data.register(
            Declaration(app="moderation_toy", steps=(Step(stage=Stage.ACCOUNT, run=nothing),))
        )
    with pytest.raises(ValueError, match="posts"):
        personal_data.register(
            Declaration(
                app="moderation_toy",
                sections=(Section(key="posts", heading="x", rows=lambda user: [], labels={}),),
            )
        )


# A new app joins by declaring


def notes_remove(*, user, at=None):
    Note.objects.filter(author=user).update(text="")
    return {"notes_removed": 1}


@pytest.fixture
def notes_declared():
    """What a new content app does in its AppConfig.ready(), undone after the test."""
    personal_data.register(
        Declaration(
            app="moderation_toy",
            holdings=(
                Holding(
                    model=Note,
                    fields=("author", "board", "text"),
                    fate=Fate.CHOICE,
                    person="author",
                ),
            ),
            sections=(
                Section(
                    key="notes",
                    heading="Dina anslag",
                    rows=lambda user: [
                        {"text": note.text} for note in Note.objects.filter(author=user)
                    ],
                    labels={"text": "Anslagets text"},
                ),
            ),
            counts=(
                DeletionCount(
                    key="notes",
                    count=lambda user: Note.objects.filter(author=user).count(),
                    sentence="Du har satt upp %(counter)s anslag.",
                    writing=True,
                ),
            ),
            steps=(Step(stage=Stage.WRITING, run=notes_remove),),
            rules=(
                Rule(
                    key="notes",
                    data="Anslag du sätter upp",
                    why="Du ville visa dem",
                    who="Alla",
                    period="Tills du tar bort dem",
                ),
            ),
        )
    )
    yield
    personal_data.unregister("moderation_toy")


@pytest.mark.django_db
def test_a_new_app_joins_my_data_the_deletion_and_the_privacy_page_by_declaring(
    client, site_tree, notes_declared
):
    person = UserFactory()
    Note.objects.create(board="Tavlan i Alby", author=person, text="Loppis på lördag")
    client.force_login(person)

    html = client.get("/konto/mina-uppgifter/").content.decode()
    assert "Dina anslag" in html and "Anslagets text" in html and "Loppis på lördag" in html
    data = json.loads(client.get("/konto/mina-uppgifter.json").content)
    assert data["notes"] == [{"text": "Loppis på lördag"}]

    reauthenticate = client.get("/konto/radera/")
    client.post(reauthenticate.url, {"password": PASSWORD})
    assert "Du har satt upp 1 anslag." in client.get("/konto/radera/").content.decode()

    StandardPageFactory(
        parent=site_tree["home"],
        title="Integritet",
        slug="integritet",
        body=json.dumps([{"type": "retention", "value": None}]),
    )
    privacy = client.get("/integritet/").content.decode()
    assert 'id="retention-notes"' in privacy and "Anslag du sätter upp" in privacy

    facts = account_delete(user=person, remove_posts=True)
    assert facts["notes_removed"] == 1
    assert Note.objects.get().text == "" and Note.objects.get().author is None
