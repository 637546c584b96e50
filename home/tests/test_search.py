import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_visitors_language(client, site_tree):
    swedish = client.get("/sok/", {"q": "Fittja"}).content.decode()
    assert 'href="/stadsdelar/fittja/"' in swedish
    assert 'href="/en/stadsdelar/fittja/"' not in swedish
    english = client.get("/en/sok/", {"q": "Fittja"}).content.decode()
    assert 'href="/en/stadsdelar/fittja/"' in english


def test_search_says_so_when_nothing_matches(client, site_tree):
    content = client.get("/sok/", {"q": "zebrapark"}).content.decode()
    assert "Inget matchar ”zebrapark”." in content


def test_search_without_a_query_shows_only_the_form(client, site_tree):
    response = client.get("/sok/")
    assert response.status_code == 200
    assert 'id="search-query"' in response.content.decode()
