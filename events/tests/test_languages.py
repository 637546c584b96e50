"""Meetings in every language: facts shared from the Swedish page by wagtail-localize's
synchronised fields, emails in the guest's language, interpretation named in the reader's."""

import pytest
from wagtail.models import Locale

from events.models import EventPage
from events.tests.test_views import GUEST, register_url
from home.translations import translation_import

pytestmark = pytest.mark.django_db


def translated(page, code, title):
    return translation_import(
        instance=page, locale=Locale.objects.get(language_code=code), strings={page.title: title}
    )


def test_capacity_changed_on_the_swedish_page_changes_on_the_arabic_page(
    meeting_page, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        arabic_fittja = translated(site_tree["district"], "ar", "فيتيا")
        arabic = translated(meeting_page, "ar", "الاجتماع الكبير في فيتيا")

    with django_capture_on_commit_callbacks(execute=True):
        meeting_page.capacity = 40
        meeting_page.venue_name = "Fittja gård"
        meeting_page.save_revision().publish()

    arabic = EventPage.objects.get(pk=arabic.pk)
    assert (arabic.capacity, arabic.venue_name) == (40, "Fittja gård")
    assert arabic.title == "الاجتماع الكبير في فيتيا"  # the text stays translated
    assert list(arabic.districts.all()) == [arabic_fittja]  # its district in Arabic


def test_a_guest_registering_on_the_finnish_page_gets_the_email_in_finnish(
    client, meeting_page, committed, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finnish = translated(meeting_page, "fi", "Suuri asukaskokous Fittjassa")

    with committed():
        response = client.post(register_url(finnish), GUEST, follow=True)

    assert response.status_code == 200
    assert mailoutbox[0].subject == "Vahvista ilmoittautumisesi: Suuri asukaskokous Fittjassa"
    assert "/fi/anmalan/" in mailoutbox[0].body


def test_the_arabic_page_says_in_arabic_that_interpretation_into_arabic_is_offered(
    client, meeting_page, django_capture_on_commit_callbacks
):
    meeting_page.interpretation_languages = ["ar", "so"]
    meeting_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        arabic = translated(meeting_page, "ar", "الاجتماع الكبير في فيتيا")

    html = client.get(arabic.url).content.decode()

    assert "<dt>الترجمة الفورية</dt>" in html
    assert "<dd>العربية, الصومالية</dd>" in html


def test_an_editor_opens_the_arabic_meeting_in_the_translation_editor(
    client, meeting_page, django_capture_on_commit_callbacks
):
    from accounts.tests.factories import UserFactory

    with django_capture_on_commit_callbacks(execute=True):
        arabic = translated(meeting_page, "ar", "الاجتماع الكبير في فيتيا")
    client.force_login(UserFactory(groups=["Redaktörer"]))

    response = client.get(f"/admin/pages/{arabic.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "الاجتماع الكبير في فيتيا" in html  # wagtail-localize's editor, with the translation
    assert "Storsamling Fittja" in html  # beside the Swedish text
