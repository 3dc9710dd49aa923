"""The full set of Equality in Service figures three ways, side by side, from the same Parquet:

- ``ibis``: esitlik's own code (``esitlik.analytics.equality.equality_in_service``) on DuckDB;
- ``sql``: hand-written DuckDB SQL computing the same figures (the baseline);
- ``pandas``: pandas doing the same (recorded, not a target).

Each run is a fresh process, so its peak memory (resident set size, ``VmHWM``) is its own;
Ibis and SQL alternate, round after round, so a change in the machine's load hits both.
The times are of the computation only (reading the files included; starting Python and
importing libraries not). Results are compared: every count must match exactly and every
fraction to 1e-9, or the benchmark fails.

    uv run python bench/bench_metrics.py --rows 10000000
    uv run python bench/bench_metrics.py --rows 100000000 --approaches ibis,sql --rounds 1

Figures and machine notes: docs/performance.md, "Metrics".
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_records import DEFAULT_OUT, YEAR, generate  # noqa: E402

from esitlik.analytics.equality import BREAKDOWNS  # noqa: E402
from esitlik.analytics.findings import find_gaps, findings_frame, rank  # noqa: E402
from esitlik.analytics.metrics import AGE_GROUPS  # noqa: E402

APPROACHES = ("ibis", "sql", "pandas")


# Ibis: the code under test -----------------------------------------------------------------


def run_ibis(paths, config) -> dict[str, pd.DataFrame]:
    from esitlik.analytics.backend import connect, read_parquet
    from esitlik.analytics.equality import equality_in_service
    from esitlik.datasets.kinds import RECORD_SCHEMA, STORED_SCHEMAS, Kind

    con = connect("duckdb", **config)
    # One row per use, as the analytics accept them (the store keeps them counted).
    records = read_parquet(con, [paths["records"]], RECORD_SCHEMA)
    population = read_parquet(con, [paths["population"]], STORED_SCHEMAS[Kind.POPULATION])
    return equality_in_service(records, population, year=YEAR).frames()


# Hand-written SQL: the baseline -------------------------------------------------------------

AGE_GROUP_SQL = (
    "CASE "
    + " ".join(
        f"WHEN age_band IN ({', '.join(repr(b) for b in bands)}) THEN '{group}'"
        for group, bands in AGE_GROUPS.items()
    )
    + " END"
)

BY_SEX_SQL = """
    count(*) FILTER (WHERE sex = 'woman') AS women,
    count(*) FILTER (WHERE sex = 'man') AS men,
    count(*) FILTER (WHERE sex = 'other') AS other,
    count(*) FILTER (WHERE sex IS NULL OR sex = 'not_stated') AS not_stated,
    count(*) AS total"""

BALANCE_SQL = """
    women::DOUBLE / nullif((women + men)::DOUBLE, 0) AS share_women,
    women::DOUBLE / nullif(men::DOUBLE, 0) AS parity_index,
    (men - women)::DOUBLE / nullif((women + men)::DOUBLE, 0) * 100 AS gap_pp,
    (men - women)::DOUBLE / nullif(men::DOUBLE, 0) AS gap_relative,
    women::DOUBLE / nullif((women + men)::DOUBLE, 0) BETWEEN 0.4 AND 0.6 AS balanced"""

SOURCES_SQL = """
  ben AS (
    SELECT municipality_id, service_id, sex, age_band, disability, neighbourhood_id, migration,
           {age_group} AS age_group
    FROM read_parquet('{records}')
    WHERE year = {year} AND (outcome IS NULL OR outcome = 'received')
  ),
  pop AS (
    SELECT municipality_id, neighbourhood_id, age_band, {age_group} AS age_group, sex, count
    FROM read_parquet('{population}')
    WHERE year = {population_year}
  )"""

# A breakdown against residents: counts by sex per service × dims (× age band, to standardise
# for age when the dims have no age), each joined to the women's share of its residents,
# rolled up; then eligible residents for coverage.
RESIDENTS_SQL = """
WITH {sources},
  detail AS (
    SELECT municipality_id, service_id{dims}{std},{by_sex}
    FROM ben GROUP BY ALL
  ),
  ref AS (
    SELECT municipality_id{pop_keys}{std},
      coalesce(sum(count) FILTER (WHERE sex = 'woman'), 0)::DOUBLE
        / nullif(coalesce(sum(count) FILTER (WHERE sex IN ('woman', 'man')), 0)::DOUBLE, 0)
        AS share
    FROM pop GROUP BY ALL
  ),
  rolled AS (
    SELECT d.municipality_id, d.service_id{d_dims},
      sum(women)::BIGINT AS women, sum(men)::BIGINT AS men, sum(other)::BIGINT AS other,
      sum(not_stated)::BIGINT AS not_stated, sum(total)::BIGINT AS total,
      sum(r.share * (women + men)) FILTER (WHERE r.share IS NOT NULL) AS expected,
      sum(women + men) FILTER (WHERE r.share IS NOT NULL)::DOUBLE AS base
    FROM detail d LEFT JOIN ref r ON {join_ref}
    GROUP BY ALL
  ),
  eligible AS (
    SELECT municipality_id{pop_keys},
      coalesce(sum(count) FILTER (WHERE sex = 'woman'), 0)::BIGINT AS eligible_women,
      coalesce(sum(count) FILTER (WHERE sex = 'man'), 0)::BIGINT AS eligible_men,
      coalesce(sum(count), 0)::BIGINT AS eligible_total
    FROM pop GROUP BY ALL
  ),
  measured AS (
    SELECT r.* EXCLUDE (expected, base),
      expected / nullif(base, 0) AS reference_share,
      e.eligible_women, e.eligible_men, e.eligible_total
    FROM rolled r LEFT JOIN eligible e ON {join_eligible}
  )
SELECT *,
  reference_share * (women + men) AS expected_women,
  (women::DOUBLE / nullif((women + men)::DOUBLE, 0)) / nullif(reference_share, 0)
    AS representation,{balance},
  (women * 1000)::DOUBLE / nullif(eligible_women::DOUBLE, 0) AS coverage_women,
  (men * 1000)::DOUBLE / nullif(eligible_men::DOUBLE, 0) AS coverage_men,
  (total * 1000)::DOUBLE / nullif(eligible_total::DOUBLE, 0) AS coverage_total,
  ((women * 1000)::DOUBLE / nullif(eligible_women::DOUBLE, 0))
    / nullif((men * 1000)::DOUBLE / nullif(eligible_men::DOUBLE, 0), 0) AS coverage_parity,
  (men * 1000)::DOUBLE / nullif(eligible_men::DOUBLE, 0)
    - (women * 1000)::DOUBLE / nullif(eligible_women::DOUBLE, 0) AS coverage_gap
FROM measured
"""

PLAIN_SQL = """
WITH {sources}
SELECT *, {balance} FROM (
  SELECT municipality_id, service_id, {dim},{by_sex} FROM ben GROUP BY ALL
)
"""

CHANGE_SQL = """
WITH yearly AS (
  SELECT municipality_id, service_id, year::BIGINT AS year,{by_sex}
  FROM read_parquet('{records}')
  WHERE year IN ({year} - 1, {year}) AND (outcome IS NULL OR outcome = 'received')
  GROUP BY ALL
),
shared AS (
  SELECT *, women::DOUBLE / nullif((women + men)::DOUBLE, 0) AS share_women FROM yearly
)
SELECT c.*,
  p.women AS women_previous, p.men AS men_previous, p.total AS total_previous,
  p.share_women AS share_women_previous,
  c.women - p.women AS women_change, c.men - p.men AS men_change,
  c.total - p.total AS total_change, c.share_women - p.share_women AS share_women_change
FROM shared c LEFT JOIN shared p
  ON p.municipality_id = c.municipality_id AND p.service_id = c.service_id
  AND p.year + 1 = c.year
WHERE c.year = {year}
"""

OUTCOMES_SQL = """
SELECT *, received + rejected AS decided,
  rejected::DOUBLE / nullif((received + rejected)::DOUBLE, 0) AS rejection_rate
FROM (
  SELECT municipality_id, service_id, coalesce(sex, 'not_stated') AS sex,
    count(*) FILTER (WHERE outcome = 'applied') AS applied,
    count(*) FILTER (WHERE outcome = 'received') AS received,
    count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
    count(*) FILTER (WHERE outcome IS NULL) AS not_recorded
  FROM read_parquet('{records}') WHERE year = {year}
  GROUP BY ALL
)
"""


def run_sql(paths, config) -> dict[str, pd.DataFrame]:
    import duckdb

    con = duckdb.connect(config=config)
    records, population = paths["records"], paths["population"]
    population_year = con.sql(
        f"SELECT max(year) FROM read_parquet('{population}') WHERE year <= {YEAR}"  # noqa: S608
    ).fetchall()[0][0]
    sources = SOURCES_SQL.format(
        age_group=AGE_GROUP_SQL,
        records=records,
        population=population,
        year=YEAR,
        population_year=population_year,
    )
    frames = {}
    for name, (dims, against_residents) in BREAKDOWNS.items():
        keys = ["municipality_id", "service_id", *dims]
        if against_residents:
            pop_keys = [d for d in dims if d in ("neighbourhood_id", "age_band", "age_group")]
            std = [] if set(dims) & {"age_band", "age_group"} else ["age_band"]
            join_ref = " AND ".join(f"r.{k} = d.{k}" for k in ["municipality_id", *pop_keys, *std])
            join_eligible = " AND ".join(f"e.{k} = r.{k}" for k in ["municipality_id", *pop_keys])
            query = RESIDENTS_SQL.format(
                sources=sources,
                dims="".join(f", {d}" for d in dims),
                d_dims="".join(f", d.{d}" for d in dims),
                std="".join(f", {d}" for d in std),
                pop_keys="".join(f", {d}" for d in pop_keys),
                by_sex=BY_SEX_SQL,
                balance=BALANCE_SQL,
                join_ref=join_ref,
                join_eligible=join_eligible,
            )
        else:
            query = PLAIN_SQL.format(
                sources=sources, dim=dims[0], by_sex=BY_SEX_SQL, balance=BALANCE_SQL
            )
        frames[name] = con.sql(f"{query} ORDER BY {', '.join(keys)}").df()
    frames["change"] = con.sql(
        CHANGE_SQL.format(records=records, year=YEAR, by_sex=BY_SEX_SQL)
        + " ORDER BY municipality_id, service_id"
    ).df()
    frames["outcomes"] = con.sql(
        OUTCOMES_SQL.format(records=records, year=YEAR)
        + " ORDER BY municipality_id, service_id, sex"
    ).df()
    frames["findings"] = _findings(frames)
    return frames


def _findings(frames) -> pd.DataFrame:
    """The same ranking code as esitlik's, over this approach's tables (small, and Python
    either way)."""
    whole = {
        (int(r.municipality_id), int(r.service_id)): (int(r.women), int(r.men))
        for r in frames["by_service"].itertuples()
    }
    found = []
    for name in ("by_service", "by_age_group", "by_neighbourhood", "by_disability", "by_migration"):
        dims = BREAKDOWNS[name][0]
        for f in find_gaps(frames[name], dims):
            if dims and whole.get((f.municipality_id, f.service_id)) == (f.women, f.men):
                continue
            found.append(f)
    return findings_frame(rank(found))


# pandas: the same figures, for the record --------------------------------------------------

SEX_COLUMN = {"woman": "women", "man": "men", "other": "other", "not_stated": "not_stated"}
AGE_GROUP_OF = {band: group for group, bands in AGE_GROUPS.items() for band in bands}


def _by_sex(frame, keys, weight=None) -> pd.DataFrame:
    if weight is None:
        counted = frame.groupby([*keys, "sex"], observed=True, dropna=False).size()
    else:
        counted = frame.groupby([*keys, "sex"], observed=True, dropna=False)[weight].sum()
    wide = counted.unstack("sex", fill_value=0).rename(columns=SEX_COLUMN)
    wide.columns = list(wide.columns)
    for column in SEX_COLUMN.values():
        if column not in wide:
            wide[column] = 0
    wide = wide[list(SEX_COLUMN.values())].astype("int64")
    wide["total"] = wide.sum(axis=1)
    return wide.reset_index()


def _div(a, b):
    a = pd.Series(a, dtype="float64")
    b = pd.Series(b, dtype="float64")
    return a / b.where(b != 0)


def _balance(t: pd.DataFrame) -> pd.DataFrame:
    pairs = t.women + t.men
    t["share_women"] = _div(t.women, pairs).to_numpy()
    t["parity_index"] = _div(t.women, t.men).to_numpy()
    t["gap_pp"] = (_div(t.men - t.women, pairs) * 100).to_numpy()
    t["gap_relative"] = _div(t.men - t.women, t.men).to_numpy()
    t["balanced"] = t.share_women.between(0.4, 0.6).where(t.share_women.notna())
    return t


def run_pandas(paths, config) -> dict[str, pd.DataFrame]:
    import pyarrow.parquet as pq

    columns = ["municipality_id", "year", "service_id", "sex", "age_band", "disability",
               "neighbourhood_id", "migration", "outcome"]  # fmt: skip
    records = pq.read_table(
        paths["records"], columns=columns, filters=[("year", "in", [YEAR - 1, YEAR])]
    ).to_pandas(strings_to_categorical=True)
    records["sex"] = records.sex.cat.add_categories(["not_stated"] if "not_stated" not in
                                                    records.sex.cat.categories else [])  # fmt: skip
    records["sex"] = records.sex.fillna("not_stated")
    records["age_group"] = records.age_band.map(AGE_GROUP_OF).astype("category")
    population = pq.read_table(paths["population"]).to_pandas()
    population_year = int(population.year[population.year <= YEAR].max())
    population = population[population.year == population_year].copy()
    population["age_group"] = population.age_band.map(AGE_GROUP_OF)

    this_year = records[records.year == YEAR]
    beneficiary = this_year.outcome.isna() | (this_year.outcome == "received")
    ben = this_year[beneficiary]
    base = ["municipality_id", "service_id"]
    frames = {}
    for name, (dims, against_residents) in BREAKDOWNS.items():
        keys = [*base, *dims]
        if not against_residents:
            frames[name] = _balance(_by_sex(ben, keys)).sort_values(keys, ignore_index=True)
            continue
        pop_keys = [d for d in dims if d in ("neighbourhood_id", "age_band", "age_group")]
        std = [] if set(dims) & {"age_band", "age_group"} else ["age_band"]
        detail = _by_sex(ben, [*keys, *std])
        ref = _by_sex(population, ["municipality_id", *pop_keys, *std], weight="count")
        ref["share"] = _div(ref.women, ref.women + ref.men).to_numpy()
        joined = detail.merge(
            ref[["municipality_id", *pop_keys, *std, "share"]],
            on=["municipality_id", *pop_keys, *std],
            how="left",
        )
        known = joined.share.notna()
        pairs = joined.women + joined.men
        joined["expected"] = (joined.share * pairs).where(known)
        joined["base"] = pairs.where(known).astype("float64")
        rolled = joined.groupby(keys, observed=True, dropna=False).agg(
            women=("women", "sum"), men=("men", "sum"), other=("other", "sum"),
            not_stated=("not_stated", "sum"), total=("total", "sum"),
            expected=("expected", lambda s: s.sum(min_count=1)),
            base=("base", lambda s: s.sum(min_count=1)),
        ).reset_index()  # fmt: skip
        rolled["reference_share"] = _div(rolled.expected, rolled.base).to_numpy()
        rolled = rolled.drop(columns=["expected", "base"])
        rolled["expected_women"] = rolled.reference_share * (rolled.women + rolled.men)
        share = _div(rolled.women, rolled.women + rolled.men)
        rolled["representation"] = _div(share, rolled.reference_share).to_numpy()
        rolled = _balance(rolled)
        eligible = _by_sex(population, ["municipality_id", *pop_keys], weight="count")
        eligible = eligible.rename(
            columns={"women": "eligible_women", "men": "eligible_men", "total": "eligible_total"}
        )[["municipality_id", *pop_keys, "eligible_women", "eligible_men", "eligible_total"]]
        t = rolled.merge(eligible, on=["municipality_id", *pop_keys], how="left")
        t["coverage_women"] = _div(t.women * 1000, t.eligible_women).to_numpy()
        t["coverage_men"] = _div(t.men * 1000, t.eligible_men).to_numpy()
        t["coverage_total"] = _div(t.total * 1000, t.eligible_total).to_numpy()
        t["coverage_parity"] = _div(t.coverage_women, t.coverage_men).to_numpy()
        t["coverage_gap"] = t.coverage_men - t.coverage_women
        frames[name] = t.sort_values(keys, ignore_index=True)

    two_years = records[records.outcome.isna() | (records.outcome == "received")]
    yearly = _by_sex(two_years, [*base, "year"])
    yearly["year"] = yearly.year.astype("int64")
    yearly["share_women"] = _div(yearly.women, yearly.women + yearly.men).to_numpy()
    previous = yearly.assign(year=yearly.year + 1)[
        [*base, "year", "women", "men", "total", "share_women"]
    ].rename(columns=lambda c: c if c in (*base, "year") else f"{c}_previous")
    changed = yearly.merge(previous, on=[*base, "year"], how="left")
    for measure in ("women", "men", "total", "share_women"):
        changed[f"{measure}_change"] = changed[measure] - changed[f"{measure}_previous"]
    frames["change"] = changed[changed.year == YEAR].sort_values(base, ignore_index=True)

    outcome = this_year.outcome.astype("object")
    counted = this_year.assign(
        applied=(outcome == "applied").astype("int64"),
        received=(outcome == "received").astype("int64"),
        rejected=(outcome == "rejected").astype("int64"),
        not_recorded=outcome.isna().astype("int64"),
    ).groupby([*base, "sex"], observed=True)[["applied", "received", "rejected", "not_recorded"]]
    outcomes = counted.sum().reset_index()
    outcomes["sex"] = outcomes.sex.astype(str)
    outcomes["decided"] = outcomes.received + outcomes.rejected
    outcomes["rejection_rate"] = _div(outcomes.rejected, outcomes.decided).to_numpy()
    frames["outcomes"] = outcomes.sort_values([*base, "sex"], ignore_index=True)
    for name in BREAKDOWNS:
        for dim in BREAKDOWNS[name][0]:
            if isinstance(frames[name][dim].dtype, pd.CategoricalDtype):
                frames[name][dim] = frames[name][dim].astype(str).replace("nan", None)
    frames["findings"] = _findings(frames)
    return frames


RUNNERS = {"ibis": run_ibis, "sql": run_sql, "pandas": run_pandas}


# Comparing ---------------------------------------------------------------------------------


def _comparable(frame: pd.DataFrame, keys) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if (
            column in keys
            or frame[column].dtype == object
            and column in ("group", "checks", "direction")
        ):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.sort_values(keys, ignore_index=True, key=lambda s: s.astype(str))


def compare(ours: dict, theirs: dict, label: str) -> list[str]:
    """Differences between two approaches' tables (empty when they agree)."""
    problems = []
    for name, frame in ours.items():
        other = theirs[name]
        if name == "findings":
            keys = ["rank"]
        else:
            keys = ["municipality_id", "service_id"] + (
                BREAKDOWNS[name][0]
                if name in BREAKDOWNS
                else (["sex"] if name == "outcomes" else [])  # fmt: skip
            )
        if len(frame) != len(other):
            problems.append(f"{label} {name}: {len(frame)} rows against {len(other)}")
            continue
        missing = set(frame.columns) ^ set(other.columns)
        if missing:
            problems.append(f"{label} {name}: columns differ: {sorted(missing)}")
            continue
        left, right = _comparable(frame, keys), _comparable(other[frame.columns], keys)
        for column in frame.columns:
            a, b = left[column], right[column]
            numeric = pd.api.types.is_numeric_dtype(a) or pd.api.types.is_bool_dtype(a)
            if numeric and column not in keys:
                x = pd.to_numeric(a.astype(object), errors="coerce").astype("float64")
                y = pd.to_numeric(b.astype(object), errors="coerce").astype("float64")
                if not np.allclose(x, y, rtol=1e-9, atol=1e-12, equal_nan=True):
                    problems.append(f"{label} {name}.{column} differs")
            elif [None if pd.isna(v) else str(v) for v in a] != [
                None if pd.isna(v) else str(v) for v in b
            ]:
                problems.append(f"{label} {name}.{column} differs")
    return problems


# Running -----------------------------------------------------------------------------------


def warm_up(approach) -> None:
    """Import what the approach needs before the clock starts (the machine may not keep
    compiled bytecode, making first imports slow), without touching the data."""
    import duckdb

    duckdb.connect().sql("SELECT 1").fetchall()
    if approach == "ibis":
        import ibis

        from esitlik.analytics.backend import connect

        connect("duckdb").execute(ibis.memtable({"a": [1]}).a.sum())


def worker(args) -> None:
    paths = {"records": args.records, "population": args.population}
    config = {"threads": args.threads, "memory_limit": args.memory_limit}
    warm_up(args.worker)
    started = time.perf_counter()
    frames = RUNNERS[args.worker](paths, config)
    elapsed = time.perf_counter() - started
    with open(args.result, "wb") as out:
        pickle.dump({"seconds": elapsed, "peak_mb": peak_mb(), "frames": frames}, out)


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ``ru_maxrss``: that counts the
    parent's pages the child held between fork and exec, i.e. the benchmark's own size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status: this benchmark needs Linux")


def spawn(approach, paths, args, folder: Path) -> dict:
    result = folder / f"{approach}-{time.monotonic_ns()}.pickle"
    command = [
        sys.executable, __file__, "--worker", approach,
        "--records", str(paths["records"]), "--population", str(paths["population"]),
        "--threads", str(args.threads), "--memory-limit", args.memory_limit,
        "--result", str(result),
    ]  # fmt: skip
    started = time.perf_counter()
    if subprocess.run(command, check=False).returncode != 0:
        raise SystemExit(f"{approach} failed")
    wall = time.perf_counter() - started
    with open(result, "rb") as source:
        found = pickle.load(source)  # noqa: S301 - written by our own worker just now
    result.unlink()
    return found | {"wall": wall}


def machine() -> dict:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in lines
                    if line.startswith("model name")), "")  # fmt: skip
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import duckdb
    import ibis

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "ibis": ibis.__version__,
        "pandas": pd.__version__,
        "load_before": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--approaches", default=",".join(APPROACHES))
    parser.add_argument("--rounds", type=int, default=3, help="runs of ibis and sql each")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB's memory_limit")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--worker", choices=APPROACHES, help=argparse.SUPPRESS)
    parser.add_argument("--records", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--population", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    approaches = [a for a in args.approaches.split(",") if a]
    notes = machine()
    started = time.perf_counter()
    paths = generate(args.rows, args.data, threads=args.threads)
    generated = time.perf_counter() - started
    print(f"data: {paths['records']} ({paths['records'].stat().st_size / 1e6:.0f} MB), "
          f"ready in {generated:.1f} s")  # fmt: skip
    runs: dict[str, list[dict]] = {a: [] for a in approaches}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            for approach in [a for a in approaches if a != "pandas"]:
                run = spawn(approach, paths, args, Path(folder))
                runs[approach].append(run)
                print(f"round {round_ + 1} {approach}: {run['seconds']:.2f} s, "
                      f"peak {run['peak_mb']:.0f} MB", flush=True)  # fmt: skip
        if "pandas" in approaches:
            run = spawn("pandas", paths, args, Path(folder))
            runs["pandas"].append(run)
            print(f"pandas: {run['seconds']:.2f} s, peak {run['peak_mb']:.0f} MB", flush=True)

    reference = runs[approaches[0]][0]["frames"]
    problems = []
    for approach in approaches[1:]:
        problems += compare(reference, runs[approach][0]["frames"], f"{approaches[0]}~{approach}")
    summary = {
        "rows": args.rows,
        "machine": notes | {"load_after": os.getloadavg()},
        "threads": args.threads,
        "memory_limit": args.memory_limit,
        "generate_seconds": generated,
        "findings": len(reference["findings"]),
        "results_equal": not problems,
        "approaches": {
            a: {
                "median_seconds": statistics.median(r["seconds"] for r in rs),
                "seconds": [round(r["seconds"], 3) for r in rs],
                "peak_mb": max(r["peak_mb"] for r in rs),
            }
            for a, rs in runs.items()
        },
    }
    if "ibis" in runs and "sql" in runs:
        summary["ibis_over_sql"] = (
            summary["approaches"]["ibis"]["median_seconds"]
            / summary["approaches"]["sql"]["median_seconds"]
        )
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    if problems:
        raise SystemExit("results differ:\n" + "\n".join(problems))


if __name__ == "__main__":
    main()
