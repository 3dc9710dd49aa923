"""Reading the distinct values of one column as one field type, with the product's own cell
readers, so a value means here what it means on every other page: "12,5" and "1.250" as
``core.tabular.cell_number`` reads them, "15.03.2024" and an Excel serial as ``cell_date``,
"K" and "Kadın" as ``core.sex``, services, neighbourhoods and directorates by their names
folded the Turkish way.

Each reader takes one raw value (text, or a typed workbook cell) and returns what is stored,
or raises :class:`CellProblem` (or ``core.tabular.CellError``) with a message in the active
language. A blank value gives the field's blank meaning (None, or "not stated" where the list
has it); whether a blank is allowed is the caller's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import numpy as np
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate
from esitlik.core.neighbourhoods import neighbourhood_key
from esitlik.core.sex import Sex
from esitlik.core.tabular import (
    CellError,
    cell_date,
    cell_integer,
    cell_line,
    cell_number,
    is_blank,
    match_key,
    shown,
)
from esitlik.datasets import vocab
from esitlik.datasets.kinds import FieldType

TEXT_MAX = 200
_CHOICES = {
    FieldType.SEX: Sex,
    FieldType.DISABILITY: vocab.Disability,
    FieldType.MIGRATION: vocab.Migration,
    FieldType.OUTCOME: vocab.Outcome,
    FieldType.BODY: vocab.DecisionBody,
    FieldType.EQUALITY_TAG: vocab.EqualityTag,
}
# Ends of directorates' names as people leave them out or abbreviate them, in match_key
# form: "SOSYAL HIZMETLER" and "Sosyal Hizmetler Md." are "Sosyal Hizmetler Müdürlüğü".
_ENDINGS = re.compile(
    r"\s+(sube mudurlugu|dairesi baskanligi|daire baskanligi|baskanligi|mudurlugu|mudurluk|"
    r"mud|md|directorate|department)$"
)


class CellProblem(CellError):
    """A value that cannot be stored, with the rule it breaks."""

    def __init__(self, rule: str, message: str):
        super().__init__(message)
        self.rule = rule


@dataclass
class Directorates:
    """The municipality's directorates by name (either language), code, or name without its
    "Müdürlüğü"; ``within`` gives a directorate's id with the ids of its branches."""

    by_key: dict[str, list[Directorate]] = field(default_factory=dict)
    loose: dict[str, list[Directorate]] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, municipality) -> Directorates:
        found = cls()
        for directorate in Directorate.objects.filter(municipality=municipality).order_by("id"):
            names = {directorate.name.get(lang) or "" for lang in ("tr", "en")}
            keys = {match_key(n) for n in names} | {match_key(directorate.code or "")}
            for key in keys - {""}:
                found.by_key.setdefault(key, []).append(directorate)
            for key in {_ENDINGS.sub("", match_key(n)) for n in names} - {""}:
                found.loose.setdefault(key, []).append(directorate)
            found.children.setdefault(directorate.parent_id, []).append(directorate.pk)
        return found

    def find(self, raw) -> Directorate:
        value = cell_line(raw)
        key = match_key(value)
        matches = self.by_key.get(key) or self.loose.get(_ENDINGS.sub("", key)) or []
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellProblem(
                "ambiguous_directorate",
                _("Several directorates fit “%(value)s” (%(names)s); write its code instead.")
                % {"value": value, "names": ", ".join(localized(d.name) for d in matches)},
            )
        raise CellProblem(
            "unknown_directorate",
            _("No directorate of this municipality is called “%(value)s”.") % {"value": value},
        )

    def within(self, directorate_id: int) -> set[int]:
        ids, todo = set(), [directorate_id]
        while todo:
            current = todo.pop()
            if current not in ids:
                ids.add(current)
                todo.extend(self.children.get(current, []))
        return ids


@dataclass
class Context:
    """What reading a value depends on besides the value: the run's year (None while it is
    to be found from the file) and the municipality's lists."""

    year: int | None
    services: dict = field(default_factory=dict)  # match_key → Service
    neighbourhoods: dict = field(default_factory=dict)  # neighbourhood_key → Neighbourhood|None
    directorates: Directorates = field(default_factory=Directorates)
    language: str = "tr"
    # The municipality's dimensions: field key → {match_key: value as listed}, or None where
    # any text is accepted (``datasets.dimensions.value_lists``).
    dimensions: dict = field(default_factory=dict)


def _service(raw, context: Context):
    value = cell_line(raw)
    found = context.services.get(match_key(value))
    if found is None:
        raise CellProblem(
            "unknown_service",
            _(
                "“%(value)s” is not in the service catalogue; add it to the catalogue or "
                "write the name used there."
            )
            % {"value": value},
        )
    return found


def _neighbourhood(raw, context: Context):
    value = cell_line(raw)
    key = neighbourhood_key(value)
    if key not in context.neighbourhoods:
        raise CellProblem(
            "unknown_neighbourhood",
            _("“%(value)s” is not on the municipality's neighbourhood list.") % {"value": value},
        )
    found = context.neighbourhoods[key]
    if found is None:
        raise CellProblem(
            "ambiguous_neighbourhood",
            _(
                "Several districts have a neighbourhood called “%(value)s”; add the district "
                "in brackets, e.g. “%(value)s (District)”."
            )
            % {"value": value},
        )
    return found.pk


def _date(raw, context: Context) -> date:
    value = cell_date(raw)
    if context.year is not None and value.year != context.year:
        raise CellProblem(
            "date_outside_year",
            _("The date %(date)s is not in %(year)s, the year of this import.")
            % {"date": value.strftime("%d.%m.%Y"), "year": context.year},
        )
    return value


def _year(raw, context: Context) -> int:
    value = cell_integer(raw, 1900, 2100)
    if context.year is not None and value != context.year:
        raise CellProblem(
            "year_mismatch",
            _("The year %(value)s is not %(year)s, the year of this import.")
            % {"value": value, "year": context.year},
        )
    return value


def _birth_year(raw, context: Context) -> int:
    latest = context.year or date.today().year
    return cell_integer(raw, latest - vocab.OLDEST, latest)


def _age(raw, context: Context) -> int:
    return cell_integer(raw, 0, vocab.OLDEST)


def _age_band(raw, context: Context) -> str:
    value = vocab.age_band_from_text(cell_line(raw))
    if value is None:
        raise CellProblem(
            "unknown_value",
            _("Write a five-year age band such as 15-19, or 85+ for the oldest."),
        )
    return value


def _count(raw, context: Context) -> int:
    return cell_integer(raw, 0, 10**12)


def _amount(raw, context: Context) -> Decimal:
    value = cell_number(raw, "tr")
    if value < 0:
        raise CellError(_("Write an amount of zero or more, such as 12.500,50."))
    if value != value.quantize(Decimal("0.01")):
        raise CellError(_("Write an amount with at most two decimals, such as 12.500,50."))
    return value.quantize(Decimal("0.01"))


def _text(raw, context: Context) -> str:
    value = cell_line(raw)
    if len(value) > TEXT_MAX:
        raise CellError(_("Write at most %(max)d characters.") % {"max": TEXT_MAX})
    return value


def _dimension(key: str):
    """A reader for the dimension ``key``: a value of its list however it is written, or any
    text when it has no list."""

    def read(raw, context: Context) -> str:
        allowed = context.dimensions.get(key)
        if not allowed:
            return _text(raw, context)
        value = cell_line(raw)
        found = allowed.get(match_key(value))
        if found is None:
            raise CellProblem(
                "unknown_value",
                _("“%(value)s” is not one of: %(values)s.")
                % {"value": value, "values": ", ".join(allowed.values())},
            )
        return found

    return read


def _choice(choices):
    def read(raw, context: Context) -> str:
        value = vocab.choice_from_text(choices, cell_line(raw))
        if value is None:
            raise CellProblem("unknown_value", _unknown_choice(choices, raw))
        return value

    return read


def _unknown_choice(choices, raw) -> str:
    labels = ", ".join(str(choice.label) for choice in choices)
    return _("“%(value)s” is not one of: %(labels)s.") % {"value": shown(raw), "labels": labels}


READERS = {
    FieldType.SERVICE: _service,
    FieldType.DIRECTORATE: lambda raw, context: context.directorates.find(raw).pk,
    FieldType.NEIGHBOURHOOD: _neighbourhood,
    FieldType.DATE: _date,
    FieldType.YEAR: _year,
    FieldType.AGE: _age,
    FieldType.BIRTH_YEAR: _birth_year,
    FieldType.AGE_BAND: _age_band,
    FieldType.COUNT: _count,
    FieldType.AMOUNT: _amount,
    FieldType.TEXT: _text,
    **{field_type: _choice(choices) for field_type, choices in _CHOICES.items()},
}
# What a blank cell means where it is allowed.
BLANK = {
    FieldType.SEX: Sex.NOT_STATED.value,
    FieldType.DISABILITY: vocab.Disability.NOT_STATED.value,
    FieldType.MIGRATION: vocab.Migration.NOT_STATED.value,
}


@dataclass
class Parsed:
    """A column's distinct values read as one field type."""

    values: list  # what each distinct value is read as (None when blank or wrong)
    blank: np.ndarray  # bool per distinct value
    errors: dict[int, tuple[str, str]]  # distinct index → (rule, message)

    def error_mask(self) -> np.ndarray:
        mask = np.zeros(len(self.values), dtype=bool)
        if self.errors:
            mask[list(self.errors)] = True
        return mask


def parse_values(field_type: FieldType, values: list, context: Context, key: str = "") -> Parsed:
    """Each distinct value read as ``field_type`` (``key``: which dimension, for those)."""
    reader = _dimension(key) if field_type == FieldType.DIMENSION else READERS[field_type]
    blank_meaning = BLANK.get(field_type)
    parsed, errors = [], {}
    blank = np.zeros(len(values), dtype=bool)
    for position, raw in enumerate(values):
        if is_blank(raw):
            blank[position] = True
            parsed.append(blank_meaning)
            continue
        try:
            parsed.append(reader(raw, context))
        except CellProblem as problem:
            parsed.append(None)
            errors[position] = (problem.rule, str(problem))
        except CellError as error:
            parsed.append(None)
            errors[position] = ("type", str(error))
    return Parsed(parsed, blank, errors)
