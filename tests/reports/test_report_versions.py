"""Publishing and withdrawing check the version the person's page was drawn from against
the stored report, locked until the change commits, not against the copy the page loaded:
two changes made from the same page state, one after the other or at the same moment, let
only the first through."""

import pytest
from django.core.exceptions import ValidationError

from esitlik.reports import making
from esitlik.reports.models import StoredReport
from tests.reports.helpers import ready_report


def loaded_twice(report):
    """The same report as two pages loaded it, before either change."""
    return StoredReport.objects.get(pk=report.pk), StoredReport.objects.get(pk=report.pk)


def test_a_second_publish_from_the_same_page_state_is_refused_as_stale(world):
    first, second = loaded_twice(ready_report(world.home))
    making.publish(report=first, by=world.alice, version=first.version)
    with pytest.raises(ValidationError) as refused:
        making.publish(report=second, by=world.nina, version=second.version)
    assert refused.value.code == "stale"
    assert "başka biri değiştirdi" in refused.value.messages[0]  # "someone else changed it"
    stored = StoredReport.objects.get(pk=first.pk)
    assert stored.published_by == world.alice and stored.version == 2


def test_a_withdrawal_from_a_page_older_than_the_publication_is_refused(world):
    first, second = loaded_twice(ready_report(world.home))
    making.publish(report=first, by=world.alice, version=first.version)
    # The second page still shows the report unpublished at version 1: it cannot withdraw
    # what it never saw published.
    with pytest.raises(ValidationError) as refused:
        making.withdraw(report=second, by=world.nina, version=second.version)
    assert refused.value.code == "stale"
    stored = StoredReport.objects.get(pk=first.pk)
    assert stored.is_published and stored.version == 2
