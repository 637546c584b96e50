"""What the site does with input no person sends; tests/test_bad_input.py tries it everywhere."""

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from home.forms import ModelChoiceField, ModelMultipleChoiceField, row_id
from home.models import DistrictPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    ["/sok/?q=%00", "/en/sok/?q=a%00b", "/api/v2/pages/?search=%00", "/%00/", "/stadsdelar%00/"],
)
def test_a_nul_character_is_refused_with_a_plain_page(client, site_tree, address):
    response = client.get(address)

    assert response.status_code == 400
    assert "112" in response.content.decode()  # the frame of the site's error pages


def test_the_refusal_is_in_the_visitors_language_and_direction(client, site_tree):
    english = client.get("/en/sok/?q=%00").content.decode()
    assert '<html lang="en" dir="ltr">' in english
    assert "We could not read what was sent" in english
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/sok/?q=%00").content.decode()


def test_a_nul_character_in_a_form_field_a_file_name_or_a_cookie_is_refused(client, site_tree):
    assert client.post("/lagesbild/", {"place": "Torget\x00"}).status_code == 400
    upload = SimpleUploadedFile("bild\x00.png", b"...", "image/png")
    assert client.post("/lagesbild/", {"place": "Torget", "image": upload}).status_code == 400
    client.cookies["sessionid"] = "\x00" * 32
    assert client.get("/").status_code == 400


def test_a_nul_character_never_reaches_the_view_even_without_a_csrf_token(site_tree):
    strict = Client(enforce_csrf_checks=True)

    assert strict.post("/lagesbild/", {"place": "\x00"}).status_code == 400


@pytest.mark.parametrize("value", ["12", "1", str(2**63 - 1)])
def test_row_id_reads_an_id(value):
    assert row_id(value) == int(value)


@pytest.mark.parametrize(
    "value", [None, "", "0", "-1", "abc", "1.5", " 12", "\u00b2", "\u0661\u0662", str(2**63)]
)
def test_row_id_refuses_what_no_table_has(value):
    assert row_id(value) is None


class DistrictForm(forms.Form):
    district = ModelChoiceField(queryset=DistrictPage.objects.all())
    districts = ModelMultipleChoiceField(queryset=DistrictPage.objects.all(), required=False)


def test_a_choice_no_database_integer_holds_is_an_invalid_choice(site_tree):
    """A page's key is its relation to Wagtail's page, which Django does not bound: SQLite
    raised OverflowError."""
    huge = "99999999999999999999"
    form = DistrictForm({"district": huge, "districts": [huge]})

    assert not form.is_valid()
    assert form.errors.as_data()["district"][0].code == "invalid_choice"
    assert form.errors.as_data()["districts"][0].code == "invalid_choice"


def test_a_district_that_exists_is_still_chosen(site_tree):
    district = site_tree["district"]
    form = DistrictForm({"district": str(district.pk), "districts": [str(district.pk)]})

    assert form.is_valid()
    assert form.cleaned_data["district"] == district
