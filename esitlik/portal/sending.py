"""A citizen's message from the portal becomes a participation input ("Citizen form"
channel), under review, with a reference the sender can follow on the "What we heard"
page. Until the equality unit decides on it, its text is not shown to others (the unit
moderates what the public reads); a lookup by its reference shows that it arrived.

A client may send ``PORTAL_SEND_RATE`` messages per hour to a municipality (each clock
hour, counted in the database by ``core.ratelimit`` so the limit holds across server
workers, under a keyed hash of its address: the address itself is never stored), so a
script cannot flood the unit's list."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core import ratelimit
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.inputs import input_create
from esitlik.participation.models import Input

HOUR = 3600


def _key(municipality, client: str) -> str:
    # ratelimit stores only a keyed hash of it.
    return f"portal-send:{municipality.pk}:{client}"


def over_limit(municipality, client: str) -> bool:
    """Whether the client has used up this hour's messages (counts nothing)."""
    verdict = ratelimit.peek(_key(municipality, client), settings.PORTAL_SEND_RATE, HOUR)
    return not verdict.allowed


@transaction.atomic
def send_input(*, municipality, client: str, data: dict) -> Input:
    """Record the message; ValidationError (on no field) when the client sent too many.

    The message is counted and recorded in one transaction: one that fails to be recorded
    does not use up the client's allowance."""
    if not ratelimit.hit(_key(municipality, client), settings.PORTAL_SEND_RATE, HOUR).allowed:
        raise ValidationError(
            _(
                "Too many messages were sent from your connection in the last hour. Your "
                "text is still in the form: please send it again later."
            ),
            code="rate",
        )
    heading = None
    if data.get("heading"):
        heading = FrameworkItem.objects.filter(pk=data["heading"]).first()
    neighbourhood = None
    if data.get("neighbourhood"):
        neighbourhood = municipality.neighbourhoods.filter(pk=data["neighbourhood"]).first()
    item = input_create(
        municipality=municipality,
        by=None,
        kind=data["kind"],
        text=data["text"],
        heading=heading,
        neighbourhood=neighbourhood,
        target_groups=list(data.get("target_groups") or []),
        channel=Input.Channel.PORTAL,
    )
    return item
