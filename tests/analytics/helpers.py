"""Tiny datasets in the shapes the analytics read, built row by row so each figure can be
counted by hand. Service records are the analytics' microdata, one row per use
(``kinds.RECORD_SCHEMA``), as an import assembles them before storing them as counts."""

import ibis
import numpy as np
import pandas as pd
import pyarrow as pa

from esitlik.datasets.kinds import Kind, assembled_schema

DEFAULTS = {"municipality_id": 1, "run_id": 1, "year": 2025, "directorate_id": 1}


def rows(n, **fields):
    """``n`` identical rows."""
    return [dict(fields) for _ in range(n)]


def arrow(kind, items, dimensions=()) -> pa.Table:
    """``items`` in the schema of ``kind`` (with the dimension columns named)."""
    schema = assembled_schema(kind, dimensions)
    columns = {
        name: [item.get(name, DEFAULTS.get(name)) for item in items] for name in schema.names
    }
    return pa.table(columns, schema=schema)


def table(kind, items, dimensions=()) -> ibis.Table:
    return ibis.memtable(arrow(kind, items, dimensions))


def records(items, dimensions=()):
    return table(Kind.SERVICE_RECORDS, items, dimensions)


def counts(items, dimensions=()):
    return table(Kind.SERVICE_COUNTS, items, dimensions)


def population(items):
    return table(Kind.POPULATION, items)


def residents(year=2025, municipality_id=1, **by_neighbourhood):
    """Population rows from {"n1": {"0-4": (women, men), …}, …}: neighbourhood ids from the
    keys' digits."""
    items = []
    for key, bands in by_neighbourhood.items():
        for band, (women, men) in bands.items():
            for sex, count in (("woman", women), ("man", men)):
                items.append(
                    {
                        "municipality_id": municipality_id,
                        "year": year,
                        "neighbourhood_id": int(key[1:]),
                        "sex": sex,
                        "age_band": band,
                        "count": count,
                    }
                )
    return items


BANDS = ["0-4", "5-9", "15-19", "20-24", "30-34", "65-69", "85+"]


def random_records(seed=7, n=3000) -> pd.DataFrame:
    """A random year and a half of records, with every kind of missing value."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "municipality_id": rng.choice([1, 2], n),
            "run_id": 1,
            "year": rng.choice([2024, 2025], n, p=[0.3, 0.7]),
            "date": None,
            "directorate_id": 1,
            "service_id": rng.integers(1, 6, n),
            "age": None,
            "sex": rng.choice(
                ["woman", "man", "other", "not_stated", None], n, p=[0.45, 0.4, 0.05, 0.05, 0.05]
            ),
            "age_band": rng.choice([*BANDS, None], n),
            "disability": rng.choice(["yes", "no", "not_stated"], n),
            "neighbourhood_id": rng.choice([11, 12, 13, 21, 22], n),
            "migration": rng.choice(["citizen", "refugee", "foreign"], n),
            "outcome": rng.choice(["received", "applied", "rejected", None], n),
        }
    )
    # Neighbourhoods 1x belong to municipality 1, 2x to municipality 2.
    frame["municipality_id"] = frame["neighbourhood_id"] // 10
    return frame


def random_population(seed=8) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    items = []
    for year in (2024, 2025):
        for neighbourhood in (11, 12, 13, 21, 22):
            for band in BANDS:
                for sex in ("woman", "man"):
                    items.append(
                        {
                            "municipality_id": neighbourhood // 10,
                            "run_id": 1,
                            "year": year,
                            "neighbourhood_id": neighbourhood,
                            "sex": sex,
                            "age_band": band,
                            "count": int(rng.integers(20, 400)),
                        }
                    )
    return pd.DataFrame(items)


def frame_table(kind, frame: pd.DataFrame) -> ibis.Table:
    schema = assembled_schema(kind)
    return ibis.memtable(
        pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    )
