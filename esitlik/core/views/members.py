"""Members of a municipality: list, invite, change role, remove; and accepting an invitation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from esitlik.core import selectors, services
from esitlik.core.access import (
    access_invitation,
    access_member,
    access_membership_for,
    access_open_invitation_by_token,
)
from esitlik.core.forms import AcceptInvitationForm, InviteForm, MemberRoleForm
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error


@login_required
def member_list(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    manage = can(membership, Perm.MANAGE_MEMBERS)
    invitations = list(selectors.open_invitations(municipality)) if manage else []
    for invitation in invitations:
        # Shown to the admin so an invitation still reaches someone whose mail filter ate it.
        invitation.url = request.build_absolute_uri(
            reverse("invitation_accept", args=[invitation.token])
        )
    return render(
        request,
        "core/member_list.html",
        {
            "membership": membership,
            "municipality": municipality,
            "members": selectors.members_of(municipality),
            "invitations": invitations,
            "can_manage": manage,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_invite(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_MEMBERS)
    municipality = membership.municipality
    form = InviteForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                municipality=municipality,
                by=request.user,
                language=get_language(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s. The link works for 14 days.")
                % {"email": invitation.email},
            )
            return redirect("member_list", slug=slug)
    return render(
        request,
        "core/member_invite.html",
        {"membership": membership, "municipality": municipality, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, slug, member_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_MEMBERS)
    member = access_member(membership, member_id)
    form = MemberRoleForm(
        request.POST or None,
        municipality=membership.municipality,
        initial={"role": member.role, "directorate": member.directorate_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change_role(
                membership=member,
                role=form.cleaned_data["role"],
                directorate=form.cleaned_data["directorate"],
                by=request.user,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("member_list", slug=slug)
    return render(
        request,
        "core/member_edit.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "member": member,
            "form": form,
        },
    )


@login_required
@require_POST
def member_remove(request, slug, member_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_MEMBERS)
    member = access_member(membership, member_id)
    try:
        services.membership_remove(membership=member, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s no longer has access to this municipality.")
            % {"name": member.user.get_full_name() or member.user.username},
        )
    return redirect("member_list", slug=slug)


@login_required
@require_POST
def invitation_revoke(request, slug, invitation_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_MEMBERS)
    invitation = access_invitation(membership, invitation_id)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("member_list", slug=slug)


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """Open to anyone holding the link. A signed-in user joins with their own account;
    anyone else creates one."""
    invitation = access_open_invitation_by_token(token)
    signed_in = request.user.is_authenticated
    form = None if signed_in else AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and (signed_in or form.is_valid()):
        try:
            with transaction.atomic():
                if signed_in:
                    user = request.user
                else:
                    user = services.user_create(
                        username=form.cleaned_data["username"],
                        email=invitation.email,
                        first_name=form.cleaned_data["first_name"],
                        last_name=form.cleaned_data["last_name"],
                        password=form.cleaned_data["password1"],
                    )
                services.invitation_accept(invitation=invitation, user=user)
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
            else:
                apply_validation_error(form, error)
        else:
            if not signed_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("You have joined %(municipality)s.") % {"municipality": invitation.municipality},
            )
            return redirect("dashboard", slug=invitation.municipality.slug)
    return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": form})
