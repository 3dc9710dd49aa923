"""Finding what a cell names: a listed value (a type, a kind, a target group), a
neighbourhood, a stakeholder, an event, a YEEP heading, a Charter article or a plan action.

Each finder reads one raw cell and returns what it names, or raises ``CellError`` saying what
was expected. Listed values are matched by their label in Turkish or English, by their code,
or by a few other names people use, ignoring case and Turkish accents (``match_key``); names
of records are matched the Turkish way (``tr_casefold``) and, when that finds nothing, without
accents as long as only one record fits.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import in_language
from esitlik.core.models import Municipality, Neighbourhood
from esitlik.core.neighbourhoods import (
    neighbourhood_create,
    neighbourhood_key,
    neighbourhood_lookup,
)
from esitlik.core.tabular import CellError, cell_date, cell_line, is_blank, match_key
from esitlik.core.text import tr_casefold
from esitlik.participation.models import Event, Stakeholder
from esitlik.participation.selectors import charter_articles, headings, linkable_actions

LANGUAGES = ("tr", "en")
# Several values in one cell: semicolons, commas or line breaks.
SEPARATORS = re.compile(r"[;,\n]+")


def split_cell(raw) -> list[str]:
    if is_blank(raw):
        return []
    return [" ".join(part.split()) for part in SEPARATORS.split(str(raw)) if part.strip()]


class Choices:
    """The values of a ``TextChoices``, found by label (Turkish or English), code or alias.

    ``unknown`` is the message for a value not in the list; it gets ``value`` and
    ``choices`` (the labels in the user's language)."""

    def __init__(self, choices, unknown, aliases: dict[str, tuple[str, ...]] | None = None):
        self.choices = choices
        self.unknown = unknown
        self.index: dict[str, str] = {}
        for value, label in choices.choices:
            names = [value, *(in_language(label, lang) for lang in LANGUAGES)]
            for name in [*names, *(aliases or {}).get(value, ())]:
                self.index.setdefault(match_key(name), value)

    def labels(self, language: str | None = None) -> list[str]:
        if language:
            return [in_language(label, language) for label in self.choices.labels]
        return [str(label) for label in self.choices.labels]

    def _error(self, value: str) -> CellError:
        return CellError(self.unknown % {"value": value, "choices": ", ".join(self.labels())})

    def find(self, raw) -> str | None:
        if is_blank(raw):
            return None
        value = cell_line(raw)
        found = self.index.get(match_key(value))
        if found is None:
            raise self._error(value)
        return found

    def find_many(self, raw) -> list[str]:
        """Several values in one cell. A survey tool's multiple choice arrives as its codes
        separated by spaces ("women elderly"); that is read too."""
        found: list[str] = []
        for part in split_cell(raw):
            value = self.index.get(match_key(part))
            if value is not None:
                values = [value]
            else:
                words = [self.index.get(match_key(word)) for word in part.split()]
                if len(words) < 2 or None in words:
                    raise self._error(part)
                values = words
            found.extend(v for v in values if v not in found)
        return found


def _loose_neighbourhood_key(name: str) -> str:
    """A neighbourhood's name without accents or its "Mahallesi": "CAMLIBEL MAHALLESI" is
    Çamlıbel, typed on a keyboard without Turkish letters."""
    key = match_key(name)
    for suffix in (" mahallesi", " mahalle", " mah"):
        key = key.removesuffix(suffix)
    return key


class Neighbourhoods:
    """The municipality's neighbourhood list. A name not on it is an error, unless the import
    may add missing ones: then it is added (through ``neighbourhood_create``, so audited)."""

    def __init__(self, municipality: Municipality, *, by, add_missing: bool, may_add: bool):
        self.municipality, self.by = municipality, by
        self.add_missing, self.may_add = add_missing, may_add
        self.table = neighbourhood_lookup(municipality)
        self.loose: dict[str, Neighbourhood | None] = {}
        for key, row in self.table.items():
            loose = _loose_neighbourhood_key(key)
            self.loose[loose] = None if loose in self.loose and self.loose[loose] != row else row
        self.added: list[Neighbourhood] = []
        self._row_added: list[tuple[str, Neighbourhood]] = []

    def find(self, raw) -> Neighbourhood | None:
        if is_blank(raw):
            return None
        name = cell_line(raw)
        key = neighbourhood_key(name)
        if key in self.table:
            found = self.table[key]
        else:
            found = self.loose.get(_loose_neighbourhood_key(name), False)
            if found is False:
                return self._missing(name, key)
        if found is None:
            raise CellError(
                _(
                    "More than one neighbourhood is called “%(value)s”; write its district in "
                    "brackets: “%(value)s (District)”."
                )
                % {"value": name}
            )
        return found

    def _missing(self, name: str, key: str) -> Neighbourhood:
        if not self.add_missing:
            if self.may_add:
                message = _(
                    "“%(value)s” is not on the municipality's neighbourhood list. Check the "
                    "spelling, or tick “Add missing neighbourhoods” to add it."
                )
            else:
                message = _(
                    "“%(value)s” is not on the municipality's neighbourhood list. Check the "
                    "spelling, or ask the equality unit to add it to the list."
                )
            raise CellError(message % {"value": name})
        try:
            row = neighbourhood_create(municipality=self.municipality, name=name, by=self.by)
        except ValidationError as error:
            raise CellError(" ".join(error.messages)) from None
        self.table[key] = row
        self.added.append(row)
        self._row_added.append((key, row))
        return row

    def row_done(self, ok: bool) -> None:
        """Forget the neighbourhoods a failed row added: its savepoint took them back."""
        if not ok:
            for key, row in self._row_added:
                self.table.pop(key, None)
                self.added.remove(row)
        self._row_added = []


class Stakeholders:
    """The stakeholder registry, by name."""

    def __init__(self, municipality: Municipality):
        self.by_name: dict[str, Stakeholder] = {}
        self.loose: dict[str, Stakeholder | None] = {}
        for row in Stakeholder.objects.filter(municipality=municipality):
            self.add(row)

    def add(self, row: Stakeholder) -> None:
        self.by_name[tr_casefold(row.name)] = row
        loose = match_key(row.name)
        self.loose[loose] = None if loose in self.loose else row

    def get(self, name: str) -> Stakeholder | None:
        return self.by_name.get(tr_casefold(name))

    def find(self, raw) -> Stakeholder | None:
        if is_blank(raw):
            return None
        name = cell_line(raw)
        found = self.get(name) or self.loose.get(match_key(name))
        if found is None:
            raise CellError(
                _(
                    "No stakeholder in the registry is called “%(value)s”. Write the name as it "
                    "is in the registry, or add the stakeholder first."
                )
                % {"value": name}
            )
        return found


class Events:
    """The municipality's events, by exact title (case and spacing aside), by title and date
    "Title (14.03.2026)" when two share a title, or by number."""

    def __init__(self, municipality: Municipality):
        self.events = list(Event.objects.filter(municipality=municipality))
        self.by_id = {event.pk: event for event in self.events}
        self.by_title: dict[str, list[Event]] = {}
        for event in self.events:
            self.by_title.setdefault(tr_casefold(event.title), []).append(event)

    def find(self, raw) -> Event | None:
        if is_blank(raw):
            return None
        value = cell_line(raw)
        matches = self.by_title.get(tr_casefold(value), [])
        if not matches and (dated := re.fullmatch(r"(.*?)\s*\(([^()]+)\)", value)):
            try:
                day = cell_date(dated[2])
            except CellError:
                day = None
            matches = [
                event
                for event in self.by_title.get(tr_casefold(dated[1]), [])
                if day is not None and timezone.localtime(event.starts_at).date() == day
            ]
        if not matches and value.lstrip("#").isdigit():
            event = self.by_id.get(int(value.lstrip("#")))
            matches = [event] if event else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellError(
                _(
                    "More than one event is called “%(value)s”; write its date after the title, "
                    "e.g. “%(example)s”, or choose the event on the import page."
                )
                % {
                    "value": value,
                    "example": f"{matches[0].title} ({matches[0].starts_at:%d.%m.%Y})",
                }
            )
        raise CellError(
            _(
                "No event of this municipality is called “%(value)s”. Record the event first, "
                "or choose it on the import page for every row."
            )
            % {"value": value}
        )


class Headings:
    """The six YEEP headings, by code ("5"), title, or both ("5 Kadına yönelik şiddet")."""

    def __init__(self):
        self.items = list(headings())
        self.index = {}
        for item in self.items:
            self.index[match_key(item.code)] = item
            for language in LANGUAGES:
                if title := item.title.get(language):
                    self.index.setdefault(match_key(title), item)
                    self.index.setdefault(match_key(f"{item.code} {title}"), item)

    def find(self, raw):
        if is_blank(raw):
            return None
        value = cell_line(raw)
        found = self.index.get(match_key(value))
        if found is None:
            raise CellError(
                _("“%(value)s” is not a YEEP heading. Write its number or title: %(choices)s.")
                % {"value": value, "choices": ", ".join(str(item) for item in self.items)}
            )
        return found


class Articles:
    """Articles of the Charter, by number ("22", "Madde 22", "22. Toplumsal…"). Where the
    municipality has not recorded which edition it signed, the edition listed first wins."""

    def __init__(self, municipality: Municipality):
        self.by_code = {}
        for item in charter_articles(municipality):
            self.by_code.setdefault(item.code, item)

    def find(self, raw):
        if is_blank(raw):
            return None
        value = cell_line(raw)
        number = re.match(r"(?:madde|md|article|art)?\s*(\d+)\b", match_key(value))
        found = self.by_code.get(str(int(number[1]))) if number else None
        if found is None:
            raise CellError(
                _("“%(value)s” is not an article of the Charter; write its number (1–%(last)s).")
                % {"value": value, "last": len(self.by_code)}
            )
        return found


class Actions:
    """Actions of the municipality's current plans, by code ("2.3.1"); "2.3.1 (3)" names
    the action of the third edition when several plans have that code."""

    def __init__(self, municipality: Municipality):
        self.by_code: dict[str, list] = {}
        for action in linkable_actions(municipality):
            self.by_code.setdefault(action.code, []).append(action)

    def _one(self, part: str):
        # "2.3.1", "2.3.1 (3)", or a line copied from the template's list, title and all.
        found = re.match(r"\s*(\d+(?:\s*\.\s*\d+)*)\.?\s*(?:\((\d+)\))?", part)
        if found is None:
            raise CellError(
                _("Write the action's code, e.g. 2.3.1; “%(value)s” is not one.") % {"value": part}
            )
        code = "".join(found[1].split())
        edition = int(found[2]) if found[2] else None
        actions = self.by_code.get(code, [])
        if edition is not None:
            actions = [a for a in actions if a.objective.aim.plan.edition == edition]
        if len(actions) == 1:
            return actions[0]
        if actions:
            raise CellError(
                _(
                    "Action %(code)s is in more than one plan (editions %(editions)s); write the "
                    "edition in brackets, e.g. “%(code)s (%(edition)s)”."
                )
                % {
                    "code": code,
                    "editions": ", ".join(str(a.objective.aim.plan.edition) for a in actions),
                    "edition": actions[0].objective.aim.plan.edition,
                }
            )
        raise CellError(
            _("There is no action %(code)s in the municipality's current plans.") % {"code": code}
        )

    def find_many(self, raw) -> list:
        found = []
        for part in split_cell(raw):
            action = self._one(part)
            if action not in found:
                found.append(action)
        return found
