import json
from copy import copy

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .export import personal_data, readable
from .forms import AccountDeleteForm, EmailsForm, ProfileForm
from .models import Verification
from .selectors import deletion_summary
from .services import AccountError, account_delete, user_emails_update, user_profile_update


@login_required
def profile(request):
    # The form fills a copy: the service compares with the saved values (a new name matters).
    form = ProfileForm(request.POST or None, instance=copy(request.user))
    if request.method == "POST" and form.is_valid():
        user_profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    verification = Verification.objects.filter(user=request.user).first()
    return render(request, "accounts/profile.html", {"form": form, "verification": verification})


@login_required
@require_POST
def verification_remove(request):
    if services.verification_remove(user=request.user):
        messages.success(request, _("Your verification is removed."))
    return redirect("profile")


@login_required
def emails(request):
    """Every kind of email in one place, and what the person follows."""
    form = EmailsForm(request.POST or None, instance=copy(request.user))
    if request.method == "POST" and form.is_valid():
        user_emails_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your choice of emails has been saved."))
        return redirect("my_emails")
    return render(request, "accounts/emails.html", {"form": form})


@never_cache
@login_required
def my_data(request):
    """Everything stored about the account, readable, with the same as a JSON download."""
    sections = readable(personal_data(request.user))
    return render(request, "accounts/my_data.html", {"sections": sections})


@never_cache
@login_required
def my_data_json(request):
    data = {
        "exported": timezone.now().isoformat(),
        **{section["key"]: section["rows"] for section in personal_data(request.user)},
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="torget-mina-uppgifter-{stamp}.json"'
    return response


@never_cache
@login_required
@reauthentication_required
def delete(request):
    """Delete the account, after signing in again and choosing what happens to the posts."""
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_delete(user=request.user, remove_posts=form.remove_posts)
        except AccountError as error:
            form.add_error(None, error.message)
        else:
            logout(request)
            messages.success(
                request, _("Your account has been deleted. Thank you for taking part.")
            )
            return redirect("/")
    return render(
        request,
        "accounts/delete.html",
        {"form": form, "summary": deletion_summary(request.user)},
    )
