from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from home.models import DisruptionNotice
from home.tests.factories import DisruptionNoticeFactory

pytestmark = pytest.mark.django_db


def test_an_active_notice_is_shown_on_every_page(client, site_tree):
    DisruptionNoticeFactory(message="Eldningsförbud i hela länet.")
    for url in ("/", "/stadsdelar/fittja/", "/sok/", "/konto/login/"):
        content = client.get(url).content.decode()
        assert "Eldningsförbud i hela länet." in content, url
        assert "Dölj meddelandet" in content


def test_the_notice_is_shown_in_the_visitors_language(client, site_tree):
    notice = DisruptionNoticeFactory(message="Eldningsförbud.")
    english = notice.copy_for_translation(Locale.objects.get(language_code="en"))
    english.message = "Fire ban."
    english.save()
    assert "Fire ban." in client.get("/en/").content.decode()
    assert "Eldningsförbud." in client.get("/").content.decode()


def test_an_untranslated_notice_is_shown_in_swedish_and_marked_as_swedish(client, site_tree):
    DisruptionNoticeFactory(message="Eldningsförbud.")
    content = client.get("/en/").content.decode()
    assert '<p class="notice__text" lang="sv">' in content


def test_a_notice_is_not_shown_before_its_start_or_after_its_end(client, site_tree):
    now = timezone.now()
    DisruptionNoticeFactory(message="Förr.", starts_at=now - timedelta(days=3), ends_at=now)
    DisruptionNoticeFactory(message="Sedan.", starts_at=now + timedelta(hours=1))
    content = client.get("/").content.decode()
    assert "Förr." not in content
    assert "Sedan." not in content


def test_a_notice_must_end_after_it_starts():
    now = timezone.now()
    notice = DisruptionNotice(message="Fel.", starts_at=now, ends_at=now - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        notice.clean()
    assert "ends_at" in error.value.message_dict


def test_the_hidden_state_follows_the_notice_content(site_tree):
    notice = DisruptionNoticeFactory()
    before = notice.version_key
    notice.save()
    assert notice.version_key == before
    notice.message = "Ny text."
    assert notice.version_key != before


def test_anonymous_pages_are_never_cached_past_a_notice_change(client, site_tree, settings):
    settings.PUBLIC_CACHE_SECONDS = 300
    response = client.get("/")
    assert "max-age=300" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    DisruptionNoticeFactory(ends_at=timezone.now() + timedelta(seconds=90))
    max_age = int(client.get("/")["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 90
