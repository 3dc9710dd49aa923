"""From read columns to the stored table of a kind, with the rules that tie a row's cells
together.

Each mapped column is read once per distinct value (``parsing``); everything that depends on
more than one cell is then done for all rows at once with numpy:

- a record's directorate is its directorate column, else its service's directorate, else the
  run's; when the run is for a directorate (or a directorate column is given) each service
  must belong to it or to one of its branches;
- age is the age column, else the age reached in the record's year from the birth year (the
  year of the record's date, else the run's year); an age that fits neither the birth year
  (age or age − 1) nor the age band is a problem; the band comes from the age when the file
  has none;
- counts by sex given one column per sex are checked against their total and stored one row
  per sex, rows of zero left out; given long (a sex and a count column) every row is stored
  as written; a workforce or decision-maker list without a count column counts one per row;
- service records, once checked, are stored as counts at the grain of the figures, never one
  row per use (``counting``).

Any problem means no table: an import lands whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate
from esitlik.core.sex import Sex
from esitlik.core.tabular import cell_date, cell_integer, is_blank
from esitlik.datasets import vocab
from esitlik.datasets.ingest import counting, privacy
from esitlik.datasets.ingest.headers import Shape
from esitlik.datasets.ingest.parsing import Context, Parsed, parse_values
from esitlik.datasets.ingest.problems import Problems
from esitlik.datasets.ingest.reading import RawColumn, RawTable
from esitlik.datasets.kinds import (
    SPECS,
    FieldType,
    Kind,
    KindSpec,
    assembled_schema,
    stored_schema,
)

_EPOCH = date(1970, 1, 1)
_BAND_OF_AGE = np.array(
    [vocab.AGE_BANDS.index(vocab.age_band_of(age)) for age in range(vocab.OLDEST + 1)],
    dtype=np.int64,
)
# The stored sex of each wide column, in the order rows are written.
_WIDE = (
    ("women", Sex.WOMAN),
    ("men", Sex.MAN),
    ("other", Sex.OTHER),
    ("not_stated", Sex.NOT_STATED),
)
_SEXES = [sex.value for sex in Sex]


@dataclass
class Options:
    kind: Kind
    municipality_id: int
    run_id: int
    year: int
    directorate_id: int | None = None
    not_stated_share: float = 0.10
    # The kind with the municipality's own dimensions (None: the built-in columns only).
    spec: KindSpec | None = None


@dataclass
class Outcome:
    table: pa.Table | None
    problems: Problems
    summary: dict = field(default_factory=dict)
    warnings: list[dict] = field(default_factory=list)

    @property
    def rows_stored(self) -> int:
        return self.table.num_rows if self.table is not None else 0


@dataclass
class _Codes:
    """A stored text column: its possible values and, per row, which one (-1: none)."""

    values: list
    index: np.ndarray


@dataclass
class _Numbers:
    values: np.ndarray
    valid: np.ndarray


def _per_row(parsed: Parsed, column: RawColumn, convert, dtype=np.int64) -> _Numbers:
    """A number per row from the distinct values' readings (``convert`` of each, -1 when
    there is none)."""
    per_value = np.array(
        [convert(v) if v is not None else -1 for v in parsed.values] or [-1], dtype=dtype
    )
    valid_value = np.array([v is not None for v in parsed.values] or [False], dtype=bool)
    return _Numbers(per_value[column.indices], valid_value[column.indices])


def _codes(parsed: Parsed, column: RawColumn) -> _Codes:
    return _Codes(list(parsed.values), column.indices)


class _Assembly:
    def __init__(self, raw: RawTable, shape: Shape, context: Context, options: Options):
        self.raw, self.shape, self.context, self.options = raw, shape, context, options
        self.kind = Kind(options.kind)
        self.spec = options.spec or SPECS[self.kind]
        # The municipality's dimensions mapped in this file, each stored in its own column.
        self.dimensions = [
            key for key in shape.fields if self.spec.field(key).type == FieldType.DIMENSION
        ]
        self.n = len(raw)
        self.problems = Problems(raw.rows)
        self.columns: dict[str, RawColumn] = {
            key: raw.column(name) for key, name in shape.fields.items()
        }
        self.parsed: dict[str, Parsed] = {}
        self.stored: dict[str, _Codes | _Numbers] = {}
        self.positions = np.arange(self.n)
        # Columns computed after rows were split by sex (already one entry per stored row).
        self.final: dict[str, _Codes | _Numbers] = {}

    # Reading every mapped column --------------------------------------------------------

    def required(self, key: str) -> bool:
        column = self.spec.field(key).column
        return (
            column.required
            or (key == "date" and self.kind == Kind.SERVICE_RECORDS)
            # A count column, once given, must say how many on every row.
            or (key == "count" and not self.shape.wide)
        )

    def parse_all(self) -> None:
        for key, column in self.columns.items():
            spec_field = self.spec.field(key)
            parsed = parse_values(spec_field.type, column.values, self.context, key=key)
            if spec_field.type in (FieldType.TEXT, FieldType.DIMENSION):
                for index, raw in enumerate(column.values):
                    kind = privacy.identifier_kind(raw)
                    if kind and index not in parsed.errors:
                        parsed.errors[index] = (
                            "identifier_value",
                            _(
                                "This cell seems to hold %(what)s; identifiers are never "
                                "stored. Remove it from the file."
                            )
                            % {"what": privacy.describe(kind)},
                        )
                        parsed.values[index] = None
            self.problems.cells(column, parsed.errors)
            self.problems.unknown_names(column, parsed.errors)
            if self.required(key) and parsed.blank.any():
                message = _("“%(column)s” is empty; every row needs it.") % {"column": column.name}
                blank = {int(i): ("required", message) for i in np.flatnonzero(parsed.blank)}
                self.problems.cells(column, blank)
            self.parsed[key] = parsed

    # Services and directorates ---------------------------------------------------------

    def _directorate_name(self, directorate_id: int) -> str:
        for directorates in self.context.directorates.by_key.values():
            for directorate in directorates:
                if directorate.pk == directorate_id:
                    return localized(directorate.name)
        directorate = Directorate.objects.filter(pk=directorate_id).first()
        return localized(directorate.name) if directorate else str(directorate_id)

    def services_and_directorates(self) -> None:
        run_directorate = self.options.directorate_id
        within = self.context.directorates.within
        allowed = within(run_directorate) if run_directorate else None
        directorate = np.full(self.n, -1, dtype=np.int64)
        service = self.parsed.get("service")
        if service is not None:
            column = self.columns["service"]
            if allowed is not None:
                errors = {
                    i: ("service_directorate", self._not_of(s, run_directorate))
                    for i, s in enumerate(service.values)
                    if s is not None and s.directorate_id not in allowed
                }
                self.problems.cells(column, errors)
            ids = _per_row(service, column, lambda s: s.pk)
            owners = _per_row(service, column, lambda s: s.directorate_id)
            self.stored["service_id"] = ids
            directorate = owners.values.copy()
        given = self.parsed.get("directorate")
        if given is not None:
            column = self.columns["directorate"]
            if allowed is not None:
                errors = {
                    i: (
                        "directorate_outside",
                        _(
                            "This import is for %(directorate)s; rows of %(other)s belong in "
                            "that directorate's own import."
                        )
                        % {
                            "directorate": self._directorate_name(run_directorate),
                            "other": self._directorate_name(d),
                        },
                    )
                    for i, d in enumerate(given.values)
                    if d is not None and d not in allowed
                }
                self.problems.cells(column, errors)
            rows = _per_row(given, column, int)
            if service is not None:
                self._check_service_owners(service, given)
            directorate = np.where(rows.valid, rows.values, directorate)
        if run_directorate:
            directorate = np.where(directorate >= 0, directorate, run_directorate)
        self.stored["directorate_id"] = _Numbers(directorate, directorate >= 0)

    def _not_of(self, service, directorate_id: int) -> str:
        return _("“%(service)s” is a service of %(owner)s, not of %(directorate)s.") % {
            "service": localized(service.name),
            "owner": localized(service.directorate.name),
            "directorate": self._directorate_name(directorate_id),
        }

    def _check_service_owners(self, service: Parsed, given: Parsed) -> None:
        s_col, d_col = self.columns["service"], self.columns["directorate"]
        width = max(len(d_col.values), 1)
        pair = s_col.indices.astype(np.int64) * width + d_col.indices
        bad = []
        for code in np.unique(pair):
            s, d = divmod(int(code), width)
            owner, named = service.values[s], given.values[d]
            if owner is not None and named is not None:
                if owner.directorate_id not in self.context.directorates.within(named):
                    bad.append(code)
        if bad:
            mask = np.isin(pair, bad)

            def message(position: int) -> str:
                s = int(s_col.indices[position])
                d = int(d_col.indices[position])
                return self._not_of(service.values[s], given.values[d])

            self.problems.rows_of(mask, s_col, "service_directorate", message)

    # Dates and ages -------------------------------------------------------------------------

    def dates_and_ages(self) -> None:
        year = self.options.year
        date = self.parsed.get("date")
        if date is not None:
            days = _per_row(date, self.columns["date"], lambda d: (d - _EPOCH).days, np.int32)
            self.stored["date"] = days
        if "age_band" not in self.spec_keys() and "age" not in self.spec_keys():
            return
        record_year = np.full(self.n, year, dtype=np.int64)
        if date is not None and "birth_year" in self.columns:
            years = _per_row(date, self.columns["date"], lambda d: d.year)
            record_year = np.where(years.valid, years.values, year)
        age = self._numbers("age")
        birth = self._numbers("birth_year")
        computed = record_year - birth.values
        from_birth = birth.valid & (computed >= 0) & (computed <= vocab.OLDEST)
        if "birth_year" in self.columns:
            after = birth.valid & (computed < 0)
            self.problems.rows_of(
                after,
                self.columns["birth_year"],
                "birth_after_date",
                lambda p: (
                    _("The birth year is after the record's year (%(year)s).")
                    % {"year": int(record_year[p])}
                ),
            )
        if "age" in self.columns and "birth_year" in self.columns:
            fits = (age.values == computed) | (age.values == computed - 1)
            wrong = age.valid & from_birth & ~fits
            self.problems.rows_of(
                wrong,
                self.columns["age"],
                "age_birth_year",
                lambda p: (
                    _("Age %(age)s does not fit birth year %(birth)s (%(expected)s in %(year)s).")
                    % {
                        "age": int(age.values[p]),
                        "birth": int(birth.values[p]),
                        "expected": f"{int(computed[p]) - 1}–{int(computed[p])}",
                        "year": int(record_year[p]),
                    }
                ),
            )
        known = age.valid | from_birth
        final_age = np.where(age.valid, age.values, np.where(from_birth, computed, 0))
        final_age = np.clip(final_age, 0, vocab.OLDEST)
        self.stored["age"] = _Numbers(final_age, known)
        band_from_age = np.where(known, _BAND_OF_AGE[final_age], -1)
        if "age_band" in self.parsed:
            column = self.columns["age_band"]
            parsed = self.parsed["age_band"]
            given = _per_row(parsed, column, vocab.AGE_BANDS.index)
            other = np.where(
                ~age.valid & from_birth & (computed >= 1),
                _BAND_OF_AGE[np.clip(computed - 1, 0, vocab.OLDEST)],
                band_from_age,
            )
            wrong = given.valid & known & (given.values != band_from_age) & (given.values != other)
            self.problems.rows_of(
                wrong,
                column,
                "age_band_mismatch",
                lambda p: (
                    _("The age band does not fit the age (%(age)s).") % {"age": int(final_age[p])}
                ),
            )
            band = np.where(given.valid, given.values, band_from_age)
        else:
            band = band_from_age
        self.stored["age_band"] = _Codes(list(vocab.AGE_BANDS), band)

    def spec_keys(self) -> set[str]:
        return {f.name for f in assembled_schema(self.kind)}

    def _numbers(self, key: str) -> _Numbers:
        if key not in self.parsed:
            return _Numbers(np.zeros(self.n, dtype=np.int64), np.zeros(self.n, dtype=bool))
        return _per_row(self.parsed[key], self.columns[key], int)

    # Counts by sex -----------------------------------------------------------------------

    def counts_by_sex(self) -> None:
        if not self.spec.counts_by_sex:
            if "sex" in self.spec_keys():
                self.stored["sex"] = self._sex_codes()
            return
        if self.shape.wide:
            self._wide()
            return
        self.stored["sex"] = self._sex_codes()
        if "count" in self.parsed:
            self.stored["count"] = self._numbers("count")
        else:
            self.stored["count"] = _Numbers(np.ones(self.n, dtype=np.int64), np.ones(self.n, bool))

    def _sex_codes(self) -> _Codes:
        if "sex" in self.parsed:
            return _codes(self.parsed["sex"], self.columns["sex"])
        return _Codes([Sex.NOT_STATED.value], np.zeros(self.n, dtype=np.int64))

    def _wide(self) -> None:
        given = {key: self._numbers(key) for key, _sex in _WIDE if key in self.columns}
        total = sum(
            (numbers.values * numbers.valid for numbers in given.values()),
            np.zeros(self.n, np.int64),
        )
        if "total" in self.columns:
            stated = self._numbers("total")
            wrong = stated.valid & (stated.values != total)
            names = " + ".join(self.columns[key].name for key in given)
            self.problems.rows_of(
                wrong,
                self.columns["total"],
                "total_mismatch",
                lambda p: (
                    _("%(columns)s make %(sum)s, but the total is %(total)s.")
                    % {"columns": names, "sum": int(total[p]), "total": int(stated.values[p])}
                ),
            )
        positions, sexes, counts = [], [], []
        for key, sex in _WIDE:
            if key not in given:
                continue
            numbers = given[key]
            chosen = np.flatnonzero(numbers.valid & (numbers.values > 0))
            positions.append(chosen)
            sexes.append(np.full(len(chosen), _SEXES.index(sex.value), dtype=np.int64))
            counts.append(numbers.values[chosen])
        positions = np.concatenate(positions)
        order = np.argsort(positions, kind="stable")
        self.positions = positions[order]
        self.final["sex"] = _Codes(_SEXES, np.concatenate(sexes)[order])
        count = np.concatenate(counts)[order]
        self.final["count"] = _Numbers(count, np.ones(len(count), dtype=bool))

    # Other columns -----------------------------------------------------------------------

    def simple_columns(self) -> None:
        numbers = {
            "neighbourhood_id": "neighbourhood",
            "hires": "hires",
            "promotions": "promotions",
            "exits": "exits",
        }
        for name, key in numbers.items():
            if name in self.spec_keys() and key in self.parsed:
                self.stored[name] = self._numbers(key)
        for name in (
            "disability",
            "migration",
            "outcome",
            "body",
            "equality_tag",
            "role_category",
            "grade",
            "contract_type",
            "pay_band",
            "body_name",
            "budget_code",
            "description",
            "planned",
            "actual",
        ):
            if name in self.parsed:
                self.stored[name] = _codes(self.parsed[name], self.columns[name])
        for key in self.dimensions:
            self.stored[key] = _codes(self.parsed[key], self.columns[key])
        if "neighbourhood" in self.parsed and "neighbourhood_id" not in self.stored:
            self.stored["neighbourhood_id"] = self._numbers("neighbourhood")

    # The stored table --------------------------------------------------------------------

    def table(self) -> pa.Table:
        """The checked rows in the kind's ``assembled_schema``. Text columns are
        dictionary-encoded (their few codes are written once per row group); ``writing``
        stores them as plain text columns, so the file's schema is the kind's
        ``STORED_SCHEMAS``."""
        positions = self.positions
        size = len(positions)
        arrays, fields = [], []
        for stored_field in assembled_schema(self.kind, self.dimensions):
            name, arrow_type = stored_field.name, stored_field.type
            array = self._array(name, arrow_type, positions, size)
            arrays.append(array)
            fields.append(pa.field(name, array.type))
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields))

    def _array(self, name: str, arrow_type, positions: np.ndarray, size: int) -> pa.Array:
        constant = {
            "municipality_id": self.options.municipality_id,
            "run_id": self.options.run_id,
            "year": self.options.year,
        }.get(name)
        if constant is not None:
            return pa.array(np.full(size, constant), type=arrow_type)
        source = self.final.get(name)
        chosen = slice(None) if source is not None else positions
        source = source or self.stored.get(name)
        if source is None:
            return pa.nulls(size, type=arrow_type)
        if isinstance(source, _Numbers):
            values = source.values[chosen]
            if pa.types.is_date32(arrow_type):
                values = values.astype(np.int32, copy=False)
            valid = source.valid[chosen]
            return pa.array(values, type=arrow_type, mask=None if valid.all() else ~valid)
        # In the values' order: counting.py then groups service records by these codes as
        # they are, since ordering by code is ordering by value.
        present = sorted(v for v in dict.fromkeys(source.values) if v is not None)
        where = {value: i for i, value in enumerate(present)}
        # One extra slot, so that a row's index -1 (no value) finds -1 too.
        remap = np.array([where.get(v, -1) for v in source.values] + [-1], dtype=np.int32)
        index = remap[source.index[chosen]]
        indices = pa.array(index, mask=index < 0)
        if pa.types.is_string(arrow_type):
            return pa.DictionaryArray.from_arrays(indices, pa.array(present, type=arrow_type))
        return pa.array(present, type=arrow_type).take(indices)

    def summary(self, table: pa.Table) -> tuple[dict, list[dict]]:
        counted = "count" in table.column_names
        summary: dict = {"rows": table.num_rows}
        warnings: list[dict] = []
        if "sex" in table.column_names:
            by_sex = _sums(table, "sex", counted)
            summary["by_sex"] = by_sex
            total = sum(by_sex.values())
            not_stated = by_sex.get(Sex.NOT_STATED.value, 0)
            limit = self.options.not_stated_share
            if total and not_stated / total > limit:
                warnings.append(
                    {
                        "rule": "not_stated_share",
                        "message": _(
                            "Sex is not stated for %(share)s of the %(what)s (more than "
                            "%(limit)s): figures by sex will say little."
                        )
                        % {
                            "share": _percent(100 * not_stated / total),
                            "limit": _percent(100 * limit),
                            "what": pgettext("share of", "people counted")
                            if counted
                            else pgettext("share of", "records"),
                        },
                    }
                )
        if "service_id" in table.column_names:
            summary["by_service"] = {
                str(key): value for key, value in _sums(table, "service_id", counted).items()
            }
        return summary, warnings

    def run(self) -> Outcome:
        self.parse_all()
        self.services_and_directorates()
        self.dates_and_ages()
        self.counts_by_sex()
        self.simple_columns()
        if self.problems:
            return Outcome(None, self.problems, {"unknown": self.problems.unknown})
        table = self.table()
        summary, warnings = self.summary(table)
        if self.kind == Kind.SERVICE_RECORDS:
            # Summed over the records first (the summary counts uses), then never kept one
            # row per use: see counting.py.
            table = counting.as_counts(table, stored_schema(self.kind, self.dimensions))
        return Outcome(table, self.problems, summary, warnings)


def _percent(value: float) -> str:
    # Turkish writes the sign first: %33.
    return _("%(number)s%%") % {"number": round(value)}


def _sums(table: pa.Table, column: str, counted: bool) -> dict:
    grouped = table.group_by(column).aggregate(
        [("count", "sum")] if counted else [([], "count_all")]
    )
    keys = grouped.column(column).to_pylist()
    values = grouped.column("count_sum" if counted else "count_all").to_pylist()
    return {
        key: int(value or 0) for key, value in zip(keys, values, strict=True) if key is not None
    }


def assemble(raw: RawTable, shape: Shape, context: Context, options: Options) -> Outcome:
    return _Assembly(raw, shape, context, options).run()


def infer_year(raw: RawTable, shape: Shape) -> tuple[int | None, str]:
    """The one year of the file's year column, else of its dates; or None and why not."""
    years: set[int] = set()
    for key, reader in (
        ("year", lambda v: cell_integer(v, 1900, 2100)),
        ("date", lambda v: cell_date(v).year),
    ):
        column = raw.column(shape.fields[key]) if key in shape.fields else None
        if column is None:
            continue
        for value in column.values:
            if is_blank(value):
                continue
            try:
                years.add(reader(value))
            except ValueError:
                continue
        if years:
            break
    if len(years) == 1:
        return years.pop(), ""
    if not years:
        return None, _("The file has no year column or dates to tell its year; give the year.")
    return None, _(
        "The file holds several years (%(years)s); give the year, or import each year from "
        "its own file."
    ) % {"years": ", ".join(str(y) for y in sorted(years))}
