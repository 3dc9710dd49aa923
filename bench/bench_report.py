"""The whole Equality in Service report at scale, step by step, beside the hand-written SQL of
the same figures in the same process.

    uv run python bench/bench_report.py --rows 10000000 --repeat 3 --keep

It sets up a throw-away esitlik (SQLite and a data directory under ``--work``), generates a
year of synthetic service records and the population (``synthetic_records.py``), creates the
municipality they describe — 40 services of 12 directorates, 60 neighbourhoods, with the ids
the files use — and registers the files as landed import runs, with five years of workforce
and decision-maker snapshots and the year's budget lines beside them. Libraries are warmed
up with the whole report of a small second municipality (20,000 records; its time is printed
as the first report of a process). Then each round times, in this process:

0. the baseline: ``bench_metrics.run_sql``, hand-written DuckDB SQL computing the same
   figures from the same Parquet (and its findings);
1. ``gather(municipality, year)``: every figure the report needs, read once;
2. ``build`` of the internal and of the public report (Turkish), the public one with
   disclosure control of every table;
3. ``render(report, "pdf")`` of both (WeasyPrint);

and the totals: one report (gather, build, PDF) and both. The figures ``gather`` computed are
compared with the baseline's (counts exactly, fractions to 1e-9), and the PDFs are read back
(``pdfinfo``, ``pdftotext`` of poppler-utils): page count, and the title on the first page.
Each step's figure is the median of ``--repeat`` rounds; CPU seconds add up all threads.

Options: ``--rows``, ``--repeat``, ``--work DIR``, ``--keep`` (keep the generated Parquet
files in ``--work`` and reuse them next time; else they are generated afresh and removed at
the end), ``--profile FILE`` (one more round under cProfile, stats written to FILE and the
top of it printed), ``--json FILE``, ``--without-harfbuzz-subset`` (WeasyPrint subsets the
fonts with fontTools, as on a machine without the system's libharfbuzz-subset: seconds more
a PDF).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_records import MUNICIPALITY, YEAR, generate  # noqa: E402

WARM_ROWS = 20_000
WARM_MUNICIPALITY = 2
WARM_OFFSET = 1000  # the warm-up municipality's ids: the big one's + this

# Service n of synthetic_records: its kind is n % 7 (0: used mostly by women; 1, 6: working
# age, more women / more men; 2: children; 3: youth, more men; 4: older; 5: everyone).
SERVICE_NAMES = [
    "Meslek Edindirme Kursu", "Kreş Hizmeti", "Gençlik Merkezi", "Evde Bakım Hizmeti",
    "Sosyal Yardım (Gıda)", "İstihdam Ofisi", "Kadın Danışma Merkezi", "El Sanatları Kursu",
    "Çocuk Oyun Evi", "Spor Kursları", "Yaşlı Dayanışma Merkezi", "Sosyal Yardım (Nakdi)",
    "Girişimcilik Eğitimi", "Şiddet Önleme Destek Hattı", "Okuma Yazma Kursu", "Etüt Merkezi",
    "Yüzme Havuzu", "Sağlıklı Yaşam Merkezi", "Aşevi", "Ulaşım Desteği", "Kadın Sığınma Evi",
    "Psikolojik Danışmanlık", "Yaz Okulu", "Bilim ve Sanat Atölyesi", "Engelli Destek Hizmeti",
    "Hukuki Danışmanlık", "Bilgisayar Kursu", "Anne-Bebek Destek Programı", "Dil Kursu",
    "Çocuk Kütüphanesi", "Amatör Spor Kulüplerine Destek", "Hasta Nakil Hizmeti",
    "Kütüphane Üyeliği", "Tarım Eğitimi", "Kadın Kooperatiflerine Destek",
    "Aile Danışma Merkezi", "Oyun Parkı Etkinlikleri", "Gençlik Kampları",
    "Yaşlı Ziyaret Programı", "Göçmen Danışma Masası",
]  # fmt: skip
SENSITIVE = {14, 21}  # violence support and the shelter: the stricter disclosure threshold
DIRECTORATE_NAMES = [
    "Sosyal Hizmetler Müdürlüğü", "Kadın ve Aile Hizmetleri Müdürlüğü",
    "Gençlik ve Spor Hizmetleri Müdürlüğü", "Kültür ve Sosyal İşler Müdürlüğü",
    "Sağlık İşleri Müdürlüğü", "Engelli Hizmetleri Müdürlüğü", "Eğitim Hizmetleri Müdürlüğü",
    "Yaşlı Hizmetleri Müdürlüğü", "İstihdam ve Ekonomik Kalkınma Müdürlüğü",
    "Ulaşım Hizmetleri Müdürlüğü", "Göç ve Uyum Müdürlüğü", "Kırsal Hizmetler Müdürlüğü",
]  # fmt: skip
NEIGHBOURHOOD_NAMES = [
    "Atatürk", "Cumhuriyet", "İnönü", "Fatih", "Yenişehir", "Karşıyaka", "Çamlık", "Gültepe",
    "Işıklar", "Zafer", "Bahçelievler", "Şirinyer", "Ömerağa", "Üçyol", "Güzelyalı",
    "Hürriyet", "Kazımdirik", "Mevlana", "Yıldırım", "Barış", "Alsancak", "Bostanlı",
    "Çiğli", "Doğanlar", "Emek", "Fevzipaşa", "Gazi", "Halkapınar", "Istiklal", "Kahramanlar",
    "Levent", "Merkez", "Namık Kemal", "Osmangazi", "Pınarbaşı", "Reşadiye", "Sakarya",
    "Tepecik", "Uğur Mumcu", "Vatan", "Yeşilyurt", "Zeytinlik", "Akdeniz", "Bayraklı",
    "Cennetçeşme", "Denizbostanlısı", "Esentepe", "Fahrettin Altay", "Göztepe", "Hatay",
    "Ilıca", "Kuruçeşme", "Limontepe", "Mithatpaşa", "Narlıdere", "Onur", "Poligon",
    "Sahilevleri", "Toros", "Yunus Emre",
]  # fmt: skip
ROLES = ["Yönetici", "Uzman", "Memur", "Teknik personel", "Destek personel"]
BODIES = ["council", "executive_committee", "commission", "mayor", "directors", "muhtars"]


# A throw-away esitlik ------------------------------------------------------------------------


def setup_django(work: Path) -> None:
    """Django on a fresh SQLite database and data directory under ``work``."""
    data = work / "esitlik-data"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esitlik.settings")
    os.environ["ESITLIK_DATA_DIR"] = str(data)
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ["ESITLIK_TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["DATABASE_URL"] = f"sqlite:///{data / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def create_municipality(pk: int, offset: int, name: str, slug: str):
    """The municipality ``synthetic_records`` describes, with the ids its files use (plus
    ``offset`` for the warm-up one)."""
    from esitlik.core.models import Directorate, Municipality, Neighbourhood
    from esitlik.core.neighbourhoods import neighbourhood_key
    from esitlik.datasets.catalogue import service_key
    from esitlik.datasets.models import Service

    municipality = Municipality.objects.create(
        pk=pk, name=name, slug=slug, province="İzmir", kind="metropolitan", population=1_500_000
    )
    Directorate.objects.bulk_create(
        Directorate(
            pk=100 + number + offset,
            municipality=municipality,
            name={"tr": DIRECTORATE_NAMES[number]},
            level="directorate",
        )
        for number in range(12)
    )
    Service.objects.bulk_create(
        Service(
            pk=number + offset,
            municipality=municipality,
            directorate_id=100 + number % 12 + offset,
            name={"tr": SERVICE_NAMES[number - 1]},
            key=service_key({"tr": SERVICE_NAMES[number - 1]}),
            sensitive=number in SENSITIVE,
        )
        for number in range(1, 41)
    )
    Neighbourhood.objects.bulk_create(
        Neighbourhood(
            pk=1000 + number + offset,
            municipality=municipality,
            name=NEIGHBOURHOOD_NAMES[number - 1],
            key=neighbourhood_key(NEIGHBOURHOOD_NAMES[number - 1]),
        )
        for number in range(1, 61)
    )
    return municipality


def land(municipality, kind: str, year: int, path: Path, *, link: bool = False):
    """``path`` (in the kind's stored schema) as a landed import run of ``municipality``:
    placed where imports put their files (a symbolic link when ``link``), with the summary
    an import would have written."""
    import duckdb

    from esitlik.datasets import storage
    from esitlik.datasets.models import ImportRun

    run = ImportRun.objects.create(
        municipality=municipality,
        kind=kind,
        year=year,
        file_name=path.name,
        status=ImportRun.Status.RUNNING,
    )
    target = storage.root() / storage.run_relative_path(run)
    target.parent.mkdir(parents=True, exist_ok=True)
    if link:
        target.symlink_to(path)
    else:
        shutil.move(path, target)
    con = duckdb.connect()
    columns = pq.read_schema(target).names
    rows = con.sql(f"SELECT count(*) FROM read_parquet('{target}')").fetchall()[0][0]  # noqa: S608
    read = rows
    if kind == "service_records":  # stored counted: the file had one row per use
        read = con.sql(f"SELECT sum(count) FROM read_parquet('{target}')").fetchall()[0][0]  # noqa: S608
    summary = {"rows": read}
    if "sex" in columns:
        weight = "sum(count)" if "count" in columns else "count(*)"
        summary["by_sex"] = dict(
            con.sql(
                f"SELECT coalesce(sex, 'not_stated'), {weight}::BIGINT "  # noqa: S608
                f"FROM read_parquet('{target}') GROUP BY ALL"
            ).fetchall()
        )
    digest = hashlib.sha256()
    with open(target, "rb") as source:
        while chunk := source.read(1 << 24):
            digest.update(chunk)
    run.status = ImportRun.Status.LANDED
    run.stored_path = storage.run_relative_path(run)
    run.rows_read, run.rows_stored = read, rows
    run.file_size = target.stat().st_size
    run.file_sha256 = digest.hexdigest()
    run.summary = summary
    run.progress = 100
    run.save()
    return run


def _write(table: pa.Table, schema: pa.Schema, path: Path) -> Path:
    pq.write_table(table.cast(schema), path)
    return path


def people_files(municipality_id: int, offset: int, folder: Path) -> list[tuple[str, int, Path]]:
    """Five years of workforce and decision-maker snapshots and the year's budget lines,
    small and seeded: (kind, year, file) each."""
    from esitlik.datasets.kinds import STORED_SCHEMAS, Kind

    rng = random.Random(municipality_id)
    found = []
    for year in range(YEAR - 4, YEAR + 1):
        rows = []
        for directorate in range(12):
            for role_number, role in enumerate(ROLES):
                women_share = 0.25 + 0.1 * role_number + rng.uniform(-0.05, 0.05)
                for sex, share in (("woman", women_share), ("man", 1 - women_share)):
                    for band in ("25-29", "35-39", "45-49", "55-59"):
                        count = max(0, round(rng.gauss(12, 6) * share * 2))
                        rows.append({
                            "municipality_id": municipality_id, "run_id": 0, "year": year,
                            "date": date(year, 12, 31),
                            "directorate_id": 100 + directorate + offset,
                            "role_category": role, "grade": "", "sex": sex, "age_band": band,
                            "contract_type": "kadrolu", "pay_band": "", "count": count,
                            "hires": rng.randint(0, 2), "promotions": rng.randint(0, 1),
                            "exits": rng.randint(0, 2),
                        })  # fmt: skip
        path = folder / f"workforce-{municipality_id}-{year}.parquet"
        schema = STORED_SCHEMAS[Kind.WORKFORCE]
        found.append(("workforce", year, _write(pa.Table.from_pylist(rows), schema, path)))
        rows = []
        for number, body in enumerate(BODIES):
            seats = [45, 11, 30, 5, 24, 60][number]
            women = round(seats * rng.uniform(0.1, 0.35))
            for sex, count in (("woman", women), ("man", seats - women)):
                rows.append({
                    "municipality_id": municipality_id, "run_id": 0, "year": year,
                    "date": date(year, 12, 31), "body": body, "body_name": "", "sex": sex,
                    "count": count,
                })  # fmt: skip
        path = folder / f"decisions-{municipality_id}-{year}.parquet"
        schema = STORED_SCHEMAS[Kind.DECISION_MAKERS]
        found.append(("decision_makers", year, _write(pa.Table.from_pylist(rows), schema, path)))
    rows = []
    for directorate in range(12):
        for line in range(8):
            planned = Decimal(rng.randint(50_000, 5_000_000))
            rows.append({
                "municipality_id": municipality_id, "run_id": 0, "year": YEAR,
                "budget_code": f"{directorate + 1:02d}.{line + 1:02d}",
                "directorate_id": 100 + directorate + offset,
                "equality_tag": rng.choice(["targeted", "mainstreamed", "neutral", "neutral"]),
                "description": f"Bütçe kalemi {line + 1}", "planned": planned,
                "actual": (planned * Decimal(rng.uniform(0.6, 1.1))).quantize(Decimal("0.01")),
            })  # fmt: skip
    path = folder / f"budget-{municipality_id}.parquet"
    schema = STORED_SCHEMAS[Kind.BUDGET]
    found.append(("budget", YEAR, _write(pa.Table.from_pylist(rows), schema, path)))
    return found


def counted(records: Path, folder: Path) -> Path:
    """The records file as an import stores it: counted at the grain of the figures
    (``datasets/ingest/counting.py``), never one row per use."""
    from esitlik.datasets.ingest.counting import as_counts
    from esitlik.datasets.kinds import STORED_SCHEMAS, Kind

    path = folder / f"{records.stem}-counted.parquet"
    table = as_counts(pq.read_table(records), STORED_SCHEMAS[Kind.SERVICE_RECORDS])
    pq.write_table(table, path)
    return path


def warm_up_files(paths: dict[str, Path], folder: Path) -> dict[str, Path]:
    """The first WARM_ROWS records and the population, as the warm-up municipality's."""
    import duckdb

    con = duckdb.connect()
    out = {"records": folder / "warm-records.parquet", "population": folder / "warm-pop.parquet"}
    ids = ["service_id", "directorate_id", "neighbourhood_id"]
    replace = ", ".join(f"{c} + {WARM_OFFSET} AS {c}" for c in ids)
    con.execute(
        f"COPY (SELECT * REPLACE ({WARM_MUNICIPALITY}::BIGINT AS municipality_id, {replace}) "  # noqa: S608
        f"FROM read_parquet('{paths['records']}') LIMIT {WARM_ROWS}) TO '{out['records']}'"
    )
    con.execute(
        f"COPY (SELECT * REPLACE ({WARM_MUNICIPALITY}::BIGINT AS municipality_id, "  # noqa: S608
        f"neighbourhood_id + {WARM_OFFSET} AS neighbourhood_id) "
        f"FROM read_parquet('{paths['population']}')) TO '{out['population']}'"
    )
    return out


def world(paths: dict[str, Path], work: Path):
    """The benchmark's municipality with its data landed, and the warm-up one."""
    folder = work / "small-files"
    folder.mkdir(parents=True, exist_ok=True)
    municipality = create_municipality(MUNICIPALITY, 0, "Bench Büyükşehir Belediyesi", "bench")
    land(municipality, "service_records", YEAR, counted(paths["records"], folder))
    land(municipality, "population", YEAR, paths["population"], link=True)
    for kind, year, path in people_files(MUNICIPALITY, 0, folder):
        land(municipality, kind, year, path)
    warm = create_municipality(WARM_MUNICIPALITY, WARM_OFFSET, "Isınma Belediyesi", "warm")
    small = warm_up_files(paths, folder)
    land(warm, "service_records", YEAR, counted(small["records"], folder))
    land(warm, "population", YEAR, small["population"])
    for kind, year, path in people_files(WARM_MUNICIPALITY, WARM_OFFSET, folder):
        land(warm, kind, year, path)
    return municipality, warm


# Timing ----------------------------------------------------------------------------------------


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def report_round(municipality) -> tuple[dict, dict]:
    """One report, step by step: {step: (wall, CPU)}, and what was made."""
    from esitlik.reports.document import Audience
    from esitlik.reports.equality import build
    from esitlik.reports.gather import gather
    from esitlik.reports.render import render, render_html

    steps, made = {}, {}
    start = _clock()
    sources = gather(municipality, YEAR)
    steps["gather"] = _since(start)
    for audience in (Audience.INTERNAL, Audience.PUBLIC):
        start = _clock()
        made[audience] = build(sources, language="tr", audience=audience)
        steps[f"build {audience}"] = _since(start)
    for audience in (Audience.INTERNAL, Audience.PUBLIC):
        start = _clock()
        made[f"pdf {audience}"] = render(made[audience], "pdf")
        steps[f"render PDF {audience}"] = _since(start)
    # Not counted in the totals: how much of a PDF is the HTML (template, charts as SVG).
    start = _clock()
    render_html(made[Audience.INTERNAL], for_pdf=True)
    steps["(of which HTML, internal)"] = _since(start)
    made["sources"] = sources
    return steps, made


def baseline_round(paths) -> tuple[tuple[float, float], dict]:
    from bench_metrics import run_sql

    start = _clock()
    frames = run_sql({k: str(v) for k, v in paths.items()}, {})
    return _since(start), frames


def check_pdf(data: bytes, title: str, folder: Path) -> dict:
    """Pages and whether the title is on the first page, read back with poppler-utils."""
    path = folder / "report.pdf"
    path.write_bytes(data)
    found = {"bytes": len(data), "pages": None, "title_found": None}
    if shutil.which("pdfinfo") and shutil.which("pdftotext"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        pages = [line for line in info.stdout.splitlines() if line.startswith("Pages:")]
        found["pages"] = int(pages[0].split()[1])
        text = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found["title_found"] = " ".join(title.split()) in " ".join(text.split())
    else:
        print("pdfinfo/pdftotext not found (apt-get install poppler-utils): PDF not read back")
    path.unlink()
    return found


def font_subsetter() -> str:
    """Which library WeasyPrint subsets the embedded fonts with: HarfBuzz (the system's
    libharfbuzz-subset, fast) when it finds it, else fontTools (in Python, seconds a PDF)."""
    from weasyprint.pdf import fonts

    return "HarfBuzz" if fonts.harfbuzz_subset is not None else "fontTools"


def without_harfbuzz_subset() -> None:
    """Make WeasyPrint subset fonts with fontTools, as on a machine without the system's
    libharfbuzz-subset (Debian: libharfbuzz-subset0)."""
    from weasyprint.pdf import fonts

    fonts.harfbuzz_subset = None


def machine() -> dict:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in lines
                    if line.startswith("model name")), "")  # fmt: skip
    import duckdb
    import ibis
    import weasyprint

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "ibis": ibis.__version__,
        "weasyprint": weasyprint.__version__,
        "font_subsetter": font_subsetter(),
    }


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="rounds; each step's median")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "esitlik-bench-report"
    )
    parser.add_argument("--keep", action="store_true", help="keep and reuse generated files")
    parser.add_argument("--profile", type=Path, help="one more round under cProfile")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--without-harfbuzz-subset",
        action="store_true",
        help="WeasyPrint subsets fonts with fontTools, as without libharfbuzz-subset0",
    )
    args = parser.parse_args()
    work: Path = args.work
    data = work / "data"
    if not args.keep:
        for old in data.glob(f"records-{args.rows}.parquet"):
            old.unlink()
    started = time.perf_counter()
    paths = generate(args.rows, data)
    print(
        f"data: {paths['records']} ({paths['records'].stat().st_size / 1e6:.0f} MB), "
        f"ready in {time.perf_counter() - started:.1f} s",
        flush=True,
    )

    load_before = os.getloadavg()
    setup_django(work)
    municipality, warm = world(paths, work)
    if args.without_harfbuzz_subset:
        without_harfbuzz_subset()
    from bench_metrics import compare

    start = _clock()
    warm_steps, warm_made = report_round(warm)
    first = _since(start)
    print(
        f"first report of the process ({WARM_ROWS:,} records, warm-up): {first[0]:.2f} s ("
        + ", ".join(f"{step} {wall:.2f}" for step, (wall, _cpu) in warm_steps.items())
        + ")",
        flush=True,
    )
    baseline_round(warm_up_files(paths, work / "small-files"))

    rounds, baselines, made = [], [], {}
    for number in range(args.repeat):
        baseline, frames = baseline_round(paths)
        baselines.append(baseline)
        steps, made = report_round(municipality)
        rounds.append(steps)
        print(
            f"round {number + 1}: baseline SQL {baseline[0]:.2f} s; "
            + ", ".join(f"{step} {wall:.2f} s" for step, (wall, _cpu) in steps.items()),
            flush=True,
        )
    load_after = os.getloadavg()

    problems = compare(made["sources"].eis.frames(), frames, "gather~sql")
    from esitlik.reports.document import Audience

    pdfs = {
        audience: check_pdf(made[f"pdf {audience}"], made[audience].title, work)
        for audience in (Audience.INTERNAL, Audience.PUBLIC)
    }

    def median(values):
        return (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))

    table = {step: median([r[step] for r in rounds]) for step in rounds[0]}
    table["baseline: hand-written DuckDB SQL (bench_metrics)"] = median(baselines)

    def total(*names):
        return tuple(sum(table[n][i] for n in names) for i in (0, 1))

    one = total("gather", "build internal", "render PDF internal")
    both = total(
        "gather", "build internal", "build public", "render PDF internal", "render PDF public"
    )
    eis = made["sources"].eis
    print(
        f"\n{args.rows:,} records ({paths['records'].stat().st_size / 1e6:.0f} MB Parquet); "
        f"{len(eis.findings):,} findings; median of {args.repeat} round(s); "
        f"peak memory of the process {peak_mb():,.0f} MB; load average before "
        f"{' / '.join(f'{x:.2f}' for x in load_before)}, after "
        f"{' / '.join(f'{x:.2f}' for x in load_after)} ({os.cpu_count()} cores)"
    )
    print("\n| step | seconds | CPU seconds |\n|---|---:|---:|")
    for step, (wall, cpu) in table.items():
        print(f"| {step} | {wall:.2f} | {cpu:.2f} |")
    print(f"| **total, one report** (gather + build + PDF, internal) | **{one[0]:.2f}** | "
          f"{one[1]:.2f} |")  # fmt: skip
    print(f"| **total, both reports** (gather + 2 builds + 2 PDFs) | **{both[0]:.2f}** | "
          f"{both[1]:.2f} |")  # fmt: skip
    baseline = table["baseline: hand-written DuckDB SQL (bench_metrics)"][0]
    print(
        f"\ngather ÷ baseline SQL: {table['gather'][0] / baseline:.2f}; "
        f"both reports ÷ baseline SQL: {both[0] / baseline:.2f}"
    )
    for audience, found in pdfs.items():
        print(
            f"PDF {audience}: {found['pages']} pages, {found['bytes'] / 1e3:,.0f} kB, "
            f"title on page 1: {found['title_found']}"
        )
    print(f"figures of gather and the baseline SQL equal: {not problems}")
    print(f"WeasyPrint subsets fonts with {font_subsetter()}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        report_round(municipality)
        profiler.disable()
        profiler.dump_stats(args.profile)
        print(f"\ncProfile of one more round → {args.profile}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

    if args.json:
        summary = {
            "rows": args.rows,
            "repeat": args.repeat,
            "machine": machine() | {"load_before": load_before, "load_after": load_after},
            "peak_mb": peak_mb(),
            "first_report_warm_up": first,
            "warm_up_steps": warm_steps,
            "steps": table,
            "rounds": rounds,
            "baselines": baselines,
            "total_one": one,
            "total_both": both,
            "pdfs": {str(a): f for a, f in pdfs.items()},
            "results_equal": not problems,
            "findings": len(eis.findings),
        }
        args.json.write_text(json.dumps(summary, indent=2, default=str))
    del warm_made
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    bad = [a for a, f in pdfs.items() if f["pages"] == 0 or f["title_found"] is False]
    if problems or bad:
        raise SystemExit(
            "results differ:\n" + "\n".join(problems) if problems else f"bad PDF: {bad}"
        )


if __name__ == "__main__":
    main()
