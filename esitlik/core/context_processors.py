from django.conf import settings

from esitlik.core.permissions import MATRIX, Perm
from esitlik.core.selectors import memberships_of


def navigation(request):
    """What the layout needs: the user's municipalities and, inside one, what they may open.

    ``request.membership`` is set by ``access_membership_for`` when a view loads a municipality.
    """
    membership = getattr(request, "membership", None)
    perms = MATRIX.get(membership.role, frozenset()) if membership else frozenset()
    return {
        "nav_memberships": memberships_of(request.user) if hasattr(request, "user") else [],
        "nav_membership": membership,
        "nav_perms": {perm.value: perm in perms for perm in Perm},
        "demo_mode": settings.DEMO,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME * 60),
    }
