from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from proposals import services
from proposals.models import Proposal

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
    list_display = ["__str__", "district", "status", "verdict", "support_count", "answer_due"]
    list_filter = ["status", "verdict"]
    ordering = ["-support_count", "-created_at"]
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
