"""Plan indicators that take their yearly values from the data: the values against hand
counts, the checks on a source, putting a value into the update, and who sees what."""

from datetime import date
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from esitlik.core.models import AuditEntry
from esitlik.datasets import storage
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.indicator_values import values_from_data
from esitlik.datasets.kinds import STORED_SCHEMAS, Kind
from esitlik.datasets.models import ImportRun
from esitlik.datasets.sources import source_remove, source_set, source_value_use
from esitlik.plans import indicators
from tests.plans.helpers import approve, build, make_plan


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def land(municipality, kind, year, rows):
    """A landed run holding ``rows`` (dicts of the stored schema's columns), as the importer
    would leave it."""
    run = ImportRun.objects.create(
        municipality=municipality,
        kind=kind,
        year=year,
        file_name=f"{kind}-{year}.csv",
        file_sha256=f"{kind}{year}{len(rows)}".ljust(64, "0"),
        status=ImportRun.Status.LANDED,
    )
    schema = STORED_SCHEMAS[Kind(kind)]
    full = [
        {name: row.get(name) for name in schema.names}
        | {"municipality_id": municipality.pk, "run_id": run.pk, "year": year}
        for row in rows
    ]
    path = storage.run_path(run)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(full, schema=schema), path)
    run.stored_path = storage.run_relative_path(run)
    run.save(update_fields=["stored_path"])
    return run


def records(service, sex_counts, *, outcome="received", age_band="30-34"):
    """Service records as an import stores them: counted, one row per sex here."""
    return [
        {
            "service_id": service.pk,
            "directorate_id": service.directorate_id,
            "sex": sex,
            "age_band": age_band,
            "outcome": outcome,
            "count": n,
        }
        for sex, n in sex_counts.items()
        if n
    ]


@pytest.fixture
def setting(world):
    plan = make_plan(world)
    _aim, _objective, action = build(plan, world)
    sports = service_create(
        municipality=world.home, directorate=world.parks, name="Spor Kursları", by=world.alice
    )
    shelter = service_create(
        municipality=world.home,
        directorate=world.social,
        name="Sığınma evi",
        by=world.alice,
        sensitive=True,
    )

    def indicator(measure, code, by_sex=False):
        return indicators.indicator_create(
            parent=action,
            title={"tr": code},
            kind="outcome",
            measure=measure,
            by_sex=by_sex,
            by=world.alice,
        )

    return plan, sports, shelter, indicator


def test_share_and_count_of_women_among_a_services_beneficiaries(world, setting):
    plan, sports, _shelter, indicator = setting
    # 2025: 23 women, 77 men received the service; 40 women applied and wait (not counted).
    land(world.home, "service_records", 2025, records(sports, {"woman": 23, "man": 77}))
    land(
        world.home,
        "service_records",
        2025,
        records(sports, {"woman": 40}, outcome="applied"),
    )
    # 2026 from a directorate that keeps totals: 30 women, 70 men, 5 not stated.
    land(
        world.home,
        "service_counts",
        2026,
        [
            {"service_id": sports.pk, "directorate_id": world.parks.pk, "sex": s, "count": n}
            for s, n in (("woman", 30), ("man", 70), ("not_stated", 5))
        ],
    )
    share = source_set(
        indicator=indicator("women_share", "G1"),
        by=world.alice,
        kind="service_records",
        metric="women_share",
        service=sports,
    )
    values = values_from_data(share, [2025, 2026, 2027])
    assert set(values) == {2025, 2026}
    assert values[2025].value == Decimal("23.00")
    assert values[2026].value == Decimal("30.00")  # 30 / (30 + 70); not stated left out

    count = source_set(
        indicator=indicator("count", "G2", by_sex=True),
        by=world.alice,
        kind="service_records",
        metric="count",
        service=sports,
    )
    values = values_from_data(count, [2025, 2026])
    assert (values[2025].value, values[2025].women, values[2025].men) == (100, 23, 77)
    assert (values[2026].value, values[2026].women, values[2026].men) == (105, 30, 70)

    applications = source_set(
        indicator=indicator("count", "G3"),
        by=world.alice,
        kind="service_records",
        metric="count",
        service=sports,
        outcome="applied",
    )
    assert values_from_data(applications, [2025])[2025].value == 40


def test_representation_and_coverage_against_residents(world, setting):
    _plan, sports, _shelter, indicator = setting
    land(world.home, "service_records", 2025, records(sports, {"woman": 20, "man": 60}))
    # Residents aged 30-34: 600 women, 400 men (women's share 0.6).
    land(
        world.home,
        "population",
        2024,
        [
            {"sex": "woman", "age_band": "30-34", "count": 600},
            {"sex": "man", "age_band": "30-34", "count": 400},
        ],
    )
    ratio = source_set(
        indicator=indicator("representation_ratio", "R1"),
        by=world.alice,
        kind="service_records",
        metric="representation_ratio",
        service=sports,
    )
    # Women's share among beneficiaries 20/80 = 0.25; among residents 0.6 → 0.4167.
    assert values_from_data(ratio, [2025])[2025].value == Decimal("0.42")
    coverage = source_set(
        indicator=indicator("rate_per_1000", "R2", by_sex=True),
        by=world.alice,
        kind="service_records",
        metric="coverage_per_1000",
        service=sports,
    )
    value = values_from_data(coverage, [2025])[2025]
    # 80 of 1,000 residents; 20 of 600 women; 60 of 400 men (population of 2024 is the latest).
    assert (value.value, value.women, value.men) == (Decimal("80.00"), Decimal("33.33"), 150)


def test_workforce_uses_the_years_last_snapshot_and_decision_makers_a_body(world, setting):
    _plan, _sports, _shelter, indicator = setting
    land(
        world.home,
        "workforce",
        2025,
        [
            {"date": date(2025, 1, 1), "role_category": "Müdür", "sex": "woman", "count": 2},
            {"date": date(2025, 1, 1), "role_category": "Müdür", "sex": "man", "count": 18},
        ],
    )
    land(
        world.home,
        "workforce",
        2025,
        [
            {"date": date(2025, 12, 31), "role_category": "Müdür", "sex": "woman", "count": 5},
            {"date": date(2025, 12, 31), "role_category": "Müdür", "sex": "man", "count": 15},
            {"date": date(2025, 12, 31), "role_category": "Memur", "sex": "woman", "count": 50},
        ],
    )
    managers = source_set(
        indicator=indicator("women_share", "W1"),
        by=world.alice,
        kind="workforce",
        metric="women_share",
        role_category="Müdür",
    )
    assert values_from_data(managers, [2025])[2025].value == Decimal("25.00")
    land(
        world.home,
        "decision_makers",
        2025,
        [
            {"date": date(2025, 6, 1), "body": "council", "sex": "woman", "count": 7},
            {"date": date(2025, 6, 1), "body": "council", "sex": "man", "count": 30},
            {"date": date(2025, 6, 1), "body": "muhtars", "sex": "woman", "count": 1},
        ],
    )
    council = source_set(
        indicator=indicator("parity_index", "D1"),
        by=world.alice,
        kind="decision_makers",
        metric="parity_index",
        body="council",
    )
    assert values_from_data(council, [2025])[2025].value == Decimal("0.23")  # 7 / 30


def test_equality_budget_share_of_actual_spending(world, setting):
    _plan, _sports, _shelter, indicator = setting
    land(
        world.home,
        "budget",
        2025,
        [
            {
                "budget_code": "A",
                "equality_tag": "targeted",
                "planned": Decimal(100),
                "actual": Decimal(80),
            },
            {
                "budget_code": "B",
                "equality_tag": "mainstreamed",
                "planned": Decimal(100),
                "actual": Decimal(120),
            },
            {
                "budget_code": "C",
                "equality_tag": "neutral",
                "planned": Decimal(800),
                "actual": Decimal(600),
            },
        ],
    )
    share = source_set(
        indicator=indicator("percentage", "B1"),
        by=world.alice,
        kind="budget",
        metric="equality_budget_share",
    )
    assert values_from_data(share, [2025])[2025].value == Decimal("25.00")  # 200 / 800


def test_a_source_must_fit_the_indicator_and_the_dataset(world, setting):
    _plan, sports, _shelter, indicator = setting
    share = indicator("women_share", "S1")
    with pytest.raises(ValidationError) as caught:
        source_set(indicator=share, by=world.alice, kind="service_records", metric="count")
    assert "measured as “Share of women (%)”" in caught.value.message_dict["metric"][0]
    with pytest.raises(ValidationError) as caught:
        source_set(indicator=share, by=world.alice, kind="budget", metric="women_share")
    assert "metric" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        source_set(
            indicator=share, by=world.alice, kind="workforce", metric="women_share", service=sports
        )
    assert "service" in caught.value.message_dict
    other = service_create(
        municipality=world.other,
        directorate=world.other.directorates.first(),
        name="Başka",
        by=world.oscar,
    )
    with pytest.raises(ValidationError) as caught:
        source_set(
            indicator=share,
            by=world.alice,
            kind="service_records",
            metric="women_share",
            service=other,
        )
    assert "service" in caught.value.message_dict


def test_setting_and_removing_a_source_is_audited(world, setting):
    _plan, sports, _shelter, indicator = setting
    target = indicator("women_share", "A1")
    source = source_set(
        indicator=target, by=world.alice, kind="service_records", metric="women_share"
    )
    source_set(
        indicator=target,
        by=world.alice,
        version=source.version,
        kind="service_records",
        metric="women_share",
        service=sports,
    )
    source.refresh_from_db()
    assert source.service == sports and source.version == 2
    source_remove(source=source, by=world.alice)
    actions = list(
        AuditEntry.objects.filter(action__startswith="datasets.indicator_source")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "datasets.indicator_source.set",
        "datasets.indicator_source.set",
        "datasets.indicator_source.removed",
    ]


def test_putting_a_value_into_the_yearly_update(world, setting):
    plan, sports, _shelter, indicator = setting
    share = indicator("women_share", "U1")
    land(world.home, "service_records", 2025, records(sports, {"woman": 23, "man": 77}))
    source = source_set(
        indicator=share,
        by=world.alice,
        kind="service_records",
        metric="women_share",
        service=sports,
    )
    approve(plan)
    update = source_value_use(source=source, year=2025, by=world.bob)
    assert update.value == Decimal("23.00") and update.status == "draft"
    assert "Computed from the data" in update.narrative
    with pytest.raises(ValidationError, match="no value for 2026"):
        source_value_use(source=source, year=2026, by=world.bob)


def test_the_page_shows_values_and_hides_small_counts_from_outsiders(world, setting, client):
    plan, _sports, shelter, indicator = setting
    count = indicator("count", "P1", by_sex=True)
    land(world.home, "service_records", 2025, records(shelter, {"woman": 12, "man": 3}))
    source_set(
        indicator=count, by=world.alice, kind="service_records", metric="count", service=shelter
    )
    url = reverse("indicator_source", args=[world.home.slug, plan.pk, count.pk])
    client.force_login(world.alice)
    page = client.get(url).content.decode()
    assert ">15<" in page and ">12<" in page and ">3<" in page
    # One menu entry is the current page: the data pages', not the plans' as well.
    assert page.count('aria-current="page"') == 1
    client.force_login(world.carol)  # a commission member sees controlled figures
    page = client.get(url).content.decode()
    # The shelter is sensitive (threshold 10): 3 men are hidden, and women with them.
    assert ">15<" in page and ">12<" not in page and ">3<" not in page
    assert page.count(">c</abbr>") >= 2
    assert 'name="save"' not in page  # only the equality unit defines sources


def test_the_page_saves_a_source_for_the_equality_unit_only(world, setting, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    plan, sports, _shelter, indicator = setting
    share = indicator("women_share", "P2")
    url = reverse("indicator_source", args=[world.home.slug, plan.pk, share.pk])
    data = {"save": "1", "kind": "service_records", "metric": "women_share", "service": sports.pk}
    client.force_login(world.bob)
    assert client.post(url, data).status_code == 403
    client.force_login(world.alice)
    response = client.post(url, data)
    assert response.status_code == 302
    assert share.data_source.service == sports
    wrong = client.post(url, data | {"metric": "count", "version": share.data_source.version})
    assert "measured as" in wrong.content.decode()
