"""Which field of the kind each column of a file is: proposed from the headings, chosen by the
user, checked before the file is read in full.

A heading is matched by ``core.tabular.match_key`` (case, accents and İ/ı/I/i do not matter)
against a mapping the municipality's users made by hand for the same kind (for the same
directorate first, then for any), then against the Turkish and English names and aliases of
``kinds.SPECS`` and of the municipality's own dimensions (``datasets.dimensions.spec_for``
gives the spec with them; a bare kind means the built-in columns only). Survey exports that
name a field "group/field" are matched on the last part.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.utils import translation
from django.utils.translation import gettext as _

from esitlik.core.tabular import match_key
from esitlik.datasets.kinds import SPECS, WIDE_SEX_KEYS, Kind, KindSpec

# Long counts need their count column; workforce lists and decision-maker lists may have one
# row per person instead, each row counting one.
COUNT_REQUIRED = {Kind.SERVICE_COUNTS, Kind.POPULATION}
# In wide form a row is split into one row per sex; these measures cannot be split.
NOT_SPLIT_BY_SEX = ("hires", "promotions", "exits")


def spec_of(kind: Kind | KindSpec) -> KindSpec:
    return kind if isinstance(kind, KindSpec) else SPECS[Kind(kind)]


def _keys_of(fields) -> dict[str, str]:
    with translation.override("tr"):
        keys: dict[str, str] = {}
        for spec_field in fields:
            for key in spec_field.column.keys():
                keys.setdefault(key, spec_field.key)
        return keys


@cache
def _builtin_alias_keys(kind: Kind) -> dict[str, str]:
    return _keys_of(SPECS[kind].all_fields())


def alias_keys(kind: Kind | KindSpec) -> dict[str, str]:
    """match_key of every name of every field → the field's key (built-in names first)."""
    spec = spec_of(kind)
    keys = dict(_builtin_alias_keys(spec.kind))
    builtin = SPECS[spec.kind].all_fields()
    extra = [f for f in spec.all_fields() if f not in builtin]
    for key, field_key in _keys_of(extra).items():
        keys.setdefault(key, field_key)
    return keys


def _candidates(header: str) -> list[str]:
    keys = [match_key(header)]
    if "/" in header:
        keys.append(match_key(header.rsplit("/", 1)[1]))
    return keys


def field_for(header: str, kind: Kind | KindSpec, remembered: dict[str, str] | None = None) -> str:
    """The field a heading names ("" for none), and whether a remembered mapping said so."""
    remembered = remembered or {}
    aliases = alias_keys(kind)
    for key in _candidates(header):
        if key in remembered:
            return remembered[key]
        if key in aliases:
            return aliases[key]
    return ""


def is_header_for(kind: Kind | KindSpec, extra: set[str] = frozenset()):
    """A test for ``reading``: does a row name at least one column of the kind (or one of
    ``extra``, the headings of remembered and chosen mappings)?"""
    known = set(alias_keys(kind)) | set(extra)

    def is_header(cells: list) -> bool:
        return any(
            key in known
            for cell in cells
            if isinstance(cell, str) and cell.strip()
            for key in _candidates(" ".join(cell.split()))
        )

    return is_header


def propose(names: list[str], kind: Kind | KindSpec, remembered: dict[str, str]) -> dict[str, str]:
    """{column name: field key or ""}; a field goes to the first column that names it."""
    proposal: dict[str, str] = {}
    taken: set[str] = set()
    valid = {f.key for f in spec_of(kind).all_fields()}
    for name in names:
        found = field_for(name, kind, remembered)
        if found not in valid or found in taken:
            found = ""
        proposal[name] = found
        if found:
            taken.add(found)
    return proposal


def field_label(spec: KindSpec, key: str) -> str:
    return spec.field(key).column.header()


@dataclass
class Shape:
    """How a checked mapping gives its counts: ``wide`` (a column per sex) or long."""

    wide: bool
    fields: dict[str, str]  # field key → column name


def check(
    mapping: dict[str, str], names: list[str], kind: Kind | KindSpec, drop: list[str] = ()
) -> tuple[Shape | None, list[str]]:
    """The mapping's shape, or the reasons it cannot be used (in the active language)."""
    spec = spec_of(kind)
    kind = spec.kind
    valid = {f.key: f for f in spec.all_fields()}
    errors: list[str] = []
    letters = {name: _letter(position) for position, name in enumerate(names)}
    for name in [*mapping, *drop]:
        if name not in letters:
            errors.append(
                _("The file has no column “%(column)s”; its columns are: %(columns)s.")
                % {"column": name, "columns": ", ".join(names)}
            )
    fields: dict[str, str] = {}
    for name, key in mapping.items():
        if not key or name in drop or name not in letters:
            continue
        if key not in valid:
            errors.append(
                _("“%(field)s” is not a column of %(kind)s; choose one of: %(fields)s.")
                % {
                    "field": key,
                    "kind": Kind(kind).label,
                    "fields": ", ".join(f.key for f in spec.all_fields()),
                }
            )
            continue
        if key in fields:
            first = fields[key]
            errors.append(
                _(
                    "The columns “%(first)s” (%(first_letter)s) and “%(second)s” "
                    "(%(second_letter)s) both give “%(column)s”; keep one of them."
                )
                % {
                    "first": first,
                    "first_letter": letters[first],
                    "second": name,
                    "second_letter": letters[name],
                    "column": field_label(spec, key),
                }
            )
            continue
        fields[key] = name
    for spec_field in spec.fields:
        if spec_field.column.required and spec_field.key not in fields:
            errors.append(_missing(spec, spec_field.key))
    for group in spec.one_of:
        if not any(key in fields for key in group):
            errors.append(
                _("Give one of these columns: %(columns)s.")
                % {"columns": ", ".join(f"“{field_label(spec, key)}”" for key in group)}
            )
    wide = any(key in fields for key in WIDE_SEX_KEYS)
    if spec.counts_by_sex:
        if wide and ("sex" in fields or "count" in fields):
            errors.append(
                _(
                    "Give counts either as a sex column with a count column, or as one column "
                    "per sex (Women, Men, Other, Not stated, Total), not both."
                )
            )
        elif wide and not {"women", "men"} <= set(fields):
            errors.append(
                _("With one column per sex, give at least the Women and the Men columns.")
            )
        elif not wide and kind in COUNT_REQUIRED and "count" not in fields:
            errors.append(
                _missing(spec, "count")
                + " "
                + _("Counts may also come as one column per sex (Women, Men, …).")
            )
        if wide and any(key in fields for key in NOT_SPLIT_BY_SEX):
            errors.append(
                _(
                    "Hires, promotions and exits cannot be split by sex from one column per "
                    "sex; give them in rows with a sex column."
                )
            )
    if errors:
        return None, errors
    return Shape(wide=wide, fields=fields), []


def _missing(spec: KindSpec, key: str) -> str:
    column = spec.field(key).column
    return _("The column “%(column)s” is missing (also accepted: %(names)s).") % {
        "column": column.header(),
        "names": ", ".join(n for n in column.names() if n != column.header()),
    }


def _letter(position: int) -> str:
    from esitlik.core.tabular import column_letter

    return column_letter(position)
