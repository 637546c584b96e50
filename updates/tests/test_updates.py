import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from home.tests.factories import DistrictPageFactory, translate
from updates.models import MeasureCategory, Subscription, UpdatePage
from updates.tests.factories import UpdateIndexPageFactory, update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def index(site_tree):
    page = UpdateIndexPageFactory(parent=site_tree["home"])
    translate(page, title="Safety")
    return page


@pytest.fixture
def alby(site_tree):
    return DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")


@pytest.fixture
def cameras():
    return MeasureCategory.objects.create(name="Kamerabevakning", slug="kameror")


@pytest.fixture
def updates(index, site_tree, alby, cameras):
    fittja = site_tree["district"]
    a = update(index, "Kameror på Fittja torg", [fittja], category=cameras)
    a.tags.add("kameror")
    a.save_revision().publish()
    update(index, "Belysning i Albytunneln", [alby], status="done")
    update(index, "Fler platser i äldreomsorgen", [fittja, alby], status="planned")
    update(index, "Grannsamverkan växer", [alby], kind="news", status="")
    return index


def titles(client, url, **params):
    html = client.get(url, params).content.decode()
    return {t for t in ("Kameror", "Belysning", "Fler platser", "Grannsamverkan") if t in html}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Kameror", "Belysning", "Fler platser", "Grannsamverkan"}),
        ({"district": "fittja"}, {"Kameror", "Fler platser"}),
        ({"category": "kameror"}, {"Kameror"}),
        ({"status": "done"}, {"Belysning"}),
        ({"tag": "kameror"}, {"Kameror"}),
        ({"district": "alby", "status": "planned"}, {"Fler platser"}),
        ({"district": "alby", "status": "ongoing"}, set()),
    ],
)
def test_filters_alone_and_combined(client, updates, params, expected):
    assert titles(client, updates.url, **params) == expected


def test_an_unknown_filter_value_is_not_found(client, updates):
    assert client.get(updates.url, {"district": "okand"}).status_code == 404


def test_rss_and_atom_feeds_hold_the_right_items(client, updates):
    rss = ET.fromstring(client.get(updates.url + "rss/", {"district": "fittja"}).content)
    assert {item.findtext("title") for item in rss.iter("item")} == {
        "Kameror på Fittja torg",
        "Fler platser i äldreomsorgen",
    }
    atom = ET.fromstring(client.get(updates.url + "atom/", {"category": "kameror"}).content)
    names = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in atom.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert names == ["Kameror på Fittja torg"]
    html = client.get(updates.url).content.decode()
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_the_district_page_shows_its_measures_and_an_overview(client, updates, site_tree):
    html = client.get(site_tree["district"].url).content.decode()
    assert "Kameror på Fittja torg" in html and "Belysning i Albytunneln" not in html
    assert "Planerad: 1" in html and "Pågår: 1" in html and "Klar: 0" in html
    assert 'role="img"' in html
    assert 'rel="alternate" type="application/rss+xml"' in html


def link(email, name):
    return (
        "/"
        + re.search(rf"https?://\S+/bevakning/{name}/\S+/", email.body).group(0).split("/", 3)[3]
    )


def test_alerts_need_confirmation_go_once_per_change_and_stop_with_one_click(
    client, index, site_tree, alby, django_capture_on_commit_callbacks, mailoutbox
):
    fittja = site_tree["district"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            index.url + "bevakning/", {"email": "Amina@example.org", "districts": [fittja.pk]}
        )
    confirm = link(mailoutbox[0], "bekrafta")
    with django_capture_on_commit_callbacks(execute=True):
        update(index, "Innan bekräftelsen", [fittja])
    assert len(mailoutbox) == 1  # nothing before the confirmation
    assert "Starta bevakningen" in client.get(confirm).content.decode()
    assert Subscription.objects.get().confirmed_at is None  # opening the link is not enough
    client.post(confirm)
    assert Subscription.objects.get().confirmed_at is not None

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = update(index, "Nya kameror", [fittja], status="planned")
        update(index, "Bara i Alby", [alby])
    assert [e.subject for e in mailoutbox] == ["Nytt: Nya kameror"]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # published again, nothing changed
        page.status = "ongoing"
        page.save_revision().publish()
        page.save_revision().publish()
    assert [e.subject for e in mailoutbox] == ["Nytt: Nya kameror", "Nya kameror: nu Pågår"]
    assert mailoutbox[-1].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    response = client.post(link(mailoutbox[-1], "avsluta"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    assert not Subscription.objects.exists()


def test_subscribing_needs_a_district_and_a_valid_email(client, index):
    response = client.post(index.url + "bevakning/", {"email": "inte", "districts": []})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Välj minst en stadsdel." in html and "Fyll i en giltig e-postadress." in html


def test_english_pages_list_english_updates(client, updates, site_tree):
    english = Locale.objects.get(language_code="en")
    page = UpdatePage.objects.get(title="Kameror på Fittja torg")
    translate(page, title="Cameras at Fittja square")
    html = client.get(updates.get_translation(english).url).content.decode()
    assert "Cameras at Fittja square" in html and "Kameror på Fittja torg" not in html


def test_an_update_links_the_questions_and_threads_that_led_to_it(client, meeting_page, site_tree):
    from accounts.tests.factories import UserFactory
    from events import services as meeting_services
    from forums import services as forum_services
    from forums.tests.factories import CategoryFactory, ForumPageFactory

    forum = ForumPageFactory(parent=site_tree["home"])
    thread = forum_services.thread_create(
        category=CategoryFactory(), author=UserFactory(), title="Mörkt på torget", text="Ja."
    )
    question = meeting_services.question_create(
        page=meeting_page, author=UserFactory(), text="När kommer kamerorna?"
    )
    page = update(UpdateIndexPageFactory(parent=site_tree["home"]), "Kameror", [])
    page.related_threads.set([thread])
    page.related_questions.set([question])
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'href="{forum.url}trad/{thread.pk}/"' in html
    assert f'href="{meeting_page.url}#question-{question.pk}"' in html
    assert "När kommer kamerorna?" in html


def test_my_emails_lists_the_alerts_to_ones_address_and_stops_them(client, site_tree):
    from django.utils import timezone

    from accounts.tests.factories import UserFactory

    person = UserFactory()
    own = Subscription.objects.create(email=person.email.upper(), confirmed_at=timezone.now())
    own.districts.set([site_tree["district"]])
    other = Subscription.objects.create(email="annan@example.org", confirmed_at=timezone.now())
    client.force_login(person)
    html = client.get("/konto/mejl/").content.decode()
    assert "Fittja" in html and "Stoppa bevakningen" in html
    assert client.post(f"/konto/mejl/bevakning/{other.pk}/avsluta/").status_code == 404
    client.post(f"/konto/mejl/bevakning/{own.pk}/avsluta/")
    assert not Subscription.objects.filter(pk=own.pk).exists()
    assert Subscription.objects.filter(pk=other.pk).exists()
