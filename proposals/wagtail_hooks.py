from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from home.dashboard import Row, TodayPanel, with_total
from proposals import services
from proposals.models import Proposal

DUE_DAYS = 30
# Which form field each refusal of the service belongs to.
ERROR_FIELDS = {"verdict": "verdict", "answer": "answer"}


class AnswerOnlyPolicy(ModelPermissionPolicy):
    """Residents make proposals and moderators remove them; staff only answer them."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)


class ProposalEditView(EditView):
    """Saving is the service's answer: its rules decide and the author and supporters hear."""

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.proposal_answer(
                proposal=self.object,
                by=self.request.user,
                status=data["status"],
                verdict=data["verdict"],
                answer=data["answer"],
                measure=data["measure"],
                raised_at=data["raised_at"],
            )
        except services.ProposalError as error:
            form.add_error(ERROR_FIELDS.get(error.code), error.message)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        self.form = form
        self.object.refresh_from_db()
        return self.save_action()


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "help"
    menu_label = _("Proposals")
    menu_order = 225
    add_to_admin_menu = True
    edit_view_class = ProposalEditView
    list_display = [
        "__str__",
        "district",
        "status",
        "verdict",
        "support_count",
        "verified_support_count",
        "answer_due",
    ]
    list_filter = ["status", "verdict"]
    # Verified people first: the count that can oblige the municipality (issue 20).
    ordering = ["-verified_support_count", "-support_count", "-created_at"]
    panels = [
        HelpPanel(
            content=_(
                "Move the proposal through its stages. “Answered”, “In progress” and “Done” "
                "need the answer and its reasons; the author and every supporter get an email "
                "when the status or the answer changes."
            )
        ),
        FieldPanel("status"),
        FieldPanel("verdict"),
        FieldPanel("answer"),
        FieldPanel("measure"),
        FieldPanel("raised_at"),
    ]

    def get_queryset(self, request):
        return Proposal.objects.select_related("thread", "district")


register_permission_policy(Proposal, AnswerOnlyPolicy(Proposal))
register_snippet(ProposalViewSet)


@hooks.register("construct_homepage_panels")
def add_proposals_panel(request, panels):
    """For editors: the proposals whose formal answer is due within 30 days, or overdue."""
    if not request.user.has_perm("proposals.change_proposal"):
        return
    today = timezone.localdate()
    due, total = with_total(Proposal.objects.answer_due_by(today + timedelta(days=DUE_DAYS)))
    rows = []
    for proposal in due:
        overdue = proposal.answer_due < today
        when = date_format(proposal.answer_due, "j F Y")
        note = (_("overdue since %(date)s") if overdue else _("answer by %(date)s")) % {
            "date": when
        }
        url = reverse("wagtailsnippets_proposals_proposal:edit", args=[proposal.pk])
        rows.append(Row(label=proposal.thread.title, url=url, note=note, urgent=overdue))
    panels.append(
        TodayPanel(
            name="proposals",
            order=60,
            heading=_("Proposals to answer"),
            summary=ngettext(
                "%(count)s proposal is owed an answer within 30 days.",
                "%(count)s proposals are owed an answer within 30 days.",
                total,
            )
            % {"count": total},
            rows=rows,
            empty=_("No proposal is owed an answer within 30 days."),
            all_url=reverse("wagtailsnippets_proposals_proposal:list"),
            all_label=_("All proposals"),
        )
    )
