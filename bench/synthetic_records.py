"""Synthetic service records and population, in the stored Parquet schemas, at any size.

A metropolitan municipality's year: 40 services of 12 directorates, 60 neighbourhoods of
1.5 million residents, five-year age bands, disability and migration status, outcomes — and
plausible gaps: services used mostly by one sex (a women's counselling centre, a sports
hall), neighbourhoods far from service points where fewer women come, services whose users
are mostly older (care at home) or young (youth centres).

The small tables (services, neighbourhoods, age profiles) are drawn in Python from a seeded
generator; the records themselves are written by DuckDB straight to Parquet from
``range(N)``, each row's random numbers being hashes of its number, so 100 million rows need
no more memory than 10 thousand and the same N gives the same file.

    uv run python bench/synthetic_records.py --rows 10000000 --out /tmp/esitlik-bench
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

DEFAULT_OUT = Path(tempfile.gettempdir()) / "esitlik-bench"
YEAR = 2025
MUNICIPALITY = 1
SERVICES = 40
NEIGHBOURHOODS = 60
RESIDENTS = 1_500_000
BANDS = [f"{low}-{low + 4}" for low in range(0, 85, 5)] + ["85+"]
# Turkey's age pyramid, roughly: the share of residents in each band.
PYRAMID = [7.4, 7.6, 7.8, 7.9, 7.7, 7.6, 7.8, 7.9, 7.4, 6.8, 6.2, 5.6, 4.9, 4.0, 3.0, 2.0, 1.3, 0.9]
# Women's share of residents by band: a few more boys at birth, many more women among the old.
WOMEN_BY_BAND = [
    0.487, 0.487, 0.488, 0.489, 0.492, 0.495, 0.497, 0.499, 0.500,
    0.502, 0.505, 0.509, 0.515, 0.525, 0.540, 0.565, 0.600, 0.660,
]  # fmt: skip
# Who uses a kind of service: weights over the bands.
PROFILES = {
    "children": [30, 30, 25, 15] + [0] * 14,
    "youth": [0, 0, 10, 45, 35, 10] + [0] * 12,
    "working": [0, 0, 0, 3, 10, 14, 15, 14, 12, 10, 8, 7, 5, 2, 0, 0, 0, 0],
    "all": [4, 5, 6, 7, 8, 8, 8, 8, 7, 7, 6, 6, 5, 4, 3, 3, 2, 3],
    "older": [0] * 12 + [4, 10, 22, 25, 20, 19],
}


def services(rng: random.Random) -> list[dict]:
    """Forty services: popularity (Zipf-like), base women's share, age profile."""
    kinds = [
        # (profile, women's share low–high): from women's counselling to sports halls.
        ("all", 0.85, 0.97),
        ("working", 0.55, 0.75),
        ("children", 0.45, 0.52),
        ("youth", 0.25, 0.45),
        ("older", 0.55, 0.70),
        ("all", 0.42, 0.58),
        ("working", 0.20, 0.35),
    ]
    found = []
    for number in range(1, SERVICES + 1):
        profile, low, high = kinds[number % len(kinds)]
        found.append(
            {
                "service_id": number,
                "directorate_id": 100 + number % 12,
                "weight": 1 / number**0.8,
                "women": round(rng.uniform(low, high), 3),
                "profile": profile,
            }
        )
    return found


def neighbourhoods(rng: random.Random) -> list[dict]:
    """Sixty neighbourhoods: size, how much less (or more) women come, refugees' share."""
    found = []
    for number in range(1, NEIGHBOURHOODS + 1):
        remote = number % 7 == 0  # far from service points: fewer women come
        found.append(
            {
                "neighbourhood_id": 1000 + number,
                "size": rng.lognormvariate(0, 0.6),
                "women_shift": -0.15 if remote else round(rng.uniform(-0.04, 0.04), 3),
                "refugees": 0.25 if number % 11 == 0 else round(rng.uniform(0.0, 0.05), 3),
            }
        )
    return found


def buckets(items: list[dict], weight: str, key: str, n: int = 1000) -> list[dict]:
    """``n`` buckets shared out in proportion to ``weight``: a uniform bucket number then picks
    an item with that probability, by an equality join (fast at any size)."""
    total = sum(item[weight] for item in items)
    found, edge = [], 0.0
    for item in items:
        edge += item[weight] / total * n
        while len(found) < min(n, round(edge)):
            found.append({"bucket": len(found), key: item[key]})
    while len(found) < n:
        found.append({"bucket": len(found), key: items[-1][key]})
    return found


def age_buckets() -> list[dict]:
    found = []
    for profile, weights in PROFILES.items():
        bands = [{"band": band, "low": index * 5, "w": w} for index, (band, w) in
                 enumerate(zip(BANDS, weights, strict=True)) if w]  # fmt: skip
        for row in buckets(bands, "w", "band", 100):
            low = next(b["low"] for b in bands if b["band"] == row["band"])
            found.append({"profile": profile, **row, "low": low})
    return found


def population(hoods: list[dict]) -> pa.Table:
    """Residents by neighbourhood, sex and band, in the stored population schema."""
    total_size = sum(h["size"] for h in hoods)
    rows = []
    for hood in hoods:
        people = RESIDENTS * hood["size"] / total_size
        for band, share, women in zip(BANDS, PYRAMID, WOMEN_BY_BAND, strict=True):
            in_band = people * share / 100
            for sex, part in (("woman", women), ("man", 1 - women)):
                rows.append((hood["neighbourhood_id"], sex, band, round(in_band * part)))
    ids, sexes, bands, counts = zip(*rows, strict=True)
    return pa.table(
        {
            "municipality_id": pa.array([MUNICIPALITY] * len(rows), pa.int64()),
            "run_id": pa.array([2] * len(rows), pa.int64()),
            "year": pa.array([YEAR] * len(rows), pa.int16()),
            "neighbourhood_id": pa.array(ids, pa.int64()),
            "sex": pa.array(sexes, pa.string()),
            "age_band": pa.array(bands, pa.string()),
            "count": pa.array(counts, pa.int64()),
        }
    )


RECORDS_SQL = """
COPY (
  WITH r AS (
    SELECT i,
      hash(i, 1) % 1000 AS service_bucket,
      hash(i, 2) % 1000 AS hood_bucket,
      hash(i, 3) % 100 AS age_bucket,
      (hash(i, 4) % 1000000) / 1e6 AS u_sex,
      (hash(i, 5) % 1000000) / 1e6 AS u_disability,
      (hash(i, 6) % 1000000) / 1e6 AS u_migration,
      (hash(i, 7) % 1000000) / 1e6 AS u_outcome,
      hash(i, 8) % 365 AS day,
      hash(i, 9) % 5 AS year_in_band
    FROM range({rows}) t(i)
  )
  SELECT
    {municipality}::BIGINT AS municipality_id,
    1::BIGINT AS run_id,
    {year}::SMALLINT AS year,
    (DATE '{year}-01-01' + day::INTEGER) AS date,
    s.directorate_id::BIGINT AS directorate_id,
    s.service_id::BIGINT AS service_id,
    (a.low + CASE WHEN a.band = '85+' THEN year_in_band * 2 ELSE year_in_band END)::SMALLINT
      AS age,
    CASE
      WHEN u_sex < 0.020 THEN 'not_stated'
      WHEN u_sex < 0.023 THEN 'other'
      WHEN u_sex < 0.023 + 0.977 * least(0.99, greatest(0.01, s.women + h.women_shift))
        THEN 'woman'
      ELSE 'man'
    END AS sex,
    a.band AS age_band,
    CASE WHEN u_disability < 0.06 THEN 'yes' WHEN u_disability < 0.91 THEN 'no'
         ELSE 'not_stated' END AS disability,
    h.neighbourhood_id::BIGINT AS neighbourhood_id,
    CASE WHEN u_migration < h.refugees THEN 'refugee'
         WHEN u_migration < h.refugees + 0.02 THEN 'foreign'
         WHEN u_migration < h.refugees + 0.04 THEN 'not_stated'
         ELSE 'citizen' END AS migration,
    CASE WHEN u_outcome < 0.80 THEN 'received' WHEN u_outcome < 0.88 THEN 'rejected'
         WHEN u_outcome < 0.93 THEN 'applied' ELSE NULL END AS outcome
  FROM r
  JOIN service_buckets sb ON sb.bucket = r.service_bucket
  JOIN services s ON s.service_id = sb.service_id
  JOIN hood_buckets hb ON hb.bucket = r.hood_bucket
  JOIN hoods h ON h.neighbourhood_id = hb.neighbourhood_id
  JOIN age_buckets a ON a.profile = s.profile AND a.bucket = r.age_bucket
) TO '{path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1048576)
"""


def generate(rows: int, out: Path, *, seed: int = 2025, threads: int = 2) -> dict[str, Path]:
    """Write ``records-<rows>.parquet`` and ``population.parquet`` under ``out`` (kept if
    already there) and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"records": out / f"records-{rows}.parquet", "population": out / "population.parquet"}
    rng = random.Random(seed)
    service_list, hood_list = services(rng), neighbourhoods(rng)
    if not paths["population"].exists():
        pq.write_table(population(hood_list), paths["population"])
    if paths["records"].exists():
        return paths
    con = duckdb.connect(config={"threads": threads, "memory_limit": "2GB"})
    tables = {
        "services": pa.Table.from_pylist(service_list),
        "hoods": pa.Table.from_pylist(hood_list),
        "service_buckets": pa.Table.from_pylist(buckets(service_list, "weight", "service_id")),
        "hood_buckets": pa.Table.from_pylist(buckets(hood_list, "size", "neighbourhood_id")),
        "age_buckets": pa.Table.from_pylist(age_buckets()),
    }
    for name, table in tables.items():
        con.register(name, table)
    partial = paths["records"].with_suffix(".partial")
    con.execute(RECORDS_SQL.format(rows=rows, year=YEAR, municipality=MUNICIPALITY, path=partial))
    partial.rename(paths["records"])
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    paths = generate(args.rows, args.out, threads=args.threads)
    size = paths["records"].stat().st_size / 1e6
    print(f"{paths['records']}: {size:.0f} MB in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
