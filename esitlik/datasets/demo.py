"""Demo: a year of Örnek's equality data, landed through the real importer.

Örnek's service catalogue (31 services of 13 directorates and branches) and, for the
training demo's year (the last full calendar year before the first load), about 306,000
service records in eight files from seven directorates, written the way each sends them
(Windows-1254 CSV with semicolons and Turkish headings, UTF-8 CSV, a workbook); the theatre's
audience counts; the population of every neighbourhood by sex and age band (TÜİK's layout,
adding up to the municipality's population); the workforce (agreeing with the training
demo's figures); the decision-makers and the budget lines. The records carry the gaps the
findings should surface (see ``demo_services``). One more file, the disability branch's
December supplement, is refused for six wrong cells, so the run page has problems to show;
the equality unit expects data from eight directorates, and one of them (the headmen's
social support requests) is overdue and missing. Örnek asks Social Services' applicants
their household type, a dimension of its own. The second municipality, Deneme, gets a
small catalogue, a file of records and its population, so another tenant's data is there to
be kept apart.

Every file is written to a temporary folder and imported with ``imports.import_file``, as the
command line would: the demo holds nothing the importer did not accept. Deterministic (one
seed for the records' hashes and the generators) and idempotent: services are matched by code,
neighbourhoods by name, imports by file name and year, expectations by directorate, kind and
year; only what is missing is made.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from esitlik.core.models import Directorate, Municipality
from esitlik.core.neighbourhoods import neighbourhoods_add_lines
from esitlik.datasets import (
    demo_budget,
    demo_counts,
    demo_decisions,
    demo_population,
    demo_records,
    demo_refused,
    demo_workforce,
)
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.demo_places import NEIGHBOURHOODS, places
from esitlik.datasets.demo_services import CATALOGUES
from esitlik.datasets.dimensions import dimension_create, dimension_key
from esitlik.datasets.expectations import expectation_create
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import DataExpectation, ImportRun, Service
from esitlik.training.demo import demo_year_of

SEED = 6
POPULATION_FILE = "adnks_mahalle_cinsiyet_yas_{year}.xlsx"
DISTRICTS = {"ornek": "Örnek ilçesi", "deneme": "Deneme merkez ilçesi"}
# Örnek's own dimension of its service data, given in Social Services' applications.
DIMENSIONS = {
    "ornek": [
        (
            {"tr": "Hane Tipi", "en": "Household type"},
            "Tek ebeveynli\nÇekirdek aile\nYalnız yaşayan\nGeniş aile",
        )
    ]
}


@dataclass(frozen=True)
class DemoFile:
    kind: Kind
    name: str  # the file's name, with {year}
    # The code of the directorate that sent it, for data of that directorate only; None for
    # data of the whole municipality (the workforce, the budget…), whoever compiled it.
    directorate: str | None
    sender: str  # the demo user who imported it
    # The file's bytes: one of demo_records.FILES (by key), or built by ``build``.
    records: str = ""
    build: Callable[[], bytes] | None = None
    lands: bool = True  # False: the demo expects the importer to refuse it


def load() -> int:
    made = 0
    municipalities = {m.slug: m for m in Municipality.objects.filter(slug__in=CATALOGUES)}
    ornek = municipalities.get("ornek")
    if ornek is None:
        return 0
    year = _year(ornek)
    for slug, municipality in municipalities.items():
        made += _catalogue(municipality, CATALOGUES[slug])
        added, _skipped = neighbourhoods_add_lines(
            municipality=municipality, text="\n".join(NEIGHBOURHOODS[slug]), by=None
        )
        made += len(added)
        made += _dimensions(municipality, DIMENSIONS.get(slug, ()))
        made += _imports(municipality, year)
    made += _expectations(ornek, year)
    return made


def _dimensions(municipality, dimensions) -> int:
    made = 0
    existing = set(municipality.dimensions.values_list("key", flat=True))
    for name, values in dimensions:
        if dimension_key(name) not in existing:
            dimension_create(municipality=municipality, name=name, values=values, by=None)
            made += 1
    return made


def _year(municipality) -> int:
    """The year loaded before, else the training demo's year (its workforce figures), else
    the last full calendar year."""
    loaded = ImportRun.objects.filter(
        municipality=municipality,
        kind=Kind.POPULATION,
        file_name__startswith=POPULATION_FILE.split("{")[0],
    ).first()
    if loaded is not None:
        return loaded.year
    first = municipality.workforce_figures.order_by("year").first()
    return first.year if first else demo_year_of(timezone.localdate())


def _catalogue(municipality, services) -> int:
    existing = set(Service.objects.filter(municipality=municipality).values_list("code", flat=True))
    directorates = {d.code: d for d in Directorate.objects.filter(municipality=municipality)}
    made = 0
    for spec in services:
        if spec.code in existing:
            continue
        service_create(
            municipality=municipality,
            directorate=directorates[spec.directorate],
            name={"tr": spec.turkish, "en": spec.english},
            code=spec.code,
            sensitive=spec.sensitive,
            single_sex=spec.single_sex,
            description=spec.description,
            by=None,
        )
        made += 1
    return made


def _files(municipality, year: int, shares) -> list[DemoFile]:
    slug = municipality.slug
    sender = "yonetici" if slug == "ornek" else "deneme"
    keys = sorted({s.file for s in CATALOGUES[slug] if s.pattern and s.file})
    files = [
        DemoFile(
            Kind.SERVICE_RECORDS,
            demo_records.FILES[key].name,
            demo_records.FILES[key].directorate,
            demo_records.FILES[key].sender,
            records=key,
        )
        for key in keys
    ]
    population = demo_population.population(municipality.population or 0, shares)
    files.append(
        DemoFile(
            Kind.POPULATION,
            POPULATION_FILE,
            None,
            sender,
            build=partial(
                demo_population.workbook, population, year=year, district=DISTRICTS[slug]
            ),
        )
    )
    if slug != "ornek":
        return files

    def seeded(part: str) -> random.Random:
        # A stream of its own for each generator, so changing one leaves the others as they are.
        return random.Random(f"{SEED}:{slug}:{part}")  # noqa: S311 — demo figures, not secrets

    def theatre() -> bytes:
        return demo_counts.workbook(demo_counts.performances(seeded("theatre"), year), year=year)

    def workforce() -> bytes:
        return demo_workforce.workbook(demo_workforce.snapshot(seeded("staff")), year=year)

    def budget() -> bytes:
        return demo_budget.workbook(demo_budget.lines(seeded("budget")), year=year)

    def supplement() -> bytes:
        return demo_refused.csv_bytes(seeded("refused"), year, NEIGHBOURHOODS[slug])

    return [
        *files,
        DemoFile(
            Kind.SERVICE_COUNTS, "sehir_tiyatrosu_seyirci_{year}.xlsx", "KS", sender, build=theatre
        ),
        DemoFile(Kind.WORKFORCE, "personel_durumu_{year}.xlsx", None, sender, build=workforce),
        DemoFile(
            Kind.DECISION_MAKERS,
            "karar_organlari_{year}.xlsx",
            None,
            sender,
            build=partial(demo_decisions.workbook, year=year),
        ),
        DemoFile(Kind.BUDGET, "butce_gerceklesme_{year}.xlsx", None, sender, build=budget),
        DemoFile(
            Kind.SERVICE_RECORDS,
            "engelli_hizmetleri_aralik_ek_{year}.csv",
            "SH",
            "odak",
            build=supplement,
            lands=False,
        ),
    ]


def _imports(municipality, year: int) -> int:
    done = set(
        ImportRun.objects.filter(municipality=municipality, year=year).values_list(
            "file_name", flat=True
        )
    )
    shares = places(municipality.slug, random.Random(f"{SEED}:{municipality.slug}"))  # noqa: S311
    missing = [
        spec
        for spec in _files(municipality, year, shares)
        if spec.name.format(year=year) not in done
    ]
    if not missing:
        return 0
    # Imported here, not at the top: the demo loads on every `esitlik demo`, and once the data
    # is in, DuckDB and the import engine (pyarrow, numpy) would only add seconds to the start.
    import duckdb

    from esitlik.datasets.imports import import_file

    directorates = {d.code: d for d in Directorate.objects.filter(municipality=municipality)}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=SENDERS)}
    services = list(CATALOGUES[municipality.slug])
    with tempfile.TemporaryDirectory(prefix="esitlik-demo-") as folder, duckdb.connect() as con:
        generated = False
        for spec in missing:
            name = spec.name.format(year=year)
            if spec.records:
                if not generated:
                    demo_records.generate(
                        con, services=services, places=shares, year=year, seed=SEED
                    )
                    generated = True
                spec_file = demo_records.FILES[spec.records]
                source = demo_records.write_file(con, spec_file, Path(folder), year).read_bytes()
            else:
                source = spec.build()
            run = import_file(
                municipality=municipality,
                kind=spec.kind,
                year=year,
                source=source,
                file_name=name,
                by=users.get(spec.sender),
                directorate=directorates.get(spec.directorate) if spec.directorate else None,
            )
            expected = ImportRun.Status.LANDED if spec.lands else ImportRun.Status.FAILED
            if run.status != expected:
                raise RuntimeError(
                    f"demo import of {name}: {run.status}, expected {expected}: {run.problems[:5]}"
                )
    return len(missing)


SENDERS = {"yonetici", "odak", "deneme"}

# (directorate, kind, service code or None): what the equality unit expects for the year.
EXPECTED = (
    ("KAH", Kind.SERVICE_RECORDS, None),
    ("SH", Kind.SERVICE_RECORDS, None),
    ("SP", Kind.SERVICE_RECORDS, None),
    ("KS", Kind.SERVICE_RECORDS, None),
    ("KS", Kind.SERVICE_COUNTS, "KL-03"),
    ("SA", Kind.SERVICE_RECORDS, None),
    ("UL", Kind.SERVICE_RECORDS, None),
    ("BY", Kind.SERVICE_RECORDS, None),
    ("MU", Kind.SERVICE_RECORDS, "MU-01"),
)
OVERDUE = "MU"


def _expectations(municipality, year: int) -> int:
    """Due at the end of January; the headmen's requests, never sent, three weeks before the
    load day at the latest, so they show as overdue whenever the demo is loaded."""
    existing = set(
        DataExpectation.objects.filter(municipality=municipality, year=year).values_list(
            "directorate__code", "kind"
        )
    )
    directorates = {d.code: d for d in Directorate.objects.filter(municipality=municipality)}
    services = {s.code: s for s in Service.objects.filter(municipality=municipality)}
    today = timezone.localdate()
    made = 0
    for code, kind, service in EXPECTED:
        if (code, kind) in existing:
            continue
        due = date(year + 1, 1, 31)
        if code == OVERDUE:
            due = min(due, today - timedelta(days=21))
        expectation_create(
            municipality=municipality,
            directorate=directorates[code],
            kind=kind,
            year=year,
            service=services.get(service) if service else None,
            due=due,
            by=None,
        )
        made += 1
    return made
