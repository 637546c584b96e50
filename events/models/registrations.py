from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Verification

MAX_COMPANIONS = 3


class Meeting(models.Model):
    """What all language versions of a meeting page share: registrations, questions, the lock
    that serialises taking places, and what participants were last told."""

    translation_key = models.UUIDField(unique=True)
    sequence = models.PositiveIntegerField(
        default=0, help_text="Raised when time, place or status change (RFC 5545 SEQUENCE)."
    )
    announced = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("meeting registrations")
        verbose_name_plural = _("meeting registrations")

    def __str__(self):
        page = self.page
        return page.title if page else str(self.translation_key)

    @property
    def page(self):
        """The meeting page in the default language, or in any language if that is missing.
        Without its long texts, which registrations and their emails never show."""
        from events.models import EventPage

        pages = EventPage.objects.filter(translation_key=self.translation_key).defer(
            *EventPage.LONG_TEXTS
        )
        return pages.filter(locale__language_code=settings.LANGUAGE_CODE).first() or pages.first()

    def page_in(self, language_code: str):
        """The meeting page in that language, else as `page`. Kept until a page changes: the
        emails of every registration and cancellation ask for it, some while the meeting is
        locked."""
        from home.cache import structure_part

        return structure_part(
            "meeting-page",
            lambda: self._page_in(language_code),
            self.translation_key,
            language_code,
        )

    def _page_in(self, language_code: str):
        from events.models import EventPage

        page = (
            EventPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=language_code
            )
            .defer(*EventPage.LONG_TEXTS)
            .first()
        )
        return page or self.page


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Registration.ACTIVE)

    def upcoming(self, at=None):
        """Active ones for meetings that have not ended."""
        from events.models.pages import EventPage

        ongoing = EventPage.objects.filter(end__gt=at or timezone.now()).values("translation_key")
        return self.active().filter(meeting__translation_key__in=ongoing)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting_line(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("waitlisted_at", "pk")

    def places(self) -> int:
        return self.aggregate(total=Sum(F("companions") + 1))["total"] or 0

    def lapsed(self, at=None):
        """Guests who did not confirm in time."""
        return self.filter(
            status=Registration.Status.UNCONFIRMED, expires_at__lte=at or timezone.now()
        )

    def matching(self, query: str):
        query = query.strip()
        if not query:
            return self
        # SQLite folds case for ASCII only, so "åsa" would miss "Åsa" there without the variants.
        match = Q()
        for variant in {query, query.lower(), query.title()}:
            match |= Q(name__icontains=variant) | Q(email__icontains=variant)
        return self.filter(match)

    @staticmethod
    def _count_expressions():
        status = Registration.Status
        return {
            "confirmed": Count("pk", filter=Q(status=status.CONFIRMED)),
            "confirmed_places": Coalesce(
                Sum(F("companions") + 1, filter=Q(status=status.CONFIRMED)), 0
            ),
            "waitlisted": Count("pk", filter=Q(status=status.WAITLISTED)),
            "unconfirmed": Count("pk", filter=Q(status=status.UNCONFIRMED)),
            "cancelled": Count("pk", filter=Q(status=status.CANCELLED)),
            "attended": Count("pk", filter=Q(attended_at__isnull=False)),
        }

    def counts(self) -> dict[str, int]:
        """How many registrations are in each state, and how many places are confirmed."""
        return self.aggregate(**self._count_expressions())

    def counts_by_meeting(self) -> dict:
        """{translation_key: counts} for an admin list of many meetings, in one query."""
        rows = self.values("meeting__translation_key").annotate(**self._count_expressions())
        return {row.pop("meeting__translation_key"): row for row in rows}

    def needs_summary(self) -> list[tuple[str, int]]:
        """("Arabic interpretation", 7), ("Step-free access and other needs", 3), ... for the
        people who are coming or waiting."""
        from events.models.pages import INTERPRETATION_LANGUAGES

        names = dict(INTERPRETATION_LANGUAGES)
        coming = self.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
        )
        summary = [
            (
                _("%(language)s interpretation") % {"language": names.get(code, code)},
                count,
            )
            for code, count in coming.exclude(interpretation_language="")
            .values_list("interpretation_language")
            .annotate(count=Count("pk"))
            .order_by("-count")
        ]
        accessibility = coming.exclude(accessibility_needs="").count()
        if accessibility:
            summary.append((_("accessibility needs described"), accessibility))
        return summary

    def for_user(self, user):
        return self.filter(user=user).select_related("meeting").order_by("-created_at")


class Registration(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Not confirmed yet")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Not confirmed in time")

    ACTIVE = [Status.UNCONFIRMED, Status.CONFIRMED, Status.WAITLISTED]

    class Source(models.TextChoices):
        ACCOUNT = "account", _("Account")
        GUEST = "guest", _("Guest")
        STAFF = "staff", _("Added by staff")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    interpretation_language = models.CharField(_("interpretation"), max_length=10, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=500, blank=True)
    companions = models.PositiveSmallIntegerField(
        _("people coming along"), default=0, validators=[MaxValueValidator(MAX_COMPANIONS)]
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    source = models.CharField(_("registered by"), max_length=10, choices=Source.choices)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    expires_at = models.DateTimeField(_("confirm by"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    purged_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=Q(status__in=["unconfirmed", "confirmed", "waitlisted"])
                & Q(purged_at__isnull=True),
                name="one_active_registration_per_meeting_and_email",
            ),
            models.CheckConstraint(
                condition=Q(companions__lte=MAX_COMPANIONS), name="at_most_three_companions"
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "status"]),
            # "Mina möten": a person's own, newest first. Most registrations are guests'
            # (no account), so an index of every row tells the planner nothing about one
            # person's, and SQLite then walks every meeting instead.
            models.Index(
                fields=["user", "-created_at"],
                condition=Q(user__isnull=False),
                name="registration_of_account",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def places(self) -> int:
        return 1 + self.companions

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    def waitlist_position(self) -> int | None:
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = self.meeting.registrations.waiting_line().filter(
            Q(waitlisted_at__lt=self.waitlisted_at)
            | Q(waitlisted_at=self.waitlisted_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    def interpretation_language_name(self):
        from events.models.pages import INTERPRETATION_LANGUAGES

        return dict(INTERPRETATION_LANGUAGES).get(self.interpretation_language, "")


class RegistrationLogEntry(models.Model):
    """Who did what to a registration, or to a meeting's list, from the admin."""

    class Action(models.TextChoices):
        ADDED = "added", _("added a registration")
        CANCELLED = "cancelled", _("cancelled a registration")
        CHECKED_IN = "checked_in", _("checked in")
        CHECK_IN_UNDONE = "check_in_undone", _("undid a check-in")
        EXPORTED = "exported", _("exported the list")
        VERIFIED_IN_PERSON = "verified_in_person", _("verified in person")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="log_entries")
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="log"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    # For a verification in person: the kind of identity document seen, nothing from it.
    document = models.CharField(
        _("identity document"), max_length=20, blank=True, choices=Verification.Document.choices
    )

    class Meta:
        verbose_name = _("registration log entry")
        verbose_name_plural = _("registration log")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.actor} {self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"
