"""Rate limits counted in the database, so they hold across server processes.

A limit is ``limit`` hits per ``period`` seconds in fixed windows (a minute limit's window
starts at each whole minute, epoch time). Each window of each key is one ``RateCount`` row.
``hit`` counts a hit only if it is allowed, atomically on SQLite and PostgreSQL alike: one
``UPDATE … SET count = count + 1 WHERE count < limit`` (the database serialises concurrent
updates of the row and re-checks the condition), and the window's first hit creates the row,
inside a savepoint in case another process created it meanwhile. Refused hits are not
counted. ``peek`` only reads. ``purge`` (run by ``esitlik upkeep``) deletes ended windows.

Keys are stored as a SHA-256 of ``SECRET_KEY``, the period and the caller's key, so a key
may name a client address without any address reaching the table (KVKK).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from esitlik.core.models import RateCount


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until the window ends; 0 when allowed


def stored_key(key: str, period: int) -> str:
    """The key as stored: a keyed hash, never the caller's text (which may hold an address)."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{period}:{key}".encode()).hexdigest()


def _seconds(now: float | datetime | None) -> int:
    if now is None:
        return int(time.time())
    if isinstance(now, datetime):
        return int(now.timestamp())
    return int(now)


def _window(now: float | datetime | None, period: int) -> tuple[int, int, int]:
    seconds = _seconds(now)
    start = seconds - seconds % period
    return seconds, start, start + period


def _refused(seconds: int, end: int) -> Verdict:
    return Verdict(allowed=False, retry_after=max(1, end - seconds))


def hit(key: str, limit: int, period: int, *, now: float | datetime | None = None) -> Verdict:
    """Count one hit of ``key`` if fewer than ``limit`` were counted in the current window of
    ``period`` seconds; say whether it was allowed and, if not, how long to wait."""
    if period <= 0:
        raise ValueError("period must be positive")
    seconds, start, end = _window(now, period)
    if limit <= 0:
        return _refused(seconds, end)
    stored = stored_key(key, period)
    row = RateCount.objects.filter(key=stored, window_start=start)

    def increment() -> bool:
        return row.filter(count__lt=limit).update(count=F("count") + 1) == 1

    if increment():
        return Verdict(allowed=True)
    if not row.exists():  # the window's first hit
        try:
            with transaction.atomic():
                RateCount.objects.create(key=stored, window_start=start, window_end=end, count=1)
            return Verdict(allowed=True)
        except IntegrityError:  # another process made the row first: count on it
            pass
    # The row exists now (another process may have made it since the first try); counts
    # only grow within a window, so a second refusal means the window is full.
    if increment():
        return Verdict(allowed=True)
    return _refused(seconds, end)


def peek(key: str, limit: int, period: int, *, now: float | datetime | None = None) -> Verdict:
    """Whether a hit of ``key`` would be allowed now, without counting one."""
    seconds, start, end = _window(now, period)
    count = (
        RateCount.objects.filter(key=stored_key(key, period), window_start=start)
        .values_list("count", flat=True)
        .first()
    ) or 0
    if count < limit:
        return Verdict(allowed=True)
    return _refused(seconds, end)


def purge(now: float | datetime | None = None) -> int:
    """Delete the windows that have ended; the number deleted."""
    deleted, _ = RateCount.objects.filter(window_end__lte=_seconds(now)).delete()
    return deleted
