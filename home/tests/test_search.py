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


def test_search_falls_back_to_swedish_when_nothing_is_in_the_visitors_language(client, site_tree):
    html = client.get("/so/sok/", {"q": "Fittja"}).content.decode()

    assert 'href="/stadsdelar/fittja/" lang="sv" dir="ltr"' in html
    assert 'class="alert alert--info"' in html  # says the results are in Swedish


def test_search_in_a_language_with_its_own_pages_does_not_fall_back(client, site_tree):
    html = client.get("/en/sok/", {"q": "Fittja"}).content.decode()

    assert 'class="alert alert--info"' not in html
