"""What home itself keeps about people (home.personal_data): the outbox, and the contact details
of staff and the organisation on its pages."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.models import (
    AccessibilityStatementPage,
    DisruptionNotice,
    DistrictContact,
    DistrictPage,
    KnownProblem,
    OutgoingEmail,
    SiteSettings,
)
from home.models.pages import ContentPage
from home.personal_data import Declaration, Fate, Holding, Section, StaffData, Stage, Step, when
from home.retention import Rule
from home.services import emails_purge, emails_waiting_drop


def emails(user):
    for email in OutgoingEmail.objects.to_person(user):
        yield {
            "subject": email.subject,
            "status": email.get_status_display(),
            "queued": when(email.created_at),
            "sent": when(email.sent_at),
            "text": email.body,
        }


DECLARATION = Declaration(
    app="home",
    order=90,
    holdings=(
        Holding(
            model=OutgoingEmail,
            fields=("to", "subject", "body", "last_error", "headers", "attachments"),
            fate=Fate.BY_RULE,
            find=OutgoingEmail.objects.to_person,
            why="Found by the person's confirmed addresses. What still waits is dropped when "
            "the account goes; what was sent goes by the rule for sent emails.",
        ),
    ),
    staff_data=(
        StaffData(
            model=ContentPage,
            fields=("intro",),
            why="Pages are written by the staff in the admin.",
        ),
        StaffData(
            model=DistrictPage,
            fields=("hero_image_alt",),
            why="Written by the editors with the page.",
        ),
        StaffData(
            model=DistrictContact,
            fields=("name", "role", "email", "phone"),
            why="The municipality's contact people for a district, published on purpose.",
        ),
        StaffData(
            model=AccessibilityStatementPage,
            fields=("contact_email", "contact_phone", "assessment"),
            why="The organisation's contact details and its own assessment.",
        ),
        StaffData(
            model=KnownProblem,
            fields=("description", "criterion"),
            why="The editors' list of known accessibility problems.",
        ),
        StaffData(
            model=SiteSettings,
            fields=("organisation_name", "contact_email"),
            why="The organisation's name and address.",
        ),
        StaffData(
            model=DisruptionNotice,
            fields=("message", "link_text"),
            why="Notices the editors publish.",
        ),
    ),
    sections=(
        Section(
            key="emails",
            heading=_("Emails to you"),
            rows=emails,
            labels={
                "subject": _("Subject"),
                "status": _("Status"),
                "queued": _("Queued"),
                "sent": _("Sent"),
                "text": _("Text"),
            },
        ),
    ),
    steps=(Step(stage=Stage.OUTBOX, run=emails_waiting_drop),),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="emails",
            data=_("Emails we sent: address and content"),
            why=_("To send again what failed, and to tell you what we sent if you ask"),
            who=_("The site's administrators"),
            period=ngettext_lazy(
                "%(days)s day after sending", "%(days)s days after sending", "days"
            ),
            setting="TORGET_SENT_EMAIL_RETENTION_DAYS",
            purge=emails_purge,
            report="Deleted %(count)s emails sent or given up more than %(days)s days ago.",
        ),
    ),
)
