"""Reads of meeting pages, named for what the lists ask."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale
from wagtail.query import PageQuerySet

from home.cache import public
from home.models import DistrictPage


class EventPageQuerySet(PageQuerySet):
    def listed(self, locale: Locale):
        return public(self.live().filter(locale=locale))

    def upcoming(self, at: datetime | None = None):
        """Meetings that have not ended, soonest first."""
        return self.filter(end__gte=at or timezone.now()).order_by("start", "pk")

    def past(self, at: datetime | None = None):
        return self.filter(end__lt=at or timezone.now()).order_by("-start", "-pk")

    def in_district(self, district: DistrictPage):
        """Meetings concerning `district`, whichever language version the link points to."""
        return self.filter(districts__translation_key=district.translation_key).distinct()

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def with_card_data(self):
        """Districts and confirmed places in the same few queries, however many meetings."""
        from events.models import Registration

        confirmed_places = (
            Registration.objects.filter(
                meeting__translation_key=OuterRef("translation_key"),
                status=Registration.Status.CONFIRMED,
            )
            .values("meeting")
            .annotate(total=Sum(F("companions") + 1))
            .values("total")
        )
        return self.prefetch_related(
            models.Prefetch("districts", queryset=DistrictPage.objects.order_by("title"))
        ).annotate(places_taken=Coalesce(Subquery(confirmed_places), 0))

    def needing_organisers(self, now, days: int = 30):
        """Meetings in the next `days` (in the default language) with questions not answered
        yet, or, on the day itself, confirmed people not yet checked in; soonest first."""
        from django.conf import settings

        from events.models import Meeting, Question, Registration

        def count(queryset):
            counted = queryset.values("meeting").annotate(n=Count("pk")).values("n")
            return Coalesce(Subquery(counted), 0)

        same_meeting = {"meeting__translation_key": OuterRef("translation_key")}
        today_ends = timezone.localtime(now).replace(hour=23, minute=59, second=59)
        return (
            self.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .filter(end__gte=now, start__lte=now + timedelta(days=days))
            .annotate(
                meeting_pk=Subquery(
                    Meeting.objects.filter(translation_key=OuterRef("translation_key")).values(
                        "pk"
                    )[:1]
                ),
                open_questions=count(Question.objects.visible().filter(answer="", **same_meeting)),
                at_the_door=count(
                    Registration.objects.confirmed().filter(
                        attended_at__isnull=True, **same_meeting
                    )
                ),
            )
            .filter(Q(open_questions__gt=0) | Q(at_the_door__gt=0, start__lte=today_ends))
            .order_by("start", "pk")
        )
