"""Rate limits counted in the database: exact, in fixed windows, with the wait until the
window ends, purged once ended, keys hashed, and exact under concurrent hits from several
connections (as several server workers would make)."""

import threading
from datetime import UTC, datetime

import pytest
from django.db import close_old_connections, connection

from esitlik.core import ratelimit
from esitlik.core.models import RateCount

pytestmark = pytest.mark.django_db

MINUTE = 60
T0 = 1_699_999_200  # a whole hour (so a whole minute) in 2023, epoch seconds


def test_it_allows_exactly_the_limit_and_does_not_count_refusals():
    verdicts = [ratelimit.hit("k", 3, MINUTE, now=T0 + i) for i in range(5)]
    assert [v.allowed for v in verdicts] == [True, True, True, False, False]
    assert RateCount.objects.get().count == 3


def test_a_new_window_starts_afresh():
    for _ in range(2):
        assert ratelimit.hit("k", 2, MINUTE, now=T0 + 10).allowed
    assert not ratelimit.hit("k", 2, MINUTE, now=T0 + 59).allowed
    assert ratelimit.hit("k", 2, MINUTE, now=T0 + 60).allowed  # the next minute
    assert ratelimit.hit("k", 2, MINUTE, now=T0 + 119.9).allowed
    assert not ratelimit.hit("k", 2, MINUTE, now=T0 + 119.9).allowed
    assert RateCount.objects.count() == 2


def test_a_refusal_says_how_long_until_the_window_ends():
    ratelimit.hit("k", 1, MINUTE, now=T0)
    assert ratelimit.hit("k", 1, MINUTE, now=T0 + 20) == ratelimit.Verdict(False, 40)
    assert ratelimit.hit("k", 1, MINUTE, now=T0 + 59.5).retry_after == 1
    assert ratelimit.hit("k", 1, MINUTE, now=T0).retry_after == 60
    assert ratelimit.hit("k2", 1, MINUTE, now=T0).retry_after == 0  # allowed


def test_keys_and_periods_count_apart():
    assert ratelimit.hit("a", 1, MINUTE, now=T0).allowed
    assert ratelimit.hit("b", 1, MINUTE, now=T0).allowed
    assert ratelimit.hit("a", 1, 3600, now=T0).allowed  # another period, another count
    assert not ratelimit.hit("a", 1, MINUTE, now=T0).allowed


def test_a_limit_of_nothing_refuses_everything():
    assert not ratelimit.hit("k", 0, MINUTE, now=T0).allowed
    assert not ratelimit.peek("k", 0, MINUTE, now=T0).allowed
    assert not RateCount.objects.exists()


def test_peek_reads_without_counting():
    assert ratelimit.peek("k", 1, MINUTE, now=T0).allowed
    assert not RateCount.objects.exists()
    ratelimit.hit("k", 1, MINUTE, now=T0)
    assert ratelimit.peek("k", 1, MINUTE, now=T0 + 45) == ratelimit.Verdict(False, 15)
    assert ratelimit.peek("k", 1, MINUTE, now=T0 + 60).allowed
    assert RateCount.objects.get().count == 1


def test_purge_deletes_the_windows_that_ended():
    ratelimit.hit("minute", 5, MINUTE, now=T0)
    ratelimit.hit("hour", 5, 3600, now=T0)
    assert ratelimit.purge(now=T0 + 59) == 0
    assert ratelimit.purge(now=T0 + 60) == 1
    assert list(RateCount.objects.values_list("window_end", flat=True)) == [T0 + 3600]
    assert ratelimit.purge(now=datetime.fromtimestamp(T0 + 3600, tz=UTC)) == 1
    assert not RateCount.objects.exists()


def test_the_upkeep_command_purges_ended_windows():
    from django.core.management import call_command

    ratelimit.hit("old", 5, MINUTE, now=T0)
    ratelimit.hit("current", 5, MINUTE)
    call_command("upkeep", verbosity=0)
    assert RateCount.objects.count() == 1


def test_no_address_reaches_the_table(settings):
    key = "portal-send:7:203.0.113.45"
    ratelimit.hit(key, 5, 3600, now=T0)
    stored = RateCount.objects.get().key
    assert "203.0.113" not in stored and "portal" not in stored
    assert stored == ratelimit.stored_key(key, 3600)
    settings.SECRET_KEY = "another-secret-" + "y" * 40
    assert ratelimit.stored_key(key, 3600) != stored  # keyed: not a plain, guessable hash


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_allow_exactly_the_limit():
    """Eight connections at once on one fresh key (the first hits race to create the
    window's row): exactly the limit is allowed, and the row says so."""
    threads_count, hits_each, limit = 8, 10, 23
    barrier = threading.Barrier(threads_count)
    allowed, errors = [], []

    def worker():
        try:
            barrier.wait()
            for _ in range(hits_each):
                allowed.append(ratelimit.hit("crowd", limit, 3600, now=T0).allowed)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(allowed) == threads_count * hits_each
    assert sum(allowed) == limit
    assert RateCount.objects.get().count == limit
