"""What the safety work's pages keep about a person (home.personal_data): the district alerts
sent to their address."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.personal_data import (
    Declaration,
    Fate,
    Holding,
    Section,
    StaffData,
    Stage,
    Step,
    when,
)
from home.retention import Rule
from updates.models import (
    AlertSent,
    MeasureCategory,
    NoticeAlert,
    ProgressEntry,
    Responsible,
    Subscription,
    UpdatePage,
)
from updates.services import subscriptions_purge


def alerts(user):
    for subscription in Subscription.objects.of_user(user):
        yield {
            "districts": [district.title for district in subscription.districts.all()],
            "since": when(subscription.created_at),
        }


# A service, kept here while updates.models and updates.services are being split up; it moves
# to updates.services with them.
def alerts_end(*, user, at=None) -> None:
    """The person's account goes: no more alerts to their confirmed addresses."""
    Subscription.objects.of_user(user).delete()


DECLARATION = Declaration(
    app="updates",
    holdings=(
        Holding(
            model=Subscription,
            fields=("email", "language"),
            fate=Fate.ERASED,
            find=Subscription.objects.of_user,
            why="Found by the person's confirmed addresses only: an address they have not "
            "confirmed may be someone else's. A request nobody confirmed goes by its rule.",
        ),
    ),
    staff_data=(
        StaffData(model=MeasureCategory, fields=("name",), why="Made by the editors."),
        StaffData(model=Responsible, fields=("name",), why="Who answers for a measure."),
        StaffData(
            model=UpdatePage,
            fields=("summary", "change_note"),
            why="Written by the editors with the page.",
        ),
        StaffData(model=ProgressEntry, fields=("text",), why="Written by the editors."),
        StaffData(model=AlertSent, fields=("change",), why="Which change was alerted."),
        StaffData(model=NoticeAlert, fields=("sent_by",), why="The editor who sent the notice."),
    ),
    sections=(
        Section(
            key="alerts",
            heading=_("Alerts about the safety work"),
            rows=alerts,
            labels={"districts": _("Districts"), "since": _("Since")},
        ),
    ),
    steps=(Step(stage=Stage.RELEASE, run=alerts_end),),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="alert_subscriptions",
            data=_("District alerts you asked for: your email address, language and districts"),
            why=_("To email you news about the safety work in the districts you chose"),
            who=_("The site's administrators"),
            period=_("Until you stop the alerts or delete the account"),
        ),
        Rule(
            key="alerts",
            data=_("Requests for district alerts that were never confirmed: the email address"),
            why=_("To let you confirm the alerts with the link we emailed"),
            who=_("The site's administrators"),
            period=ngettext_lazy("%(days)s day", "%(days)s days", "days"),
            setting="TORGET_UNCONFIRMED_ALERT_DAYS",
            purge=subscriptions_purge,
            report="Deleted %(count)s alert requests nobody confirmed within %(days)s days.",
        ),
    ),
)
