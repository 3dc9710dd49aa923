"""docs/indicators.md documents every figure the metrics compute."""

import re
from pathlib import Path

from esitlik.analytics import metrics as m
from esitlik.analytics.equality import BREAKDOWNS
from tests.analytics.helpers import population, records, rows

DOC = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"


def documented() -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", DOC.read_text()))


def test_every_measure_column_is_documented():
    table = m.beneficiaries(records(rows(2, service_id=1, sex="woman", age_band="0-4")))
    residents = population(rows(1, sex="woman", age_band="0-4", count=3))
    columns = set()
    measured = m.with_coverage(
        m.with_balance(m.representation(table, residents, ["service_id"])), residents
    )
    columns |= set(measured.columns)
    columns |= set(m.outcomes(table, ["service_id"]).columns)
    keys = {"service_id", "sex"}
    missing = sorted(columns - keys - documented())
    assert not missing, f"document these in docs/indicators.md: {missing}"


def test_every_table_of_the_equality_set_and_life_stage_is_documented():
    names = {*BREAKDOWNS, "outcomes", "change", "findings", *m.AGE_GROUPS}
    missing = sorted(names - documented())
    assert not missing, f"document these in docs/indicators.md: {missing}"
