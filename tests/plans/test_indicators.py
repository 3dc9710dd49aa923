from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from esitlik.core.models import AuditEntry
from esitlik.plans import indicators
from esitlik.plans.models import Indicator
from tests.plans.helpers import build

M = Indicator.Measure


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English here; the Turkish ones are checked by the catalogue
    tests and the page tests."""
    with translation.override("en"):
        yield


def make(parent, world, **values):
    defaults = dict(
        title={"tr": "Danışmanlık alan kadın sayısı"},
        kind="outcome",
        measure=M.COUNT,
        responsible_directorate=world.social,
        by=world.alice,
    )
    return indicators.indicator_create(parent=parent, **{**defaults, **values})


def test_indicator_codes_follow_their_parent(plan, world):
    _aim, objective, action = build(plan, world)
    first = make(action, world)
    second = make(action, world)
    on_objective = make(objective, world)
    assert (first.code, second.code, on_objective.code) == ("1.1.1.G1", "1.1.1.G2", "1.1.G1")


def test_targets_by_sex_fill_in_the_total_of_a_count(plan, world):
    _aim, _objective, action = build(plan, world)
    indicator = make(
        action,
        world,
        by_sex=True,
        baseline_value=D(120),
        baseline_year=2024,
        targets=[{"year": 2026, "women": D(150), "men": D(50)}],
    )
    target = indicator.targets.get()
    assert (target.value, target.women, target.men) == (D(200), D(150), D(50))
    entry = AuditEntry.objects.get(action="plans.indicator.created")
    assert entry.changes["targets"]["new"] == ["2026: 200 (K 150 / E 50)"]


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"measure": M.PERCENTAGE, "targets": [{"year": 2026, "value": D(140)}]}, "targets", "0"),
        ({"measure": M.COUNT, "targets": [{"year": 2026, "value": D("3.5")}]}, "targets", "whole"),
        ({"measure": M.YES_NO, "targets": [{"year": 2026, "value": D(2)}]}, "targets", "yes"),
        (
            {"measure": M.QUALITATIVE, "targets": [{"year": 2026, "value": D(1)}]},
            "targets",
            "qualitative",
        ),
        ({"targets": [{"year": 2031, "value": D(1)}]}, "targets", "2025"),
        (
            {
                "targets": [{"year": 2026, "value": D(5), "women": D(4), "men": D(3)}],
                "by_sex": True,
            },
            "targets",
            "exceed",
        ),
        ({"targets": [{"year": 2026, "value": D(5), "women": D(4)}]}, "targets", "by sex"),
        ({"measure": M.WOMEN_SHARE, "by_sex": True}, "by_sex", "compares"),
        ({"direction": "band", "band_low": D(60), "band_high": D(40)}, "band_high", "upper"),
        ({"direction": "band"}, "band_low", "both ends"),
        ({"baseline_value": D(3)}, "baseline_year", "year"),
    ],
)
def test_it_refuses_targets_and_settings_that_do_not_fit_the_measure(
    plan, world, values, field, words
):
    _aim, _objective, action = build(plan, world)
    with pytest.raises(ValidationError) as caught:
        make(action, world, **values)
    assert words in " ".join(caught.value.message_dict[field])
    assert not Indicator.objects.exists()


def test_it_refuses_a_responsible_directorate_of_another_municipality(plan, world):
    _aim, _objective, action = build(plan, world)
    with pytest.raises(ValidationError) as caught:
        make(action, world, responsible_directorate=world.other_directorate)
    assert "responsible_directorate" in caught.value.message_dict


def test_an_update_from_a_stale_form_is_refused_and_nothing_is_lost(plan, world):
    _aim, _objective, action = build(plan, world)
    indicator = make(action, world, targets=[{"year": 2026, "value": D(10)}])
    seen = indicator.version
    indicators.indicator_update(indicator=indicator, by=world.alice, unit="kişi", version=seen)
    with pytest.raises(ValidationError, match="Someone else"):
        indicators.indicator_update(
            indicator=Indicator.objects.get(pk=indicator.pk),
            by=world.alice,
            unit="kadın",
            version=seen,
        )
    assert Indicator.objects.get(pk=indicator.pk).unit == "kişi"


def test_changing_targets_is_audited_with_old_and_new(plan, world):
    _aim, _objective, action = build(plan, world)
    indicator = make(action, world, targets=[{"year": 2026, "value": D(10)}])
    indicators.indicator_update(
        indicator=indicator, by=world.alice, targets=[{"year": 2026, "value": D(12)}]
    )
    entry = AuditEntry.objects.filter(action="plans.indicator.updated").get()
    assert entry.changes["targets"] == {"old": ["2026: 10"], "new": ["2026: 12"]}
    assert indicator.targets.get().value == 12
