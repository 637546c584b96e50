from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from forums.models import ForumPage, Thread
from forums.views import WAITING_MESSAGE, require_poster
from home.cache import cached_part, deferred, reader_part, section_page
from home.models import DistrictPage
from proposals import services
from proposals.forms import FilterForm, ProposalForm
from proposals.models import Proposal, ProposalIndexPage
from proposals.notifications import user_from_token
from proposals.selectors import proposal_reader
from updates.models import MeasureCategory, UpdatePage


def _render(request, index_page, template, status=200, **context):
    context.setdefault("page", index_page)
    context["index_page"] = index_page
    return TemplateResponse(request, template, context, status=status)


def localize(proposals, locale) -> list:
    """Each proposal's district and category under their names in the reader's language."""
    districts = cached_part(
        "district-names",
        lambda: {d.translation_key: d for d in DistrictPage.objects.listed(locale)},
        locale.pk,
    )
    categories = cached_part(
        "measure-categories",
        lambda: {c.translation_key: c for c in MeasureCategory.objects.filter(locale=locale)},
        locale.pk,
    )
    for proposal in proposals:
        proposal.shown_district = districts.get(
            proposal.district.translation_key, proposal.district
        )
        if proposal.category is not None:
            proposal.shown_category = categories.get(
                proposal.category.translation_key, proposal.category
            )
    return proposals


def localize_measures(proposals, locale) -> list:
    """Each proposal's measure as a live page in the reader's language (the original
    language when it has no translation), in one query; `shown_measure` is None otherwise."""
    keys = {p.measure.translation_key for p in proposals if p.measure is not None}
    translated = {}
    if keys:
        found = UpdatePage.objects.live().filter(translation_key__in=keys, locale=locale)
        translated = {page.translation_key: page for page in found}
    for proposal in proposals:
        measure = proposal.measure
        if measure is not None:
            measure = translated.get(measure.translation_key) or (measure if measure.live else None)
        proposal.shown_measure = measure
    return proposals


def proposal_list(request, index_page):
    """The list, worked out only when the page's shared part is not in the cache, and the
    reader's own proposals that wait for a moderator."""
    user = request.user
    return index_page.render(
        request,
        context_overrides={
            **deferred(
                lambda: _proposal_list(request, index_page),
                "filter_form",
                "filters",
                "proposals",
                "params",
            ),
            "own_waiting": SimpleLazyObject(
                lambda: (
                    reader_part(
                        user, "proposals-waiting", lambda: list(Proposal.objects.waiting_by(user))
                    )
                    if user.is_authenticated
                    else []
                )
            ),
            "rules": services.rules(),
            "counts_verified": services.threshold_counts_verified(),
        },
    )


def _proposal_list(request, index_page) -> dict:
    filters = FilterForm.checked(request.GET, locale=index_page.locale)
    sort = filters.pop("sort")
    proposals = Proposal.objects.visible().filtered(**filters).for_list(sort)
    page_obj = Paginator(proposals, settings.TORGET_PROPOSALS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    localize(page_obj.object_list, index_page.locale)
    query = {
        "district": filters["district"].slug if filters["district"] else "",
        "status": filters["status"],
        "category": filters["category"].slug if filters["category"] else "",
        "sort": sort,
    }
    return {
        "filter_form": FilterForm(request.GET or None, locale=index_page.locale),
        "filters": filters,
        "proposals": page_obj,
        "params": urlencode({key: value for key, value in query.items() if value}),
    }


def proposal_new(request, index_page):
    if login := require_poster(request, index_page):
        return login
    form = ProposalForm(request.POST or None, request.FILES or None, locale=index_page.locale)
    if request.method == "POST":
        if form.is_bot:
            return redirect(index_page.url)
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposal = services.proposal_create(
                    index_page=index_page,
                    author=request.user,
                    district=data["district"],
                    title=data["title"],
                    text=data["text"],
                    category=data["category"],
                    place=data["place"],
                    image_file=data["image"],
                    image_alt=data["image_alt"],
                )
            except services.ProposalError as error:
                form.add_error(None, error.message)
            else:
                if proposal.thread.status == Thread.Status.VISIBLE:
                    messages.success(request, _("Your proposal has been published."))
                else:
                    messages.info(request, WAITING_MESSAGE)
                return redirect(index_page.proposal_url(proposal))
    return _render(
        request,
        index_page,
        "proposals/proposal_form.html",
        status=400 if form.errors else 200,
        form=form,
        supports_per_month=settings.TORGET_PROPOSAL_SUPPORTS_PER_MONTH,
    )


def proposal_detail(request, index_page, proposal_id):
    """A published proposal is kept with the page parts and its page shared; one waiting for
    a moderator is shown to its author alone."""
    proposal = cached_part(
        "proposal",
        lambda: _prepared(Proposal.objects.visible(), proposal_id, index_page.locale),
        proposal_id,
    )
    published = proposal is not None
    if not published:
        own = Proposal.objects.visible_to(request.user)
        proposal = _prepared(own, proposal_id, index_page.locale)
        if proposal is None:
            raise Http404
    reader = proposal_reader(proposal=proposal, request=request)
    user = request.user
    return _render(
        request,
        index_page,
        "proposals/proposal.html",
        proposal=proposal,
        published=published,
        supporting=reader.supporting,
        is_author=user.is_authenticated and proposal.thread.author_id == user.pk,
        supports_left=reader.supports_left,
        rules=services.rules(),
        counts_verified=services.threshold_counts_verified(),
        forum_page=section_page(ForumPage),
    )


def _prepared(proposals, proposal_id, locale):
    """The proposal with what its page shows in the reader's language, or None."""
    proposal = (
        proposals.select_related(
            "thread", "opening_post", "district", "category", "image", "measure", "raised_at"
        )
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        return None
    localize_measures(localize([proposal], locale), locale)
    proposal.shown_raised_at = _live_localized(proposal.raised_at)
    return proposal


def _live_localized(page):
    """The page in the reader's language when it is live there, else None."""
    if page is None:
        return None
    page = page.localized
    return page if page.live else None


def proposal_support(request, index_page, proposal_id):
    proposal = get_object_or_404(Proposal.objects.visible(), pk=proposal_id)
    back = index_page.proposal_url(proposal) + "#support"
    if request.method != "POST":
        return redirect(back)
    if login := require_poster(request, index_page):
        return login
    try:
        now_supporting = services.support_toggle(proposal=proposal, user=request.user)
    except services.ProposalError as error:
        messages.error(request, error.message)
    else:
        if now_supporting:
            messages.success(request, _("Thank you: you support the proposal."))
        else:
            messages.success(request, _("You no longer support the proposal."))
    return redirect(back)


@never_cache
@csrf_exempt  # mail programs post the one-click unsubscribe without a session (RFC 8058)
def unsubscribe(request, token):
    user = user_from_token(token)
    index_page = section_page(ProposalIndexPage)
    if request.method == "POST":
        if user is not None:
            services.proposal_emails_stop(user=user)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        messages.success(request, _("Done: you no longer get emails about proposals."))
        return redirect(index_page.url if index_page else "/")
    return _render(
        request, index_page, "proposals/unsubscribe.html", found=user is not None, token=token
    )
