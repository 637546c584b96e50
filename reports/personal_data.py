"""What observation reports keep about a person (home.personal_data): what they saw, and
contact details if they chose to give them. A report is never tied to an account."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.personal_data import Declaration, Fate, Holding, StaffData
from home.retention import Rule
from reports.models import Observation, ObservationEvent
from reports.services import observation_contacts_purge, observations_purge

DECLARATION = Declaration(
    app="reports",
    holdings=(
        Holding(
            model=Observation,
            fields=(
                "reference",
                "place",
                "description",
                "contact_name",
                "contact_email",
                "contact_phone",
                "language",
            ),
            fate=Fate.BY_RULE,
            why="Made without an account, so not in My data and not touched by a deletion: "
            "the two rules below remove the contact details, then the report.",
        ),
    ),
    staff_data=(
        StaffData(
            model=ObservationEvent,
            fields=("actor", "note", "old_status", "new_status"),
            why="The safety coordinators' handling of a report.",
        ),
    ),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="observation_contacts",
            data=_("Contact details in an observation report: name, email and phone"),
            why=_("So that a safety coordinator can ask you more, if you want that"),
            who=_("The safety coordinators"),
            period=ngettext_lazy(
                "%(days)s day after the report", "%(days)s days after the report", "days"
            ),
            setting="TORGET_OBSERVATION_CONTACT_DAYS",
            purge=observation_contacts_purge,
            report="Removed contact details from %(count)s observation reports older than "
            "%(days)s days.",
        ),
        Rule(
            key="observations",
            data=_("Observation reports: what happened, where and when"),
            why=_(
                "For the situation picture that the municipality, the police and the housing "
                "company build together"
            ),
            who=_("The safety coordinators; others see only counts per district and week"),
            period=ngettext_lazy(
                "%(days)s day after the report", "%(days)s days after the report", "days"
            ),
            setting="TORGET_OBSERVATION_RETENTION_DAYS",
            purge=observations_purge,
            report="Deleted %(count)s observation reports older than %(days)s days.",
        ),
    ),
)
