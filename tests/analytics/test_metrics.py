"""The metrics against figures counted by hand and against pandas written apart from them."""

import itertools

import pandas as pd
import pytest

from esitlik.analytics import metrics as m
from esitlik.datasets.kinds import Kind
from esitlik.datasets.vocab import AGE_BANDS
from tests.analytics.helpers import (
    counts,
    frame_table,
    population,
    random_population,
    random_records,
    records,
    residents,
    rows,
)

# Service 1 in 2025, by hand: beneficiaries are 5 women (3 received, 2 with no outcome),
# 2 men, 1 other, 1 of no stated sex; a rejected woman and a waiting man are not.
SERVICE_1 = [
    *rows(3, service_id=1, sex="woman", age_band="0-4", neighbourhood_id=1, outcome="received"),
    *rows(2, service_id=1, sex="woman", age_band="30-34", neighbourhood_id=2, outcome=None),
    *rows(1, service_id=1, sex="woman", age_band="30-34", neighbourhood_id=2, outcome="rejected"),
    *rows(2, service_id=1, sex="man", age_band="0-4", neighbourhood_id=1, outcome="received"),
    *rows(1, service_id=1, sex="man", age_band="30-34", neighbourhood_id=1, outcome="applied"),
    *rows(1, service_id=1, sex="other", age_band="30-34", neighbourhood_id=2, outcome="received"),
    *rows(1, service_id=1, sex=None, age_band="0-4", neighbourhood_id=1, outcome="received"),
]
SERVICE_2 = [
    *rows(4, service_id=2, sex="woman", age_band="70-74", neighbourhood_id=1, outcome="received"),
    *rows(1, service_id=2, sex="man", age_band="70-74", neighbourhood_id=2, outcome="received"),
]
LAST_YEAR = [
    *rows(1, year=2024, service_id=1, sex="woman", age_band="0-4", outcome="received"),
    *rows(3, year=2024, service_id=1, sex="man", age_band="0-4", outcome="received"),
]
RESIDENTS = residents(
    n1={"0-4": (100, 100), "30-34": (50, 150), "70-74": (60, 40)},
    n2={"0-4": (80, 120), "30-34": (100, 100), "70-74": (30, 20)},
)


def run(expr) -> pd.DataFrame:
    return expr.execute()


def one(frame: pd.DataFrame, **where) -> dict:
    for key, value in where.items():
        frame = frame[frame[key] == value]
    assert len(frame) == 1, frame
    return frame.iloc[0].to_dict()


@pytest.fixture
def this_year():
    return m.beneficiaries(records(SERVICE_1 + SERVICE_2))


def test_beneficiaries_are_received_or_without_an_outcome():
    table = records(SERVICE_1)
    kept = run(m.beneficiaries(table))
    assert len(kept) == 9
    assert set(kept.outcome.dropna()) == {"received"}
    assert kept.outcome.isna().sum() == 2


def test_by_sex_counts_rows_of_microdata(this_year):
    result = run(m.by_sex(this_year, ["service_id"]))
    assert one(result, service_id=1) | {} == {
        "service_id": 1,
        "women": 5,
        "men": 2,
        "other": 1,
        "not_stated": 1,
        "total": 9,
    }
    assert one(result, service_id=2)["total"] == 5


def test_by_sex_sums_a_table_of_counts():
    table = counts(
        [
            {"service_id": 3, "sex": "woman", "outcome": "received", "count": 10},
            {"service_id": 3, "sex": "man", "outcome": "received", "count": 30},
            {"service_id": 3, "sex": "woman", "outcome": "rejected", "count": 5},
            {"service_id": 3, "sex": "not_stated", "outcome": None, "count": 2},
        ]
    )
    result = run(m.by_sex(m.beneficiaries(table), ["service_id"], weight="count"))
    assert one(result, service_id=3) == {
        "service_id": 3,
        "women": 10,
        "men": 30,
        "other": 0,
        "not_stated": 2,
        "total": 42,
    }


def test_by_sex_of_nothing_is_zeros():
    result = run(m.by_sex(records([])))
    assert result.to_dict("records") == [
        {"women": 0, "men": 0, "other": 0, "not_stated": 0, "total": 0}
    ]


def test_combine_adds_records_and_counts(this_year):
    from_counts = m.by_sex(
        counts([{"service_id": 1, "sex": "man", "count": 7, "outcome": "received"}]),
        ["service_id"],
        weight="count",
    )
    result = run(m.combine([m.by_sex(this_year, ["service_id"]), from_counts], ["service_id"]))
    assert one(result, service_id=1)["men"] == 2 + 7
    assert one(result, service_id=1)["total"] == 9 + 7
    assert one(result, service_id=2)["women"] == 4


@pytest.mark.parametrize(
    "women, men, share, parity, gap_pp, relative, balanced",
    [
        (3, 1, 0.75, 3.0, -50.0, -2.0, False),
        (2, 3, 0.4, 2 / 3, 20.0, 1 / 3, True),  # 40% is inside 40–60
        (3, 2, 0.6, 1.5, -20.0, -0.5, True),
        (1, 3, 0.25, 1 / 3, 50.0, 2 / 3, False),
        (4, 0, 1.0, None, -100.0, None, False),
        (0, 0, None, None, None, None, None),
    ],
)
def test_balance_measures(women, men, share, parity, gap_pp, relative, balanced):
    items = rows(women, service_id=1, sex="woman") + rows(men, service_id=1, sex="man")
    items += rows(1, service_id=1, sex="other")  # never in a share
    result = one(run(m.with_balance(m.by_sex(records(items), ["service_id"]))), service_id=1)
    for name, expected in [
        ("share_women", share),
        ("parity_index", parity),
        ("gap_pp", gap_pp),
        ("gap_relative", relative),
        ("balanced", balanced),
    ]:
        if expected is None:
            assert pd.isna(result[name]), name
        else:
            assert result[name] == pytest.approx(expected), name


def test_representation_is_standardised_for_age(this_year):
    result = run(m.representation(this_year, population(RESIDENTS), ["service_id"]))
    # Service 1: 5 women and 2 men aged 0-4 (women 180 of 400 residents: 0.45) and 30-34
    # (150 of 400: 0.375): expected women 5 × 0.45 + 2 × 0.375 = 3 of 7.
    first = one(result, service_id=1)
    assert first["expected_women"] == pytest.approx(3.0)
    assert first["reference_share"] == pytest.approx(3 / 7)
    assert first["representation"] == pytest.approx((5 / 7) / (3 / 7))
    assert first["total"] == 9
    # Service 2: 4 women, 1 man aged 70-74, where women are 90 of 150.
    second = one(result, service_id=2)
    assert second["reference_share"] == pytest.approx(0.6)
    assert second["representation"] == pytest.approx(0.8 / 0.6)


def test_representation_by_neighbourhood_compares_with_its_residents(this_year):
    result = run(
        m.representation(this_year, population(RESIDENTS), ["service_id", "neighbourhood_id"])
    )
    # Service 1 in neighbourhood 1: 3 women, 2 men aged 0-4, where women are 100 of 200.
    row = one(result, service_id=1, neighbourhood_id=1)
    assert (row["women"], row["men"], row["not_stated"]) == (3, 2, 1)
    assert row["reference_share"] == pytest.approx(0.5)
    assert row["representation"] == pytest.approx(1.2)
    # In neighbourhood 2: 2 women aged 30-34 (women 100 of 200), no men.
    row = one(result, service_id=1, neighbourhood_id=2)
    assert row["representation"] == pytest.approx(2.0)


def test_representation_without_residents_is_null(this_year):
    result = run(m.representation(this_year, population([]), ["service_id"]))
    assert result.reference_share.isna().all()
    assert result.representation.isna().all()
    assert list(result.sort_values("service_id").total) == [9, 5]


def test_representation_against_the_workforce():
    from tests.analytics.helpers import table

    workforce = table(
        Kind.WORKFORCE,
        [
            {"directorate_id": 1, "sex": "woman", "count": 30},
            {"directorate_id": 1, "sex": "man", "count": 70},
        ],
    )
    trained = records(rows(6, service_id=9, sex="woman") + rows(4, service_id=9, sex="man"))
    result = one(
        run(m.with_representation(m.by_sex(trained, ["service_id"]), workforce)), service_id=9
    )
    assert result["reference_share"] == pytest.approx(0.3)
    assert result["representation"] == pytest.approx(0.6 / 0.3)
    assert result["expected_women"] == pytest.approx(3.0)


def test_life_stages_are_compared_with_residents_of_the_same_stage(this_year):
    table = m.with_age_group(this_year)
    residents_by_band = population(RESIDENTS)  # by five-year band, no life stage
    result = run(m.representation(table, residents_by_band, ["service_id", "age_group"]))
    # Children here are 0-4: women 180 of 400 residents.
    assert one(result, service_id=1, age_group="children")["reference_share"] == pytest.approx(0.45)
    counted = m.by_sex(table, ["service_id", "age_group"])
    covered = run(m.with_coverage(counted, residents_by_band))
    assert one(covered, service_id=1, age_group="children")["eligible_women"] == 180


def test_coverage_per_thousand_residents(this_year):
    table = m.by_sex(this_year, ["municipality_id", "service_id"])
    result = one(run(m.with_coverage(table, population(RESIDENTS))), service_id=1)
    assert (result["eligible_women"], result["eligible_men"]) == (420, 530)
    assert result["coverage_women"] == pytest.approx(5 / 420 * 1000)
    assert result["coverage_men"] == pytest.approx(2 / 530 * 1000)
    assert result["coverage_total"] == pytest.approx(9 / 950 * 1000)
    assert result["coverage_parity"] == pytest.approx((5 / 420) / (2 / 530))
    assert result["coverage_gap"] == pytest.approx((2 / 530 - 5 / 420) * 1000)


def test_coverage_by_neighbourhood_and_age_band(this_year):
    table = m.by_sex(this_year, ["service_id", "neighbourhood_id", "age_band"])
    result = run(m.with_coverage(table, population(RESIDENTS)))
    row = one(result, service_id=1, neighbourhood_id=1, age_band="0-4")
    assert row["coverage_women"] == pytest.approx(3 / 100 * 1000)
    assert row["coverage_men"] == pytest.approx(2 / 100 * 1000)
    row = one(result, service_id=1, neighbourhood_id=2, age_band="30-34")
    assert row["coverage_men"] == 0


def test_change_between_years():
    table = m.beneficiaries(records(SERVICE_1 + LAST_YEAR))
    yearly = m.with_balance(m.by_sex(table, ["service_id", "year"]))
    result = run(m.change(yearly, ["service_id"], ["women", "men", "total", "share_women"]))
    now = one(result, year=2025)
    assert (now["women_previous"], now["men_previous"], now["total_previous"]) == (1, 3, 4)
    assert (now["women_change"], now["men_change"], now["total_change"]) == (4, -1, 5)
    assert now["share_women_change"] == pytest.approx(5 / 7 - 1 / 4)
    before = one(result, year=2024)
    assert pd.isna(before["women_previous"]) and pd.isna(before["women_change"])


def test_outcomes_by_sex():
    result = run(m.outcomes(records(SERVICE_1), ["service_id"]))
    women = one(result, sex="woman")
    assert (women["received"], women["rejected"], women["applied"]) == (3, 1, 0)
    assert (women["not_recorded"], women["decided"]) == (2, 4)
    assert women["rejection_rate"] == pytest.approx(0.25)
    men = one(result, sex="man")
    assert (men["applied"], men["decided"], men["rejection_rate"]) == (1, 2, 0)
    assert one(result, sex="not_stated")["received"] == 1


def test_every_age_band_has_one_life_stage():
    placed = [band for bands in m.AGE_GROUPS.values() for band in bands]
    assert sorted(placed) == sorted(AGE_BANDS)
    table = records([{"sex": "woman", "age_band": band} for band in [*AGE_BANDS, None]])
    result = run(m.with_age_group(table))
    stages = dict(zip(result.age_band, result.age_group, strict=True))
    assert stages["15-19"] == "children"
    assert stages["20-24"] == "youth"
    assert stages["25-29"] == stages["60-64"] == "working_age"
    assert stages["65-69"] == stages["85+"] == "older"
    assert pd.isna(result.age_group.iloc[-1])


# Against pandas, for any combination of dimensions -------------------------------------

DIMENSIONS = ["service_id", "age_band", "disability", "neighbourhood_id", "migration", "year"]
COMBINATIONS = [
    list(combo) for size in range(0, 4) for combo in itertools.combinations(DIMENSIONS, size)
]


def pandas_by_sex(frame: pd.DataFrame, dims) -> pd.DataFrame:
    """Counting written apart from the Ibis code: a crosstab of beneficiaries by sex."""
    kept = frame[frame.outcome.isna() | (frame.outcome == "received")].copy()
    kept["sex"] = kept.sex.fillna("not_stated")
    kept["_all"] = 1
    keys = list(dims) or ["_all"]
    wide = pd.crosstab([kept[k] for k in keys], kept.sex, dropna=False).reset_index()
    wide = wide[(wide[["woman", "man", "other", "not_stated"]].sum(axis=1)) > 0]
    wide = wide.rename(columns={"woman": "women", "man": "men"}).rename_axis(columns=None)
    wide["total"] = wide[["women", "men", "other", "not_stated"]].sum(axis=1)
    wide["share_women"] = wide.women / (wide.women + wide.men)
    return wide.drop(columns=["_all"], errors="ignore")


@pytest.fixture(scope="module")
def random_frame():
    return random_records()


@pytest.mark.parametrize("dims", COMBINATIONS, ids=lambda d: "+".join(d) or "all")
def test_by_sex_agrees_with_pandas_for_any_dimensions(random_frame, dims):
    table = frame_table(Kind.SERVICE_RECORDS, random_frame)
    ours = run(m.with_balance(m.by_sex(m.beneficiaries(table), dims)))
    theirs = pandas_by_sex(random_frame.dropna(subset=dims), dims)
    # pandas leaves out groups with a missing key; compare those groups only.
    if dims:
        ours = ours.dropna(subset=dims)
    columns = [*dims, "women", "men", "other", "not_stated", "total"]
    ours = ours.sort_values(dims or "total").reset_index(drop=True)
    theirs = theirs.sort_values(dims or "total").reset_index(drop=True)
    pd.testing.assert_frame_equal(ours[columns], theirs[columns], check_dtype=False)
    assert ours.share_women.to_numpy() == pytest.approx(theirs.share_women.to_numpy(), nan_ok=True)


def test_standardised_representation_agrees_with_pandas(random_frame):
    people = random_population()
    this_year = random_frame[random_frame.year == 2025]
    table = frame_table(Kind.SERVICE_RECORDS, this_year)
    residents_2025 = frame_table(Kind.POPULATION, people[people.year == 2025])
    dims = ["municipality_id", "service_id", "neighbourhood_id"]
    ours = run(m.representation(m.beneficiaries(table), residents_2025, dims)).set_index(dims)

    kept = this_year[this_year.outcome.isna() | (this_year.outcome == "received")]
    pop = people[people.year == 2025].pivot_table(
        index=["neighbourhood_id", "age_band"], columns="sex", values="count", aggfunc="sum"
    )
    band_share = (pop.woman / (pop.woman + pop.man)).rename("band_share").reset_index()
    binary = kept[kept.sex.isin(["woman", "man"])].dropna(subset=["age_band"])
    binary = binary.merge(band_share, on=["neighbourhood_id", "age_band"])
    expected = binary.groupby(dims).band_share.mean()  # each person weighs the same
    women = kept[kept.sex == "woman"].groupby(dims).size()
    men = kept[kept.sex == "man"].groupby(dims).size()
    share = (women / (women + men)).reindex(expected.index)
    for key, reference in expected.items():
        assert ours.loc[key, "reference_share"] == pytest.approx(reference)
        assert ours.loc[key, "representation"] == pytest.approx(share[key] / reference)
