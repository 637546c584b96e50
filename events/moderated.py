"""What moderation needs to know about questions to meetings; registered in EventsConfig.ready()."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from moderation.registry import AuthorTexts, ModeratedKind, register


def _meeting_title(question) -> str:
    return question.meeting.page_in(get_language()).title


def _page_url(question) -> str:
    return f"{question.meeting.page_in(get_language()).url}#question-{question.pk}"


def _erase(question) -> None:
    question.text = ""
    question.save(update_fields=["text"])


def register_questions() -> None:
    from events.models import Question

    register(
        ModeratedKind(
            model=Question,
            name="question",
            slug="fraga",
            label=_("Questions to meetings"),
            template="events/moderation/question.html",
            related=("meeting",),
            where=_meeting_title,
            page_url=_page_url,
            erase=_erase,
            texts=AuthorTexts(
                hidden_subject=_("Your question has been hidden"),
                hidden=_("A moderator has hidden your question to “%(what)s”."),
                removed_subject=_("Your question has been removed"),
                removed=_("A moderator has removed your question to “%(what)s” for good."),
                auto_hidden=_(
                    "Several readers have reported your question to “%(what)s”, so it is "
                    "hidden until a moderator has looked at it."
                ),
            ),
        )
    )
