"""Frameworks named in a URL: shared reference data or the user's own municipality's sets."""

from django.db.models import Q
from django.http import Http404

from esitlik.core.models import Membership
from esitlik.frameworks.models import Framework, FrameworkItem


def access_framework(membership: Membership, framework_id: int) -> Framework:
    framework = (
        Framework.objects.filter(pk=framework_id)
        .filter(Q(municipality__isnull=True) | Q(municipality_id=membership.municipality_id))
        .first()
    )
    if framework is None:
        raise Http404
    return framework


def access_own_tag(membership: Membership, framework: Framework, item_id: int) -> FrameworkItem:
    """A tag of one of the municipality's own sets; reference items are never editable."""
    if framework.municipality_id != membership.municipality_id:
        raise Http404
    try:
        return framework.items.get(pk=item_id)
    except FrameworkItem.DoesNotExist:
        raise Http404 from None
