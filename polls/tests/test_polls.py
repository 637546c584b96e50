from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.services import EDITORS
from accounts.tests.factories import UserFactory
from polls import services
from polls.models import Poll, PollOption, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(meeting_page, site_tree):
    now = timezone.now()
    poll = Poll.objects.create(
        question="Vilken tid passar bäst?",
        page=meeting_page,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
    )
    poll.districts.set([site_tree["district"]])
    poll.save()  # a cluster keeps its many-to-many in memory until saved
    for number, text in enumerate(["Vardag kl. 18", "Vardag kl. 19", "Lördag"]):
        PollOption.objects.create(poll=poll, text=text, sort_order=number)
    return poll


def answer(poll, text):
    return poll.options.get(text=text)


def test_a_resident_votes_once_and_then_sees_the_results(client, poll, meeting_page):
    client.force_login(UserFactory())
    html = client.get(meeting_page.url).content.decode()
    assert "Vilken tid passar bäst?" in html and "Rösta" in html
    assert "Resultat:" not in html
    vote = {"option": answer(poll, "Lördag").pk, "district": poll.districts.get().pk}
    response = client.post(f"/omrostning/{poll.pk}/rosta/", vote)
    assert response["Location"] == f"{meeting_page.url}#poll-{poll.pk}"
    html = client.get(meeting_page.url).content.decode()
    assert "Tack för din röst." in html and "Du har röstat." in html
    assert "Resultat: 1 röst" in html and "100 %" in html
    client.post(f"/omrostning/{poll.pk}/rosta/", {"option": answer(poll, "Vardag kl. 18").pk})
    assert "Du har redan röstat" in client.get(meeting_page.url).content.decode()
    assert Vote.objects.get().option.text == "Lördag"


def test_results_show_to_others_only_once_the_poll_has_closed(client, poll, meeting_page):
    services.vote_cast(poll=poll, user=UserFactory(), option=answer(poll, "Lördag"))
    html = client.get(meeting_page.url).content.decode()
    assert "för att rösta" in html and "Resultat" not in html
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    html = client.get(meeting_page.url).content.decode()
    assert "Resultat: 1 röst" in html and "Lördag" in html
    assert "för att rösta" not in html


def test_voting_only_while_open_and_from_a_confirmed_account(poll):
    person, option = UserFactory(), answer(poll, "Lördag")
    with pytest.raises(services.PollError) as refused:
        services.vote_cast(poll=poll, user=person, option=option, at=poll.opens_at - timedelta(1))
    assert refused.value.code == "not_open"
    with pytest.raises(services.PollError) as refused:
        services.vote_cast(poll=poll, user=person, option=option, at=poll.closes_at)
    assert refused.value.code == "closed"
    with pytest.raises(PermissionDenied):
        services.vote_cast(poll=poll, user=UserFactory(verified=False), option=option)
    assert not Vote.objects.exists()


def test_an_answer_or_district_from_elsewhere_is_refused(poll, meeting_page, site_tree):
    other = Poll.objects.create(
        question="Annan", page=meeting_page, closes_at=timezone.now() + timedelta(days=1)
    )
    stray = PollOption.objects.create(poll=other, text="Ja")
    with pytest.raises(PermissionDenied):
        services.vote_cast(poll=poll, user=UserFactory(), option=stray)
    with pytest.raises(PermissionDenied):
        services.vote_cast(
            poll=other, user=UserFactory(), option=stray, district=site_tree["district"]
        )


def test_a_visitor_is_sent_to_log_in_to_vote(client, poll, meeting_page):
    response = client.post(f"/omrostning/{poll.pk}/rosta/", {"option": answer(poll, "Lördag").pk})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert client.get(f"/omrostning/{poll.pk}/rosta/").status_code == 405
    assert not Vote.objects.exists()


def test_staff_see_the_totals_per_district_and_download_them(client, poll, site_tree):
    fittja = site_tree["district"]
    services.vote_cast(
        poll=poll, user=UserFactory(), option=answer(poll, "Lördag"), district=fittja
    )
    services.vote_cast(poll=poll, user=UserFactory(), option=answer(poll, "Lördag"))
    services.vote_cast(poll=poll, user=UserFactory(), option=answer(poll, "Vardag kl. 18"))
    client.force_login(UserFactory())
    assert client.get(f"/admin/omrostningar/{poll.pk}/").status_code in (302, 403)
    client.force_login(UserFactory(groups=[EDITORS]))
    html = client.get(f"/admin/omrostningar/{poll.pk}/").content.decode()
    assert "Fittja" in html and "Inte angivet" in html and "3 röster" in html
    lines = client.get(f"/admin/omrostningar/{poll.pk}.csv").content.decode("utf-8-sig")
    rows = [line.split(";") for line in lines.strip().splitlines()]
    assert rows[0] == [
        "Svar",
        "Fittja",
        "Inte angivet",
        "Verifierade röstande",
        "Övriga röstande",
        "Totalt",
    ]
    assert ["Lördag", "1", "1", "0", "2", "2"] in rows
    assert ["Vardag kl. 18", "0", "1", "0", "1", "1"] in rows


def test_a_poll_closes_after_it_opens(poll):
    from django.core.exceptions import ValidationError

    poll.closes_at = poll.opens_at
    with pytest.raises(ValidationError):
        poll.full_clean()


def test_editors_give_a_poll_two_to_six_answers_in_the_admin(client, meeting_page):
    client.force_login(UserFactory(groups=[EDITORS]))

    def add(answers):
        data = {
            "question": "Vilken dag?",
            "page": meeting_page.pk,
            "opens_at": "2026-12-01 10:00",
            "closes_at": "2026-12-08 10:00",
            "options-TOTAL_FORMS": len(answers),
            "options-INITIAL_FORMS": 0,
            "options-MIN_NUM_FORMS": 2,
            "options-MAX_NUM_FORMS": 6,
        }
        for number, text in enumerate(answers):
            data |= {f"options-{number}-text": text, f"options-{number}-ORDER": number + 1}
            data |= {f"options-{number}-id": "", f"options-{number}-DELETE": ""}
        return client.post("/admin/snippets/polls/poll/add/", data)

    assert add(["Bara ett"]).status_code == 200
    assert add([f"Svar {n}" for n in range(7)]).status_code == 200
    assert not Poll.objects.filter(question="Vilken dag?").exists()
    assert add(["Måndag", "Tisdag"]).status_code == 302
    assert [o.text for o in Poll.objects.get(question="Vilken dag?").options.all()] == [
        "Måndag",
        "Tisdag",
    ]


def verified_resident():
    from accounts.models import Verification
    from accounts.services import verification_record

    person = UserFactory()
    verification_record(user=person, method=Verification.Method.IN_PERSON)
    return person


def test_a_poll_for_verified_residents_refuses_others_with_how_to_verify(
    client, poll, meeting_page
):
    Poll.objects.filter(pk=poll.pk).update(verified_only=True)
    poll.refresh_from_db()
    client.force_login(UserFactory())
    html = client.get(meeting_page.url).content.decode()
    assert "Bara invånare som är verifierade som en person kan rösta" in html
    assert "Rösta</button>" not in html
    client.post(f"/omrostning/{poll.pk}/rosta/", {"option": answer(poll, "Lördag").pk})
    assert not Vote.objects.exists()
    with pytest.raises(services.PollError) as refused:
        services.vote_cast(poll=poll, user=UserFactory(), option=answer(poll, "Lördag"))
    assert refused.value.code == "not_verified"
    client.force_login(verified_resident())
    assert "Rösta</button>" in client.get(meeting_page.url).content.decode()
    client.post(f"/omrostning/{poll.pk}/rosta/", {"option": answer(poll, "Lördag").pk})
    assert Vote.objects.get().verified is True


def test_results_can_be_shown_split_by_verified_and_not(client, poll, meeting_page):
    services.vote_cast(poll=poll, user=verified_resident(), option=answer(poll, "Lördag"))
    services.vote_cast(poll=poll, user=UserFactory(), option=answer(poll, "Lördag"))
    Poll.objects.filter(pk=poll.pk).update(
        results_by_verification=True, closes_at=timezone.now() - timedelta(minutes=1)
    )
    html = client.get(meeting_page.url).content.decode()
    assert "Verifierade röstande" in html and "Övriga röstande" in html
    lordag = [row for row in Poll.objects.get(pk=poll.pk).counted_results() if row["votes"]]
    assert [(r["option"].text, r["verified"], r["not_verified"]) for r in lordag] == [
        ("Lördag", 1, 1)
    ]
