"""An association's page and, for its administrators, its members."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from forums import services
from forums.forms import MemberAddForm
from forums.models import Association, AssociationMembership, Post
from forums.views.common import render_in_forum, require_poster
from home.forms import row_id


def association(request, forum_page, slug):
    association_obj = get_object_or_404(Association.objects.select_related("district"), slug=slug)
    posts = Paginator(Post.objects.by_association(association_obj), 20).get_page(
        request.GET.get("page")
    )
    is_admin = (
        request.user.is_authenticated
        and association_obj.memberships.filter(
            user=request.user, role=AssociationMembership.Role.ADMIN
        ).exists()
    )
    return render_in_forum(
        request,
        forum_page,
        "forums/association.html",
        association=association_obj,
        posts=posts,
        is_admin=is_admin,
    )


def association_members(request, forum_page, slug):
    association_obj = get_object_or_404(Association, slug=slug)
    if login := require_poster(request, forum_page):
        return login
    if not association_obj.memberships.filter(
        user=request.user, role=AssociationMembership.Role.ADMIN
    ).exists():
        raise PermissionDenied
    form = MemberAddForm(request.POST or None)
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                membership = get_object_or_404(
                    AssociationMembership,
                    pk=row_id(request.POST["remove"]),
                    association=association_obj,
                )
                services.association_member_remove(
                    association=association_obj, by=request.user, membership=membership
                )
                messages.success(request, _("The member has been removed."))
                return redirect(request.path)
            if form.is_valid():
                services.association_member_add(
                    association=association_obj,
                    by=request.user,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                )
                messages.success(request, _("The member has been added."))
                return redirect(request.path)
        except services.ForumError as error:
            form.add_error("email" if error.code == "no_account" else None, error.message)
    return render_in_forum(
        request,
        forum_page,
        "forums/association_members.html",
        status=400 if form.errors else 200,
        association=association_obj,
        members=association_obj.memberships.select_related("user").order_by("role", "pk"),
        form=form,
    )
