"""Rate limits per token for token requests, per client address for the rest, counted in the
database (``core.ratelimit``, fixed windows) so they hold across server workers; the address
is stored only as a keyed hash. ``API_RATE_TOKEN`` and ``API_RATE_ANON`` ("120/minute") are
read at each request."""

from __future__ import annotations

import threading

from django.conf import settings
from ninja.throttling import BaseThrottle

from esitlik.api.models import ApiToken
from esitlik.core import ratelimit
from esitlik.core.middleware import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/minute" → (120, 60); the period's first letter counts (s, m, h, d)."""
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()[0].lower()]


class ApiThrottle(BaseThrottle):
    """One instance serves every request: the wait of the last refusal is kept per thread,
    since ninja asks ``wait()`` right after ``allow_request`` refused."""

    def __init__(self):
        self._local = threading.local()

    def allow_request(self, request) -> bool:
        self._local.wait = None
        token = getattr(request, "auth", None)
        if isinstance(token, ApiToken):
            rate, ident = settings.API_RATE_TOKEN, f"token:{token.pk}"
        else:
            rate, ident = settings.API_RATE_ANON, f"ip:{client_ip(request)}"
        if not rate:
            return True
        limit, period = parse_rate(rate)
        verdict = ratelimit.hit(f"api:{ident}", limit, period)
        if not verdict.allowed:
            self._local.wait = float(verdict.retry_after)
        return verdict.allowed

    def wait(self):
        return getattr(self._local, "wait", None)
