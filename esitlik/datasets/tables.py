"""The bridge from the store to the computations: a municipality's landed data of one kind as
one Ibis table.

``esitlik.analytics`` knows nothing of the database; this module asks it which files count
(:func:`esitlik.datasets.storage.landed_files`: landed runs only) and hands the files to the
analytics backend with the kind's stored schema.
"""

from __future__ import annotations

from collections.abc import Iterable

import ibis
from ibis.backends import BaseBackend

from esitlik.analytics.backend import read_parquet
from esitlik.datasets.dimensions import schema_for
from esitlik.datasets.kinds import DIMENSION_KINDS, STORED_SCHEMAS, Kind
from esitlik.datasets.storage import landed_files


def dataset_table(
    con: BaseBackend,
    municipality_ids: int | Iterable[int],
    kind: Kind | str,
    years: int | Iterable[int] | None = None,
) -> ibis.Table:
    """The landed data of ``kind`` for the municipalities (one id or several) and ``years``
    (one, several, or None for all), read on ``con``; an empty table of the kind's schema when
    nothing has landed. Service records and counts have a text column ``x_<key>`` for each of
    the municipalities' own dimensions (null in files from before it was defined)."""
    kind = Kind(kind)
    municipality_ids, years = _listed(municipality_ids), _listed(years)
    schema = schema_for(municipality_ids, kind) if kind in DIMENSION_KINDS else STORED_SCHEMAS[kind]
    return read_parquet(con, landed_files(municipality_ids, kind, years), schema)


def service_use_counts(
    con: BaseBackend,
    municipality_ids: int | Iterable[int],
    years: int | Iterable[int] | None = None,
) -> ibis.Table:
    """Every landed use of a service, from service records and service counts alike, as one
    table of counts (the stored schema both share: records are stored counted, see
    ``ingest/counting.py``). What the service figures read: ``analytics.equality``'s
    ``counts``."""
    municipality_ids, years = _listed(municipality_ids), _listed(years)
    files = [
        *landed_files(municipality_ids, Kind.SERVICE_RECORDS, years),
        *landed_files(municipality_ids, Kind.SERVICE_COUNTS, years),
    ]
    return read_parquet(con, files, schema_for(municipality_ids, Kind.SERVICE_COUNTS))


def _listed(values):
    """One id or year as it is, None as None, any other iterable (read once) as a list."""
    return values if values is None or isinstance(values, int) else list(values)


def sensitive_service_ids(municipality_ids: int | Iterable[int]) -> set[int]:
    """The services marked sensitive (violence support and the like), whose published figures
    take the stricter disclosure threshold."""
    from esitlik.datasets.models import Service

    ids = [municipality_ids] if isinstance(municipality_ids, int) else list(municipality_ids)
    return set(
        Service.objects.filter(municipality_id__in=ids, sensitive=True).values_list("id", flat=True)
    )
