# ruff: noqa: S608 — the SQL reads the demo's own Parquet files
"""The demo's year of equality data: every kind lands through the importer, the figures are
the ones generated, the gaps are there when counted with plain DuckDB over the stored
Parquet files (not the analytics library), the refused file has its problems, and loading
again adds nothing."""

from __future__ import annotations

import hashlib
import random
from collections import Counter

import duckdb
import pytest
from django.utils import timezone

from esitlik.core.demo import load_all
from esitlik.core.models import Municipality
from esitlik.datasets import (
    demo,
    demo_population,
    demo_records,
    demo_refused,
    demo_services,
    demo_workforce,
)
from esitlik.datasets.demo_places import NEIGHBOURHOODS, OUTER, REFUGEE, places
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import DataExpectation, ImportRun, Service
from esitlik.datasets.storage import landed_files
from esitlik.training import demo_staff


def parquet(municipality, kind) -> str:
    files = landed_files(municipality.pk, kind)
    assert files
    # By name: only Social Services' file has Örnek's household type column.
    return "read_parquet([" + ", ".join(f"'{path}'" for path in files) + "], union_by_name=true)"


def rows(sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


def one(sql: str) -> tuple:
    return rows(sql)[0]


def generated_rows(key: str, services=demo_services.ORNEK) -> int:
    return sum(s.pattern.rows for s in services if s.file == key and s.pattern)


def test_the_demo_lands_a_year_of_equality_data_with_its_gaps(db):
    """One load (the whole demo takes seconds), every promise checked on it."""
    assert load_all() > 0
    ornek = Municipality.objects.get(slug="ornek")
    deneme = Municipality.objects.get(slug="deneme")
    year = demo._year(ornek)
    assert year == timezone.localdate().year - 1  # the training demo's year

    every_kind_lands_with_the_rows_generated(ornek, deneme, year)
    the_service_records_hold_the_gaps(ornek)
    the_population_adds_up_to_the_municipality(ornek, deneme)
    the_workforce_agrees_with_the_training_demo(ornek)
    the_refused_file_has_its_problems(ornek, year)
    completeness_has_an_overdue_line(ornek, year)
    each_municipality_reads_only_its_own_rows(ornek, deneme)
    the_report_is_published(ornek, year)

    runs = ImportRun.objects.count()
    assert load_all() == 0
    assert ImportRun.objects.count() == runs


def the_report_is_published(ornek, year):
    """The reports app's demo: Örnek's public report of the year, ready and published; the
    services open to women only by design are explained, not ranked as gaps."""
    from esitlik.reports.models import StoredReport

    report = StoredReport.objects.get(municipality=ornek)
    assert (report.status, report.audience, report.year) == ("ready", "public", year)
    assert report.is_published and report.pdf_pages >= 10
    service_use = next(s for s in report.document["sections"] if s["id"] == "service_use")
    gaps = next(t for t in service_use["tables"] if t["id"] == "gaps_all")
    ranked = {row[1] for row in gaps["rows"]}
    assert "Spor Merkezleri (Fitness)" in ranked
    assert "Kadın Konukevi Yönlendirme" not in ranked
    assert any("Kadın Konukevi Yönlendirme" in p for p in service_use["paragraphs"])


def every_kind_lands_with_the_rows_generated(ornek, deneme, year):
    assert Service.objects.filter(municipality=ornek).count() == len(demo_services.ORNEK) == 31
    assert set(
        Service.objects.filter(municipality=ornek, sensitive=True).values_list("code", flat=True)
    ) == {"KDM-02", "KDM-03"}
    landed = ImportRun.objects.filter(municipality=ornek, status=ImportRun.Status.LANDED)
    assert set(landed.values_list("kind", flat=True)) == set(Kind.values)
    assert set(landed.values_list("year", flat=True)) == {year}
    records = landed.filter(kind=Kind.SERVICE_RECORDS)
    keys = {s.file for s in demo_services.ORNEK if s.pattern and s.file}
    assert records.count() == len(keys) == 8
    for key in keys:
        run = records.get(file_name=demo_records.FILES[key].name.format(year=year))
        assert run.rows_read == generated_rows(key), key
        assert run.rows_stored < run.rows_read, key  # stored as counts
        assert run.directorate.code == demo_records.FILES[key].directorate
    total = one(f"SELECT sum(count) FROM {parquet(ornek, Kind.SERVICE_RECORDS)}")[0]
    assert total == generated_rows_all() > 300_000
    assert (
        one(f"SELECT count(DISTINCT service_id) FROM {parquet(ornek, Kind.SERVICE_RECORDS)}")[0]
        == len(demo_services.ORNEK) - 2
    )  # the theatre counts, the headmen's requests are missing
    assert one(
        f"SELECT count(DISTINCT neighbourhood_id) FROM {parquet(ornek, Kind.SERVICE_RECORDS)}"
    )[0] == len(NEIGHBOURHOODS["ornek"])
    for kind in (Kind.SERVICE_RECORDS, Kind.POPULATION):
        assert ImportRun.objects.filter(
            municipality=deneme, kind=kind, status=ImportRun.Status.LANDED
        ).exists()
    deneme_rows = one(f"SELECT sum(count) FROM {parquet(deneme, Kind.SERVICE_RECORDS)}")[0]
    assert deneme_rows == generated_rows("deneme", demo_services.DENEME)


def generated_rows_all() -> int:
    return sum(s.pattern.rows for s in demo_services.ORNEK if s.pattern and s.file)


def share(where: str, of: str, table: str) -> float:
    # Service records are stored as counts: each row weighs its count.
    return one(
        f"SELECT sum(CASE WHEN {of} THEN count ELSE 0 END) / sum(count) FROM {table} WHERE {where}"
    )[0]


def the_service_records_hold_the_gaps(ornek):
    table = parquet(ornek, Kind.SERVICE_RECORDS)
    ids = dict(Service.objects.filter(municipality=ornek).values_list("code", "pk"))
    in_ = lambda *codes: f"service_id IN ({', '.join(str(ids[c]) for c in codes)})"  # noqa: E731
    stated = "sex IN ('woman', 'man')"
    # The sports centres are used mostly by men; courses and counselling mostly by women.
    assert 0.2 < share(f"{in_('SP-01')} AND {stated}", "sex = 'woman'", table) < 0.3
    assert share(f"{in_('KH-02')} AND {stated}", "sex = 'woman'", table) > 0.75
    assert share(f"{in_('KDM-01')} AND {stated}", "sex = 'woman'", table) > 0.9
    assert share(f"{in_('YH-01')} AND {stated}", "sex = 'woman'", table) > 0.6
    assert share(f"{in_('KS-01')} AND {stated}", "sex = 'woman'", table) < 0.42
    # Örnek's own dimension, in Social Services' applications only: most single parents
    # applying are women.
    assert share(f"{in_('SY-02')} AND {stated}", "x_hane_tipi IS NOT NULL", table) == 1.0
    assert share(f"{in_('SP-01')}", "x_hane_tipi IS NULL", table) == 1.0
    assert share(f"x_hane_tipi = 'Tek ebeveynli' AND {stated}", "sex = 'woman'", table) > 0.8
    # Disabled people are rare in sports, common in rehabilitation.
    assert share(in_("SP-01", "SP-02", "SP-03"), "disability = 'yes'", table) < 0.02
    assert share(in_("EH-01"), "disability = 'yes'", table) == 1.0
    # A few percent of sex not stated, except in Health Affairs.
    health = in_("SA-01", "SA-02", "SA-03")
    assert share(health, "sex = 'not_stated'", table) > 0.2
    assert 0.005 < share(f"NOT {health}", "sex = 'not_stated'", table) < 0.05
    # Cash aid rejects women more often than men; most services reject nobody.
    cash = in_("SY-02")
    assert (
        share(f"{cash} AND sex = 'woman'", "outcome = 'rejected'", table)
        > share(f"{cash} AND sex = 'man'", "outcome = 'rejected'", table) + 0.05
    )
    assert share(in_("SP-01"), "outcome = 'rejected'", table) == 0
    # Refugees live in four neighbourhoods; the outer neighbourhoods are reached less.
    names = dict(ornek.neighbourhoods.values_list("pk", "name"))
    by_place = Counter(
        dict(
            rows(
                f"SELECT neighbourhood_id, sum(count) FROM {table} WHERE migration = 'refugee' "
                "GROUP BY ALL"
            )
        )
    )
    assert sum(n for pk, n in by_place.items() if names[pk] in REFUGEE) > 0.6 * sum(
        by_place.values()
    )
    records = dict(rows(f"SELECT neighbourhood_id, sum(count) FROM {table} GROUP BY ALL"))
    residents = dict(
        rows(
            f"SELECT neighbourhood_id, sum(count) FROM {parquet(ornek, Kind.POPULATION)} "
            "GROUP BY ALL"
        )
    )

    def reach(outer: bool) -> float:
        served = sum(n for pk, n in records.items() if (names[pk] in OUTER) == outer)
        living = sum(n for pk, n in residents.items() if (names[pk] in OUTER) == outer)
        return served / living

    assert reach(True) < 0.6 * reach(False)


def the_population_adds_up_to_the_municipality(ornek, deneme):
    for municipality in (ornek, deneme):
        table = parquet(municipality, Kind.POPULATION)
        total, cells = one(f"SELECT sum(count), count(*) FROM {table}")
        assert total == municipality.population
        assert cells == len(NEIGHBOURHOODS[municipality.slug]) * 18 * 2
    women = one(
        f"SELECT sum(count) FILTER (sex = 'woman') / sum(count) "
        f"FROM {parquet(ornek, Kind.POPULATION)}"
    )[0]
    assert 0.49 < women < 0.53


def the_workforce_agrees_with_the_training_demo(ornek):
    totals = rows(
        f"SELECT role_category, sex, sum(count), sum(promotions) "
        f"FROM {parquet(ornek, Kind.WORKFORCE)} GROUP BY ALL"
    )
    names = {name: key for key, name in demo_workforce.CATEGORY_NAMES.items()}
    counts = {(names[role], sex): n for role, sex, n, _p in totals}
    for key, (women, men, _other) in demo_staff.WORKFORCE.items():
        assert counts[(key, "woman")] == women and counts[(key, "man")] == men
    promoted = {sex: sum(p for _r, s, _n, p in totals if s == sex) for sex in ("woman", "man")}
    staff = {sex: sum(n for _r, s, n, _p in totals if s == sex) for sex in ("woman", "man")}
    assert promoted["woman"] / staff["woman"] < promoted["man"] / staff["man"]
    council = one(
        f"SELECT sum(count) FILTER (sex = 'woman') / sum(count) "
        f"FROM {parquet(ornek, Kind.DECISION_MAKERS)} WHERE body = 'council'"
    )[0]
    assert 0.1 < council < 0.2
    targeted, neutral = (
        one(
            f"SELECT sum(actual) / sum(planned) FROM {parquet(ornek, Kind.BUDGET)} "
            f"WHERE equality_tag = '{tag}'"
        )[0]
        for tag in ("targeted", "neutral")
    )
    assert targeted < neutral


def the_refused_file_has_its_problems(ornek, year):
    run = ImportRun.objects.get(
        municipality=ornek, file_name=f"engelli_hizmetleri_aralik_ek_{year}.csv"
    )
    assert run.status == ImportRun.Status.FAILED and run.rows_stored == 0
    wrong = demo_refused.mistakes(year)
    assert run.error_count == len(wrong)
    assert {(p["row"], p["column"], p["value"]) for p in run.problems} == {
        (row + 1, heading, value) for row, (heading, value) in wrong.items()
    }
    assert not landed_files(ornek.pk, Kind.SERVICE_RECORDS) or all(
        str(run.token) not in str(path) for path in landed_files(ornek.pk, Kind.SERVICE_RECORDS)
    )


def completeness_has_an_overdue_line(ornek, year):
    expectations = DataExpectation.objects.filter(municipality=ornek, year=year)
    assert expectations.count() == len(demo.EXPECTED)
    landed = set(
        ImportRun.objects.filter(
            municipality=ornek, year=year, status=ImportRun.Status.LANDED
        ).values_list("directorate__code", "kind")
    )
    missing = [e for e in expectations if (e.directorate.code, e.kind) not in landed]
    assert [(e.directorate.code, e.service.code) for e in missing] == [("MU", "MU-01")]
    assert missing[0].due < timezone.localdate()


def each_municipality_reads_only_its_own_rows(ornek, deneme):
    for municipality in (ornek, deneme):
        for kind in (Kind.SERVICE_RECORDS, Kind.POPULATION):
            ids = rows(f"SELECT DISTINCT municipality_id FROM {parquet(municipality, kind)}")
            assert ids == [(municipality.pk,)]


# Reproducible, without the database --------------------------------------------------------


def generated_bytes(seed: int, folder) -> dict[str, str]:
    shares = places("ornek", random.Random(f"{seed}:ornek"))
    with duckdb.connect() as con:
        demo_records.generate(
            con, services=list(demo_services.ORNEK), places=shares, year=2025, seed=seed
        )
        written = {
            key: demo_records.write_file(con, demo_records.FILES[key], folder, 2025)
            for key in ("spor", "yasli_engelli")
        }
    return {key: hashlib.sha256(path.read_bytes()).hexdigest() for key, path in written.items()}


def test_the_generated_files_are_the_same_for_the_same_seed(tmp_path):
    first = generated_bytes(6, tmp_path)
    assert generated_bytes(6, tmp_path) == first
    assert generated_bytes(7, tmp_path)["spor"] != first["spor"]


@pytest.mark.parametrize("total", [412318, 92645, 1])
def test_the_population_adds_up_exactly(total):
    shares = places("ornek", random.Random(1))
    counts = demo_population.population(total, shares)
    assert sum(counts.values()) == total
    assert len(counts) == len(shares) * 18 * 2


def test_the_workforce_is_the_training_demos():
    rows = demo_workforce.snapshot(random.Random(1))
    totals = Counter()
    for (post, sex), (people, *_moves) in rows.items():
        totals[(post.category, sex)] += people
    assert totals == Counter(
        {
            (key, sex): n
            for key, (women, men, _other) in demo_staff.WORKFORCE.items()
            for sex, n in (("woman", women), ("man", men))
            if n
        }
    )
