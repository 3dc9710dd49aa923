"""A citizen's message from the portal becomes a participation input ("Citizen form"
channel), under review, with a reference the sender can follow on the "What we heard"
page. Until the equality unit decides on it, its text is not shown to others (the unit
moderates what the public reads); a lookup by its reference shows that it arrived.

A client may send ``PORTAL_SEND_RATE`` messages per hour to a municipality (counted in the
cache by a hash of its address, never stored), so a script cannot flood the unit's list."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.inputs import input_create
from esitlik.participation.models import Input

HOUR = 3600


def _key(municipality, client: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:32]
    return f"portal-send:{municipality.pk}:{digest}"


def over_limit(municipality, client: str) -> bool:
    return cache.get(_key(municipality, client), 0) >= settings.PORTAL_SEND_RATE


def send_input(*, municipality, client: str, data: dict) -> Input:
    """Record the message; ValidationError (on no field) when the client sent too many."""
    if over_limit(municipality, client):
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
    key = _key(municipality, client)
    cache.add(key, 0, HOUR)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, HOUR)
    return item


def client_of(request) -> str:
    """The client's address as the server sees it. Behind a reverse proxy that is the
    proxy's, unless the proxy passes the client's on; all clients then share one limit."""
    return request.META.get("REMOTE_ADDR", "")
