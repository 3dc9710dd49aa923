"""Which edition of the public content a cached page belongs to.

Every save or delete of a model in esitlik's apps (and every audit entry, which stands beside
the changes made by ``QuerySet.update``) raises the edition. The portal's page cache keys its
copies by the edition, so a page made before a change is never served after it.

The number has two parts:

- the stored number (``Edition``), raised once per committed transaction, after the commit. It
  tells every server worker about a change made by another. Raising it after the commit keeps
  its row unlocked while the transaction runs: raising it inside would queue every writer in
  the country behind the slowest import.
- a count of changes seen by this process, raised at once. It covers the moment between a
  change and its commit in the worker that made it, and tests, whose transactions never
  commit.

A page read between a commit and the stored number's rise may be cached with the new content
under the old number; that copy is retired with the old number, so nothing stale is served.

A worker reads the stored number at most once every ``STORED_FOR`` seconds: with SQLite every
request opens its own connection, which costs more than the rest of a kept page's answer. So
another worker shows a change up to that long after it committed.
"""

from __future__ import annotations

import itertools
import time

from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

WATCHED_APPS = {
    "core",
    "frameworks",
    "plans",
    "participation",
    "training",
    "datasets",
    "reports",
    "network",
}
# Bookkeeping that never shows on the portal and changes on almost every request.
IGNORED = {"core.ratecount"}

STORED_FOR = 1.0

_changes_here = itertools.count(1)
_seen_here = 0
_stored = (0, float("-inf"))  # (number, when it was read)


def stored() -> int:
    from esitlik.portal.models import Edition

    return Edition.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def current() -> str:
    """The edition as a cache key part: stored number and this process's count."""
    global _stored
    number, read_at = _stored
    now = time.monotonic()
    if now - read_at >= STORED_FOR:
        number = stored()
        _stored = (number, now)
    return f"{number}.{_seen_here}"


def raise_stored() -> None:
    from esitlik.portal.models import Edition

    if not Edition.objects.filter(pk=1).update(number=F("number") + 1):
        Edition.objects.get_or_create(pk=1, defaults={"number": 1})


def changed(sender, **kwargs) -> None:
    global _seen_here
    meta = sender._meta
    if meta.app_label not in WATCHED_APPS or meta.label_lower in IGNORED:
        return
    if sender.__module__ == "__fake__":
        return  # a migration's historical model: the tables, this one's too, may not exist yet
    _seen_here = next(_changes_here)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise_stored()
    elif not any(entry[1] is raise_stored for entry in connection.run_on_commit):
        transaction.on_commit(raise_stored)


def connect() -> None:
    post_save.connect(changed, dispatch_uid="portal-edition-save")
    post_delete.connect(changed, dispatch_uid="portal-edition-delete")
    m2m_changed.connect(changed, dispatch_uid="portal-edition-m2m")
