"""Import speed, measured side by side in one run: our CSV import (read, validate, normalise,
write Parquet) against DuckDB's own CSV → Parquet copy of the same file, and our XLSX import.

    uv run python bench/bench_import.py --csv-rows 2000000 --xlsx-rows 200000

It sets up a throw-away esitlik (SQLite, data directory under /tmp) with the municipality,
services and neighbourhoods the generated files name, generates the files (see
``import_files.py``; ``--keep`` keeps them in ``--work`` for another run), warms every
library up with a small import, then times:

1. ``esitlik`` CSV import of the messy Windows-1254 file (``import_file``, as the command line
   runs it): the whole job, from upload to landed run;
2. DuckDB ``COPY (SELECT * FROM read_csv(...)) TO 'x.parquet'`` of a UTF-8 copy of the same
   file (DuckDB reads no Windows-1254 without an extension downloaded from the network), and
   that plus the Python transcoding to make the copy — the fair comparison for a cp1254 file;
3. ``esitlik`` CSV import of the UTF-8 copy;
4. ``esitlik`` XLSX import.

Each timing is the best of ``--repeat`` runs (default 1). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _setup_django(work: Path) -> None:
    data = work / "esitlik-data"
    data.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esitlik.settings")
    os.environ["ESITLIK_DATA_DIR"] = str(data)
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ["ESITLIK_TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["DATABASE_URL"] = f"sqlite:///{data / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _world():
    from django.contrib.auth import get_user_model
    from import_files import NEIGHBOURHOODS, SERVICES

    from esitlik.core.models import Directorate, Municipality, Neighbourhood
    from esitlik.core.neighbourhoods import neighbourhood_key
    from esitlik.datasets.catalogue import service_create
    from esitlik.datasets.models import ImportRun, Service

    municipality, _ = Municipality.objects.get_or_create(
        slug="bench", defaults={"name": "Bench Belediyesi", "province": "İzmir"}
    )
    ImportRun.objects.filter(municipality=municipality).delete()
    directorate, _ = Directorate.objects.get_or_create(
        municipality=municipality,
        code="SH",
        defaults={"name": {"tr": "Sosyal Hizmetler Müdürlüğü"}, "level": "directorate"},
    )
    user, _ = get_user_model().objects.get_or_create(username="bench")
    for name in SERVICES:
        if not Service.objects.filter(municipality=municipality, name__tr=name).exists():
            service_create(municipality=municipality, directorate=directorate, name=name, by=user)
    for name in NEIGHBOURHOODS:
        Neighbourhood.objects.get_or_create(
            municipality=municipality, name=name, defaults={"key": neighbourhood_key(name)}
        )
    return municipality, user


def _clock():
    """Wall-clock and CPU time (of all the process's threads) since the last call."""
    return time.perf_counter(), time.process_time()


def _since(start) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def _ours(municipality, user, path: Path, name: str) -> tuple[tuple[float, float], object]:
    from esitlik.datasets.imports import import_file

    start = _clock()
    run = import_file(
        municipality=municipality,
        kind="service-records",
        year=2025,
        source=path,
        file_name=name,
        by=user,
    )
    elapsed = _since(start)
    if run.status != "landed":
        raise SystemExit(f"import of {name} was refused: {run.problems[:3]}")
    from esitlik.datasets.imports import import_withdraw

    # Withdrawn at once: the same file may then be imported again.
    import_withdraw(run=run, by=user)
    from esitlik.datasets import storage

    storage.run_path(run).unlink(missing_ok=True)
    return elapsed, run


def _duckdb(source: Path, target: Path) -> tuple[float, float]:
    import duckdb

    con = duckdb.connect()
    start = _clock()
    # Paths of our own making; COPY takes no parameters for them.
    sql = f"COPY (SELECT * FROM read_csv('{source}', delim=';', header=true, skip=2)) TO '{target}'"  # noqa: S608
    con.execute(sql + " (FORMAT parquet)")
    elapsed = _since(start)
    con.close()
    return elapsed


def _transcode(source: Path, target: Path) -> tuple[float, float]:
    start = _clock()
    with (
        open(source, encoding="cp1254", newline="") as src,
        open(target, "w", encoding="utf-8", newline="") as out,
    ):
        while chunk := src.read(1 << 24):
            out.write(chunk)
    return _since(start)


def _calamine(source: Path) -> tuple[float, float]:
    """The floor of any XLSX import built on python-calamine: reading the sheet into Python
    values and nothing else (no checks, no Parquet)."""
    from python_calamine import CalamineWorkbook

    start = _clock()
    book = CalamineWorkbook.from_path(str(source))
    rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    elapsed = _since(start)
    del rows
    return elapsed


def _best(repeat: int, measure) -> tuple[float, float]:
    """The fastest of ``repeat`` runs (wall-clock seconds, CPU seconds)."""
    return min((measure() for _ in range(repeat)), key=lambda timing: timing[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv-rows", type=int, default=2_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "esitlik-bench-import"
    )
    parser.add_argument("--keep", action="store_true", help="keep and reuse generated files")
    parser.add_argument(
        "--profile", type=Path, help="one more CSV import under cProfile, its stats written here"
    )
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)

    import import_files

    csv_path = work / f"records-{args.csv_rows}.csv"
    utf8_path = work / f"records-{args.csv_rows}.utf8.csv"
    xlsx_path = work / f"records-{args.xlsx_rows}.xlsx"
    small_path = work / "records-warmup.csv"
    if not (args.keep and csv_path.exists()):
        import_files.write_csv(args.csv_rows, csv_path)
    if args.xlsx_rows and not (args.keep and xlsx_path.exists()):
        import_files.write_xlsx(args.xlsx_rows, xlsx_path)
    import_files.write_csv(20_000, small_path, seed=2)

    load_before = os.getloadavg()
    _setup_django(work)
    municipality, user = _world()
    # Warm-up: the first use of pyarrow's compute functions and pandas costs seconds once per
    # process; a worker pays it once, not per import.
    _ours(municipality, user, small_path, "warmup.csv")
    _transcode(small_path, work / "warmup.utf8.csv")
    _duckdb(work / "warmup.utf8.csv", work / "warmup.parquet")

    transcode = _transcode(csv_path, utf8_path)
    results = []
    ours = _best(args.repeat, lambda: _ours(municipality, user, csv_path, "records.csv")[0])
    results.append(("esitlik CSV import (Windows-1254, as generated)", args.csv_rows, ours))
    duck = _best(args.repeat, lambda: _duckdb(utf8_path, work / "duckdb.parquet"))
    results.append(("DuckDB COPY read_csv → Parquet (UTF-8 copy)", args.csv_rows, duck))
    results.append(
        (
            "DuckDB COPY incl. transcoding cp1254 → UTF-8 in Python",
            args.csv_rows,
            (duck[0] + transcode[0], duck[1] + transcode[1]),
        )
    )
    ours_utf8 = _best(args.repeat, lambda: _ours(municipality, user, utf8_path, "records.csv")[0])
    results.append(("esitlik CSV import (UTF-8 copy)", args.csv_rows, ours_utf8))
    if args.xlsx_rows:
        xlsx = _best(args.repeat, lambda: _ours(municipality, user, xlsx_path, "records.xlsx")[0])
        results.append(("esitlik XLSX import", args.xlsx_rows, xlsx))
        floor = _best(args.repeat, lambda: _calamine(xlsx_path))
        results.append(("python-calamine reading the sheet alone", args.xlsx_rows, floor))

    print(
        f"\nCSV file: {csv_path.stat().st_size / 1e6:.0f} MB; peak memory of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; load average "
        f"before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)"
    )
    print("\n| what | rows | seconds | CPU seconds | rows/s |\n|---|---:|---:|---:|---:|")
    for what, rows, (wall, cpu) in results:
        print(f"| {what} | {rows:,} | {wall:.2f} | {cpu:.2f} | {rows / wall:,.0f} |")
    print(
        f"\nesitlik / DuckDB, wall-clock (cp1254 file vs UTF-8 copy): {ours[0] / duck[0]:.2f}×; "
        f"vs DuckDB incl. transcoding: {ours[0] / (duck[0] + transcode[0]):.2f}×"
    )
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(_ours, municipality, user, csv_path, "records.csv")
        profiler.dump_stats(args.profile)
        print(f"\nprofile of one more CSV import (cumulative), written to {args.profile}:")
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
