"""Finding what a sign-in sheet's cells name: a directorate, a role category, a staff person.

Directorates are found by their Turkish or English name or their code (as the plan workbook
finds them), and, when that finds nothing, by the name without its "Müdürlüğü" and without
Turkish letters, as long as only one directorate fits: "SOSYAL HIZMETLER" is "Sosyal Hizmetler
Müdürlüğü". People are found by staff number, or by name compared the Turkish way ("AYŞE
YILMAZ" is "Ayşe Yılmaz") and then, if no one has that spelling, without Turkish letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.sex import Sex, sex_from_text
from esitlik.core.tabular import CellError, cell_line, is_blank, match_key
from esitlik.core.text import tr_casefold, tr_sorted
from esitlik.plans.workbook.cells import Directorates as PlanDirectorates
from esitlik.plans.workbook.columns import fold
from esitlik.training.models import RoleCategory, StaffMember

LANGUAGES = ("tr", "en")
# How directorates' names end, in match_key form; a sheet often leaves the ending out or
# writes another ("Sosyal Hizmetler Md.", "Sosyal Hizmetler Daire Başkanlığı").
_ENDINGS = re.compile(
    r"\s+(sube mudurlugu|dairesi baskanligi|daire baskanligi|baskanligi|mudurlugu|mudurluk|"
    r"mud|md|directorate|department)$"
)


def loose_directorate_key(name: str) -> str:
    return _ENDINGS.sub("", match_key(name))


class Directorates(PlanDirectorates):
    """The municipality's directorates, found by name in either language or by code."""

    def __init__(self, municipality: Municipality):
        super().__init__(municipality)
        self.loose: dict[str, list[Directorate]] = {}
        for directorate in self.all:
            keys = {loose_directorate_key(directorate.name.get(lang) or "") for lang in LANGUAGES}
            for key in keys - {""}:
                self.loose.setdefault(key, []).append(directorate)
        self.children: dict[int | None, list[int]] = {}
        for directorate in self.all:
            self.children.setdefault(directorate.parent_id, []).append(directorate.pk)

    def find(self, raw) -> Directorate | None:
        try:
            return super().find(raw)
        except CellError:
            value = cell_line(raw)
            if len(self.by_name.get(fold(value), [])) > 1:
                raise  # several directorates have exactly that name: the code tells them apart
        found = self.loose.get(loose_directorate_key(value), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise CellError(
                _(
                    "Several directorates fit “%(value)s” (%(names)s); write the full name or "
                    "the code."
                )
                % {"value": value, "names": ", ".join(localized(d.name) for d in found)}
            )
        raise CellError(
            _(
                "No directorate of this municipality is called “%(value)s”. Write its name or "
                "code as on the directorate list (the template's second sheet lists them)."
            )
            % {"value": value}
        )

    def within(self, directorate: Directorate) -> set[int]:
        """The directorate and every branch under it: a person of a branch works in it."""
        found, waiting = set(), [directorate.pk]
        while waiting:
            pk = waiting.pop()
            if pk not in found:
                found.add(pk)
                waiting.extend(self.children.get(pk, []))
        return found


class RoleCategories:
    """The municipality's role categories in use, by Turkish or English name."""

    def __init__(self, municipality: Municipality):
        self.items = list(RoleCategory.objects.filter(municipality=municipality, is_active=True))
        self.index: dict[str, RoleCategory] = {}
        for category in self.items:
            self.index.setdefault(category.key, category)
            for language in LANGUAGES:
                name = category.name.get(language) or ""
                for key in (tr_casefold(name), match_key(name)):
                    if key:
                        self.index.setdefault(key, category)

    def labels(self) -> list[str]:
        return [localized(category.name) for category in self.items]

    def find(self, raw) -> RoleCategory | None:
        if is_blank(raw):
            return None
        value = cell_line(raw)
        found = self.index.get(tr_casefold(value)) or self.index.get(match_key(value))
        if found is None:
            raise CellError(
                _("“%(value)s” is not a role category. Write one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(self.labels())}
            )
        return found


def sex_labels() -> list[str]:
    return [str(label) for label in Sex.labels]


def find_sex(raw) -> Sex | None:
    """A person's sex as written; None for an empty cell (not the same as "not stated")."""
    if is_blank(raw):
        return None
    found = sex_from_text(cell_line(raw))
    if found is None:
        raise CellError(
            _("“%(value)s” is not a sex. Write one of: %(choices)s (or K, E).")
            % {"value": cell_line(raw), "choices": ", ".join(sex_labels())}
        )
    return found


def number_key(text: str) -> str:
    """A staff number for comparing: no spaces, case aside, and "00123" is 123 (Excel drops
    leading zeros from a number typed in a cell)."""
    key = tr_casefold("".join(str(text).split()))
    return (key.lstrip("0") or "0") if key.isdigit() else key


def loose_name_key(name: str) -> str:
    """A name without case or Turkish letters: "AYSE YILMAZ", typed on a keyboard without
    them, for "Ayşe Yılmaz"."""
    return match_key(name)


@dataclass
class Found:
    """What a row's name or number found: one person, or why not."""

    person: StaffMember | None = None
    how: str = ""  # "number" or "name"
    candidates: tuple[StaffMember, ...] = ()  # several people fit: the row is ambiguous
    elsewhere: tuple[StaffMember, ...] = ()  # the name is known, in other directorates


class Staff:
    """The municipality's staff register, indexed by staff number and by name."""

    def __init__(self, municipality: Municipality):
        self.by_number: dict[str, StaffMember] = {}
        self.by_name: dict[str, list[StaffMember]] = {}
        self.by_loose: dict[str, list[StaffMember]] = {}
        people = StaffMember.objects.filter(municipality=municipality).select_related(
            "directorate", "role_category"
        )
        for person in people:
            self.add(person)

    def add(self, person: StaffMember) -> None:
        if person.staff_number:
            self.by_number[number_key(person.staff_number)] = person
        self.by_name.setdefault(person.name_key, []).append(person)
        self.by_loose.setdefault(loose_name_key(person.name), []).append(person)

    def by_staff_number(self, number: str) -> StaffMember | None:
        return self.by_number.get(number_key(number)) if number else None

    def named(self, name: str, within: set[int] | None) -> Found:
        """The person called ``name`` (in a directorate of ``within``, when given)."""
        people = self.by_name.get(tr_casefold(name)) or self.by_loose.get(loose_name_key(name), [])
        fitting = people if within is None else [p for p in people if p.directorate_id in within]
        if len(fitting) == 1:
            return Found(person=fitting[0], how="name")
        if len(fitting) > 1:
            return Found(candidates=tuple(fitting))
        return Found(elsewhere=tuple(people))


def directorate_name(directorate: Directorate | None) -> str:
    return localized(directorate.name) if directorate else "—"


def names_with_directorates(people) -> str:
    """ "Mehmet Demir (Park ve Bahçeler Müdürlüğü), …" in the order of the directorates."""
    shown = [f"{p.name} ({directorate_name(p.directorate)})" for p in people]
    return ", ".join(tr_sorted(shown, key=lambda text: text.split(" (", 1)[1]))
