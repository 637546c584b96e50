import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from accounts.models import User
from accounts.tests.factories import UserFactory
from proposals import services
from proposals.models import Proposal
from proposals.notifications import unsubscribe_token

pytestmark = pytest.mark.django_db


def proposal_made(index, district, title, **fields):
    return services.proposal_create(
        index_page=index,
        author=fields.pop("author", None) or UserFactory(),
        district=district,
        title=title,
        text=fields.pop("text", "Text."),
        **fields,
    )


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, "PNG")
    return SimpleUploadedFile("tunnel.png", buffer.getvalue(), content_type="image/png")


# Reading


def test_the_list_shows_published_proposals_by_support(client, index, site_tree, proposal):
    popular = proposal_made(index, site_tree["district"], "Bänkar på torget")
    for person in UserFactory.create_batch(2):
        services.support_toggle(proposal=popular, user=person)
    proposal_made(
        index, site_tree["district"], "Väntar", author=UserFactory(trust=User.Trust.AUTOMATIC)
    )
    html = client.get(index.url).content.decode()
    assert html.index("Bänkar på torget") < html.index("Ljus i tunneln")
    assert "2 personer stöder" not in html and "2 stödjare" in html
    assert "Väntar" not in html
    newest = client.get(index.url + "?sort=newest").content.decode()
    assert newest.index("Bänkar på torget") < newest.index("Ljus i tunneln")


def test_the_list_filters_by_district_and_status(client, index, site_tree, proposal, editor):
    services.proposal_answer(proposal=proposal, by=editor, status="review")
    assert "Ljus i tunneln" in client.get(index.url + "?district=fittja").content.decode()
    assert "Ljus i tunneln" in client.get(index.url + "?status=review").content.decode()
    answered = client.get(index.url + "?status=answered").content.decode()
    assert "Ljus i tunneln" not in answered and "Inga förslag" in answered
    assert client.get(index.url + "?district=atlantis").status_code == 404


def test_a_visitor_reads_a_proposal_and_is_asked_to_log_in_to_support(client, index, proposal):
    html = client.get(index.proposal_url(proposal)).content.decode()
    assert "Ljus i tunneln" in html and "<strong>mörk</strong>" in html
    assert "Albytunneln" in html and "Amina" in html
    assert "0 personer stöder förslaget" in html
    assert "för att stödja förslaget" in html
    assert f"trad/{proposal.thread.pk}/" in html


def test_a_waiting_proposal_is_shown_to_its_author_only(client, index, site_tree):
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC)
    waiting = proposal_made(index, site_tree["district"], "Utegym", author=newcomer)
    assert client.get(index.proposal_url(waiting)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(index.proposal_url(waiting)).status_code == 404
    client.force_login(newcomer)
    html = client.get(index.proposal_url(waiting)).content.decode()
    assert "Väntar på en moderator" in html
    assert "Utegym" in client.get(index.url).content.decode()  # under "yours, waiting"


def test_the_answer_and_the_measure_it_became_are_shown(client, index, proposal, editor):
    from updates.tests.factories import UpdateIndexPageFactory, update

    updates_index = UpdateIndexPageFactory(parent=index.get_parent())
    measure = update(updates_index, "Ny belysning", [proposal.district])
    services.proposal_answer(
        proposal=proposal,
        by=editor,
        status="progress",
        verdict="accepted",
        answer="Vi byter lamporna i höst.",
        measure=measure,
    )
    html = client.get(index.proposal_url(proposal)).content.decode()
    assert "Kommunens svar" in html and "Bifallet" in html
    assert "Vi byter lamporna i höst." in html
    assert measure.url in html and "Ny belysning" in html
    assert "stödet är stängt" in html.lower()
    timeline = client.get(measure.url).content.decode()
    assert "Det började som invånarnas förslag" in timeline
    assert f'href="{index.proposal_url(proposal)}"' in timeline


# Writing


def test_making_a_proposal_needs_a_login(client, index):
    response = client.get(index.url + "nytt/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_a_resident_makes_a_proposal_with_an_image(client, index, site_tree):
    client.force_login(UserFactory(display_name="Amina"))
    response = client.post(
        index.url + "nytt/",
        {
            "title": "Ljus i tunneln",
            "district": site_tree["district"].pk,
            "text": "Det är mörkt.",
            "place": "Albytunneln",
            "image": png(),
            "image_alt": "Den mörka tunneln en kväll",
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == index.proposal_url(proposal)
    html = client.get(response["Location"]).content.decode()
    assert "Ditt förslag har publicerats." in html
    assert 'alt="Den mörka tunneln en kväll"' in html
    assert "Det här är ditt förslag" in html


def test_mistakes_get_messages_and_keep_what_was_written(client, index, site_tree):
    client.force_login(UserFactory())
    response = client.post(
        index.url + "nytt/",
        {"title": "", "district": site_tree["district"].pk, "text": "Min text.", "image": png()},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Min text." in html
    assert "Det här fältet är obligatoriskt" in html
    assert "Beskriv bilden för den som inte kan se den." in html
    assert not Proposal.objects.exists()


def test_a_bot_filling_the_honeypot_proposes_nothing(client, index, site_tree):
    client.force_login(UserFactory())
    client.post(
        index.url + "nytt/",
        {"title": "Köp", "district": site_tree["district"].pk, "text": "x", "website": "spam"},
    )
    assert not Proposal.objects.exists()


def test_support_through_the_page_shows_at_once_also_to_visitors(
    client, index, proposal, supporter
):
    Client().get(index.proposal_url(proposal))  # a visitor fills the page cache
    client.force_login(supporter)
    response = client.post(index.proposal_url(proposal) + "stod/")
    assert response["Location"] == index.proposal_url(proposal) + "#support"
    html = client.get(index.proposal_url(proposal)).content.decode()
    assert "Tack: du stöder förslaget." in html
    assert 'aria-pressed="true"' in html
    assert (
        "1 person stöder förslaget" in Client().get(index.proposal_url(proposal)).content.decode()
    )


def test_the_limit_is_explained_on_the_page(settings, client, index, site_tree, supporter):
    settings.TORGET_PROPOSAL_SUPPORTS_PER_MONTH = 1
    first = proposal_made(index, site_tree["district"], "Första")
    second = proposal_made(index, site_tree["district"], "Andra")
    client.force_login(supporter)
    client.post(index.proposal_url(first) + "stod/")
    response = client.post(index.proposal_url(second) + "stod/", follow=True)
    assert "Du har stött 1 förslag den här månaden" in response.content.decode()
    second.refresh_from_db()
    assert second.support_count == 0


def test_the_one_click_unsubscribe_stops_proposal_emails(client, supporter, index):
    url = f"/forslag-epost/av/{unsubscribe_token(supporter)}/"
    assert "Stoppa mejlen" in client.get(url).content.decode()
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 204
    supporter.refresh_from_db()
    assert supporter.proposal_emails is False
    assert "inte giltig" in client.get("/forslag-epost/av/forged/").content.decode()


# Staff


def test_an_editor_answers_in_the_admin_and_the_rules_show_as_errors(
    client, proposal, editor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    url = f"/admin/snippets/proposals/proposal/edit/{proposal.pk}/"
    response = client.post(url, {"status": "answered", "verdict": "", "answer": "", "measure": ""})
    assert response.status_code == 200
    assert "Välj svaret" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"status": "answered", "verdict": "rejected", "answer": "För dyrt.", "measure": ""},
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.verdict, proposal.answer) == (
        "answered",
        "rejected",
        "För dyrt.",
    )
    assert [mail.to for mail in mailoutbox] == [[proposal.author.email]]


def test_residents_and_moderators_cannot_answer_in_the_admin(client, proposal, moderator):
    url = f"/admin/snippets/proposals/proposal/edit/{proposal.pk}/"
    client.force_login(UserFactory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(moderator)
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"status": "review", "verdict": "", "answer": "", "measure": ""})
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_nobody_adds_a_proposal_in_the_admin(client, editor, index):
    client.force_login(editor)
    assert client.get("/admin/snippets/proposals/proposal/add/").status_code in (302, 403)


def test_the_minutes_link_the_proposals_raised_at_the_meeting_and_back(
    client, index, proposal, editor, meeting_page
):
    from datetime import timedelta

    from django.utils import timezone

    meeting_page.start = timezone.now() - timedelta(days=2)
    meeting_page.end = meeting_page.start + timedelta(hours=2)
    meeting_page.save_revision().publish()
    services.proposal_answer(proposal=proposal, by=editor, status="review", raised_at=meeting_page)
    minutes = client.get(meeting_page.url).content.decode()
    assert "Förslag som togs upp på mötet" in minutes
    assert f'href="{index.proposal_url(proposal)}"' in minutes and "under beredning" in minutes
    html = client.get(index.proposal_url(proposal)).content.decode()
    assert "Togs upp på" in html and f'href="{meeting_page.url}"' in html
