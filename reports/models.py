import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_reference() -> str:
    # Easy to read aloud on the phone: no 0/O or 1/I.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "LB-" + "".join(secrets.choice(alphabet) for _ in range(6))


class ObservationQuerySet(models.QuerySet):
    def filtered(self, *, district=None, kind="", status="", since=None, until=None):
        observations = self
        if district:
            observations = observations.filter(district__translation_key=district.translation_key)
        if kind:
            observations = observations.filter(kind=kind)
        if status:
            observations = observations.filter(status=status)
        if since:
            observations = observations.filter(created_at__date__gte=since)
        if until:
            observations = observations.filter(created_at__date__lte=until)
        return observations.select_related("district").order_by("-created_at")

    def this_week_by_district(self, at=None):
        """New reports since Monday, counted per district (most first), with the district's id
        for the list's filter."""
        monday = timezone.localdate(at or timezone.now())
        monday -= timedelta(days=monday.weekday())
        return (
            self.filter(created_at__date__gte=monday, status=Observation.Status.NEW)
            .values("district", "district__title")
            .annotate(count=Count("pk"))
            .order_by("-count", "district__title")
        )

    def weekly_counts(self, *, weeks: int = 12, at=None) -> dict:
        """{(district title, week start date): count} for the last `weeks` weeks."""
        at = at or timezone.now()
        start = timezone.localdate(at) - timedelta(
            weeks=weeks - 1, days=timezone.localdate(at).weekday()
        )
        rows = (
            self.filter(created_at__date__gte=start)
            .annotate(week=TruncWeek("created_at"))
            .values("district__title", "week")
            .annotate(count=Count("pk"))
        )
        counts = {}
        for row in rows:
            week = row["week"].date() if hasattr(row["week"], "date") else row["week"]
            key = (row["district__title"] or "", week)
            counts[key] = counts.get(key, 0) + row["count"]
        return counts


class Observation(models.Model):
    """A resident's report to the safety coordinators (lägesbild). Never public."""

    class Kind(models.TextChoices):
        VIOLENCE = "violence", _("Violence or threats")
        VANDALISM = "vandalism", _("Vandalism")
        DRUGS = "drugs", _("Drug dealing")
        UNSAFE_PLACE = "unsafe_place", _("A place that feels unsafe, for example poor lighting")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        REVIEWED = "reviewed", _("Reviewed")
        POLICE = "police", _("Passed on to the police")
        HOUSING = "housing", _("Passed on to the housing company")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference)
    district = models.ForeignKey(
        "home.DistrictPage",
        verbose_name=_("district"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("where"), max_length=200)
    happened_at = models.DateTimeField(_("when"))
    kind = models.CharField(_("what kind"), max_length=15, choices=Kind.choices)
    description = models.TextField(_("what happened"), max_length=3000)
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    contact_removed_at = models.DateTimeField(null=True, blank=True)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation report")
        verbose_name_plural = _("observation reports")
        indexes = [models.Index(fields=["created_at"]), models.Index(fields=["status"])]

    def __str__(self):
        return self.reference

    @property
    def has_contact(self):
        return bool(self.contact_email or self.contact_phone)


class ObservationEvent(models.Model):
    """The history of a report: a note, or a change of status, with who and when."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    old_status = models.CharField(max_length=10, blank=True)
    new_status = models.CharField(max_length=10, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.observation_id} {self.at:%Y-%m-%d %H:%M}"

    def old_status_display(self):
        return Observation.Status(self.old_status).label if self.old_status else ""

    def new_status_display(self):
        return Observation.Status(self.new_status).label if self.new_status else ""
