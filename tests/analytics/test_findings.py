"""Findings: which groups are gaps, which are too small to say, and in what order."""

import pandas as pd
import pytest

from esitlik.analytics.findings import OVER, UNDER, find_gaps, findings_frame, rank


def frame(*items, group="neighbourhood_id"):
    return pd.DataFrame(
        [
            {
                "service_id": service,
                group: value,
                "women": women,
                "men": men,
                "reference_share": reference,
            }
            for service, value, women, men, reference in items
        ]
    )


def test_it_finds_under_representation_against_residents():
    [found] = find_gaps(frame((1, 7, 30, 70, 0.5)), ["neighbourhood_id"])
    assert found.service_id == 1
    assert found.group == (("neighbourhood_id", 7),)
    assert found.share_women == pytest.approx(0.3)
    assert found.representation == pytest.approx(0.6)
    assert found.checks == ("representation", "balance")
    assert found.direction == UNDER
    assert found.shortfall == pytest.approx(20)  # 50 women expected, 30 served
    assert found.expected_women == pytest.approx(50)


def test_it_finds_over_representation():
    [found] = find_gaps(frame((1, 7, 65, 35, 0.5)), ["neighbourhood_id"])
    assert found.direction == OVER
    assert found.representation == pytest.approx(1.3)
    assert found.shortfall == pytest.approx(15)


def test_a_balanced_share_can_still_be_out_of_proportion():
    # 45% women is inside 40–60, but residents there are 60% women: ratio 0.75.
    [found] = find_gaps(frame((1, 7, 45, 55, 0.6)), ["neighbourhood_id"])
    assert found.checks == ("representation",)
    assert found.direction == UNDER
    assert found.shortfall == pytest.approx(15)


def test_a_share_out_of_balance_but_in_proportion_is_a_balance_finding():
    # Care for the oldest: 65% women, where residents are 62% women.
    [found] = find_gaps(frame((1, 7, 65, 35, 0.62)), ["neighbourhood_id"])
    assert found.checks == ("balance",)
    assert found.within_reference
    assert found.direction == OVER
    assert found.shortfall == pytest.approx(5)  # 65 women, 60 at the edge of 40–60


def test_without_a_reference_only_balance_counts():
    items = frame((1, "yes", 10, 30, None), (1, "no", 25, 25, None), group="disability")
    [found] = find_gaps(items, ["disability"])
    assert found.group == (("disability", "yes"),)
    assert found.representation is None and found.reference_share is None
    assert found.checks == ("balance",)
    assert found.shortfall == pytest.approx(6)  # 40% of 40 is 16 women; 10 were served


@pytest.mark.parametrize(
    "women, men, reference, kept",
    [
        (5, 24, None, False),  # 29 people: too few
        (5, 25, None, True),  # 30: enough
        (31, 0, 0.5, True),  # no men at all is a finding, not a reason to skip
        (30, 30, 0.95, False),  # 3 men expected: too few to read
        (20, 80, 0.95, True),  # 5 men expected
    ],
)
def test_it_skips_groups_too_small_to_read(women, men, reference, kept):
    found = find_gaps(frame((1, 7, women, men, reference)), ["neighbourhood_id"])
    assert bool(found) == kept


def test_a_group_with_a_missing_value_is_not_a_finding():
    assert not find_gaps(frame((1, None, 10, 90, 0.5)), ["neighbourhood_id"])


def test_it_ranks_by_people_not_by_ratio():
    items = frame(
        (1, 7, 3, 30, 0.5),  # ratio 0.18, but 13.5 women short
        (2, 8, 800, 1200, 0.5),  # ratio 0.8 exactly: proportional enough; balanced
        (3, 9, 700, 1300, 0.5),  # ratio 0.7: 300 women short
        (4, 9, 40, 160, 0.5),  # ratio 0.4: 60 women short
    )
    ranked = rank(find_gaps(items, ["neighbourhood_id"]))
    assert [f.service_id for f in ranked] == [3, 4, 1]
    assert [f.rank for f in ranked] == [1, 2, 3]
    table = findings_frame(ranked)
    assert list(table["rank"]) == [1, 2, 3]
    assert table["group"].iloc[0] == "neighbourhood_id=9"
