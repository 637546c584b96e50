"""Writes for observation reports: receive, review, purge."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from reports.models import Observation, ObservationEvent


def observation_create(
    *,
    district,
    place: str,
    happened_at,
    kind: str,
    description: str,
    language: str,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    at=None,
) -> Observation:
    return Observation.objects.create(
        district=district,
        place=place.strip(),
        happened_at=happened_at,
        kind=kind,
        description=description.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip().lower(),
        contact_phone=contact_phone.strip(),
        language=language,
        created_at=at or timezone.now(),
    )


def observation_update(*, observation: Observation, actor, status: str = "", note: str = ""):
    """A coordinator changes the status or adds a note; both go into the report's history."""
    note = note.strip()
    changed = status and status != observation.status
    if not changed and not note:
        return None
    with transaction.atomic():
        event = ObservationEvent.objects.create(
            observation=observation,
            actor=actor,
            note=note,
            old_status=observation.status if changed else "",
            new_status=status if changed else "",
        )
        if changed:
            observation.status = status
            observation.save(update_fields=["status"])
    return event


def observations_purge(*, at=None) -> dict[str, int]:
    """Contact details go after TORGET_OBSERVATION_CONTACT_DAYS, whole reports after
    TORGET_OBSERVATION_RETENTION_DAYS."""
    at = at or timezone.now()
    deleted, _rows = Observation.objects.filter(
        created_at__lt=at - timedelta(days=settings.TORGET_OBSERVATION_RETENTION_DAYS)
    ).delete()
    contacts = (
        Observation.objects.filter(
            created_at__lt=at - timedelta(days=settings.TORGET_OBSERVATION_CONTACT_DAYS),
            contact_removed_at__isnull=True,
        )
        .exclude(contact_name="", contact_email="", contact_phone="")
        .update(contact_name="", contact_email="", contact_phone="", contact_removed_at=at)
    )
    return {"observations_deleted": deleted, "observation_contacts_removed": contacts}
