"""Rate limits in the Django cache: per token for token requests, per client address for the
rest. ``API_RATE_TOKEN`` and ``API_RATE_ANON`` ("120/minute") are read at each request."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

from esitlik.api.models import ApiToken
from esitlik.core.middleware import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/minute" → (120, 60); the period's first letter counts (s, m, h, d)."""
    count, period = rate.split("/", 1)
    return int(count), PERIODS[period.strip()[0].lower()]


class ApiThrottle(BaseThrottle):
    def __init__(self):
        self._wait = None

    def allow_request(self, request) -> bool:
        token = getattr(request, "auth", None)
        if isinstance(token, ApiToken):
            rate, ident = settings.API_RATE_TOKEN, f"token:{token.pk}"
        else:
            rate, ident = settings.API_RATE_ANON, f"ip:{client_ip(request)}"
        if not rate:
            return True
        allowed, duration = parse_rate(rate)
        key = f"esitlik-api-rate:{ident}"
        now = time.time()
        history = [t for t in cache.get(key, []) if t > now - duration]
        if len(history) >= allowed:
            self._wait = max(1.0, history[-1] + duration - now)
            return False
        cache.set(key, [now, *history], duration)
        return True

    def wait(self):
        return self._wait
