"""Writes for observation reports: receive, review, purge."""

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


def observations_purge(*, before, at=None) -> int:
    """Reports made before `before` are deleted with their history (home.retention)."""
    _total, by_model = Observation.objects.filter(created_at__lt=before).delete()
    return by_model.get(Observation._meta.label, 0)


def observation_contacts_purge(*, before, at) -> int:
    """Reports made before `before` lose the name, email and phone given with them."""
    return (
        Observation.objects.filter(created_at__lt=before, contact_removed_at__isnull=True)
        .exclude(contact_name="", contact_email="", contact_phone="")
        .update(contact_name="", contact_email="", contact_phone="", contact_removed_at=at)
    )
