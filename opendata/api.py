"""Wagtail's API v2 at /api/v2/: public pages, editors' images and documents, and proposals,
read-only, open to every origin, rate limited per address, and kept under the content version
like the pages. Never personal data: only what the public pages show (opendata/tests)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from rest_framework.exceptions import Throttled
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import BaseThrottle
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.cache import cached_part
from home.ratelimit import client_ip, rate_limit_exceeded
from proposals.models import Proposal

DISTRICT_TYPES = ("events.eventpage", "updates.updatepage")
# Far past any list here, and far within the 64-bit integers SQLite and PostgreSQL count in.
OFFSET_MAX = 1_000_000_000
INTEGER_MAX = 2**63 - 1


class PerAddressThrottle(BaseThrottle):
    """TORGET_API_REQUESTS_PER_MINUTE from one address, counted in the page cache: in Redis
    for every server when there is Redis, otherwise in each server process (a read should not
    cost a write to the database)."""

    def allow_request(self, request, view):
        return not rate_limit_exceeded(
            "api",
            client_ip(request),
            limit=settings.TORGET_API_REQUESTS_PER_MINUTE,
            period=60,
            using=settings.TORGET_PAGE_CACHE,
        )

    def wait(self):
        return 60


class BoundedPagination(WagtailPagination):
    """Wagtail's, with an offset no database takes refused like a negative one: SQLite answers
    a 20-digit offset with an error ("datatype mismatch"), PostgreSQL with another."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > OFFSET_MAX
        except ValueError:
            too_far = False  # not a number: Wagtail's own check answers
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {OFFSET_MAX}")
        return super().paginate_queryset(queryset, request, view)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's filter by a field's value (?start=...), with a value the field cannot hold
    answered 400 like Wagtail's own for a number that is none. Wagtail converts numbers,
    booleans and foreign keys only: a date that is no date (?start=2026-02-31) or a district
    that is no id (?districts=x) raised an error, and a number past the database's integers is
    refused by SQLite only when the query runs."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields and _past_integers(queryset.model, name, value):
                raise BadRequestError(f"field filter error. {name} is at most {INTEGER_MAX}")
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(f"field filter error. {' '.join(error.messages)}") from error
        except ValueError as error:
            raise BadRequestError(f"field filter error. {error}") from error


def _past_integers(model, name, value) -> bool:
    try:
        field = model._meta.get_field(name)
        number = int(value)
    except (LookupError, ValueError):
        return False
    while getattr(field, "target_field", field) is not field:  # a page's key is a relation
        field = field.target_field
    return isinstance(field, models.IntegerField) and abs(number) > INTEGER_MAX


class DistrictFilter(BaseFilterBackend):
    """?district=<slug>: meetings and updates that concern the district."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("district")
        if slug is None:
            return queryset
        if queryset.model._meta.label_lower not in DISTRICT_TYPES:
            raise BadRequestError(
                "district filters type=events.EventPage or type=updates.UpdatePage"
            )
        return queryset.filter(districts__slug=slug).distinct()


class CachedMixin:
    """Each answer is kept with the page parts until public content changes."""

    throttle_classes = [PerAddressThrottle]
    pagination_class = BoundedPagination

    def filter_queryset(self, queryset):
        """Each endpoint's filters, with Wagtail's field filter checked (CheckedFieldsFilter)."""
        for backend in self.filter_backends:
            backend = CheckedFieldsFilter if backend is FieldsFilter else backend
            queryset = backend().filter_queryset(self.request, queryset, self)
        return queryset

    def listing_view(self, request):
        return self._kept(request, lambda: super(CachedMixin, self).listing_view(request).data)

    def detail_view(self, request, pk):
        return self._kept(request, lambda: super(CachedMixin, self).detail_view(request, pk).data)

    def _kept(self, request, build):
        """The answer as JSON, made once: rendering twenty items is most of a request's work."""
        body = cached_part(
            "api",
            lambda: JSONRenderer().render(build()),
            request.get_full_path(),
            request.get_host(),
        )
        return HttpResponse(body, content_type="application/json")

    def throttled(self, request, wait):
        raise Throttled(detail="Too many requests from your address; try again in a minute.")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # any site may read open data
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        # Kept by browsers briefly; not by the site's page cache, so that every request
        # passes the rate limit (the answer itself is kept, under the content version).
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response


class PagesEndpoint(CachedMixin, PagesAPIViewSet):
    filter_backends = [DistrictFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["district"])

    def get_base_queryset(self):
        """Once per request: Wagtail asks for it for each filter, three queries each time."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if queryset.model._meta.label_lower == "events.eventpage":
            return queryset.with_card_data()
        if queryset.model._meta.label_lower == "updates.updatepage":
            return queryset.select_related("category").prefetch_related("districts")
        return queryset


class ImagesEndpoint(CachedMixin, ImagesAPIViewSet):
    def get_queryset(self):
        """Editors' images; a resident's image on a proposal is shown with the proposal."""
        return (
            super()
            .get_queryset()
            .exclude(pk__in=Proposal.objects.exclude(image=None).values("image"))
        )


class DocumentsEndpoint(CachedMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        """Documents in collections without a view restriction."""
        from wagtail.models import CollectionViewRestriction

        restricted = CollectionViewRestriction.objects.values("collection")
        return super().get_queryset().exclude(collection__in=restricted)


class ProposalsEndpoint(CachedMixin, BaseAPIViewSet):
    model = Proposal

    body_fields = [*BaseAPIViewSet.body_fields, "title"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "status"]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["district", "status"])

    def get_queryset(self):
        queryset = (
            self.model.objects.visible()
            .select_related("thread", "district", "category")
            .order_by("-created_at", "-pk")
        )
        if slug := self.request.GET.get("district"):
            queryset = queryset.filter(district__slug=slug)
        if status := self.request.GET.get("status"):
            if status not in self.model.Status.values:
                raise BadRequestError(f"status is one of {', '.join(self.model.Status.values)}")
            queryset = queryset.filter(status=status)
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
api_router.register_endpoint("proposals", ProposalsEndpoint)
