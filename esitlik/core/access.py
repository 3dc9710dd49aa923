"""Loading objects named in a URL.

Every view that takes an id or slug from the URL loads it through one of these helpers. They
answer the same 404 whether the object does not exist or belongs to another municipality, so
a user can never learn what other tenants hold. Inside their own municipality a user who lacks
a permission gets 403: they already know the municipality exists.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from esitlik.core.models import Directorate, Invitation, Membership, Neighbourhood
from esitlik.core.permissions import Perm, can


def access_membership_for(request, slug: str, perm: Perm = Perm.VIEW_INTERNAL) -> Membership:
    """The signed-in user's membership in the municipality ``slug``, checked for ``perm``.

    Also records the membership on the request so the layout can show where the user is.
    """
    user = request.user
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("municipality", "directorate")
        .filter(user=user, municipality__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    request.membership = membership
    if not can(membership, perm):
        raise PermissionDenied
    return membership


def access_directorate(membership: Membership, directorate_id: int) -> Directorate:
    try:
        return Directorate.objects.select_related("parent").get(
            pk=directorate_id, municipality_id=membership.municipality_id
        )
    except Directorate.DoesNotExist:
        raise Http404 from None


def access_member(membership: Membership, member_id: int) -> Membership:
    """Another membership of the same municipality (for role changes and removal)."""
    try:
        return Membership.objects.select_related("user", "directorate").get(
            pk=member_id, municipality_id=membership.municipality_id
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def access_invitation(membership: Membership, invitation_id: int) -> Invitation:
    try:
        return Invitation.objects.get(pk=invitation_id, municipality_id=membership.municipality_id)
    except Invitation.DoesNotExist:
        raise Http404 from None


def access_neighbourhood(membership: Membership, neighbourhood_id: int) -> Neighbourhood:
    try:
        return Neighbourhood.objects.get(
            pk=neighbourhood_id, municipality_id=membership.municipality_id
        )
    except Neighbourhood.DoesNotExist:
        raise Http404 from None


def access_open_invitation_by_token(token: str) -> Invitation:
    """An invitation that can still be accepted; used and expired ones look missing."""
    invitation = (
        Invitation.objects.select_related("municipality", "directorate")
        .filter(token=token, accepted_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation
