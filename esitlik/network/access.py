"""Who reads a network's comparison.

A network has no members of its own: a coordinator holds a network-coordinator membership in
each municipality they serve (the demo's ``koordinator`` in Örnek and Deneme). Whoever holds
a coordinator's or an equality unit admin's membership in at least one of a network's
municipalities reads the network's page; anyone else gets the same 404 as for a network that
does not exist. The page shows published figures only, so an admin of one member sees nothing
another member has not made public.
"""

from __future__ import annotations

from django.http import Http404

from esitlik.core.models import Membership, Municipality, Network, Role

READERS = (Role.NETWORK_COORDINATOR, Role.EQUALITY_ADMIN)


def networks_of(user):
    """The networks ``user`` may compare, by name."""
    if not user.is_authenticated:
        return Network.objects.none()
    municipalities = Membership.objects.filter(user=user, role__in=READERS).values(
        "municipality_id"
    )
    return Network.objects.filter(municipalities__in=municipalities).distinct().order_by("name")


def access_network(request, slug: str) -> Network:
    try:
        return networks_of(request.user).get(slug=slug)
    except Network.DoesNotExist:
        raise Http404 from None


def access_network_member(network: Network, slug: str) -> Municipality:
    """A municipality of ``network``; any other slug is a 404."""
    try:
        return network.municipalities.get(slug=slug)
    except Municipality.DoesNotExist:
        raise Http404 from None
