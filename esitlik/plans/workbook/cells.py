"""Reading one cell the way people fill in Excel, and writing it back the same way.

A cell may hold what Excel stored (a number, a date, a boolean) or what someone typed as text
("31.12.2026", "12.500,50", "Evet"); both are accepted. What cannot be read raises
:class:`CellError` with a message in the user's language; nothing is guessed silently.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import in_language, localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.numbers import parse_amount
from esitlik.core.selectors import directorate_tree
from esitlik.core.tabular import CellError, cell_date, is_blank
from esitlik.frameworks.models import FrameworkItem
from esitlik.plans.workbook.columns import LANGUAGES, fold

# Several values in one cell: semicolons or line breaks. Commas are left alone because
# organisations' names contain them ("Kadın Dayanışma Vakfı, İzmir Şubesi").
SEPARATORS = re.compile(r"[;\n]+")
YES_LABEL, NO_LABEL = gettext_lazy("Yes"), gettext_lazy("No")
YES = {"evet", "e", "yes", "y", "1", "true", "doğru", "x", "✓"}
NO = {"hayır", "h", "no", "n", "0", "false", "yanlış"}


def as_text(raw) -> str:
    """A cell's value as the user would recognise it: 12 rather than 12.0, 31.12.2026."""
    if is_blank(raw):
        return ""
    if isinstance(raw, bool):
        return yes_no(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime | date):
        return raw.strftime("%d.%m.%Y")
    return str(raw).strip()


def shown(raw) -> str:
    """A cell's value, shortened for a message."""
    value = as_text(raw)
    return value if len(value) <= 100 else value[:99] + "…"


def text(raw) -> str:
    """Text with stray spaces and line breaks collapsed, as titles are shown on one line."""
    return " ".join(as_text(raw).split())


def code(raw) -> str:
    """A row's code. Excel turns a typed 1.2 into a number; it is read back as "1.2"."""
    if is_blank(raw):
        return ""
    if isinstance(raw, float):
        value = str(int(raw)) if raw.is_integer() else repr(raw)
    else:
        value = "".join(str(raw).split())
    value = value.rstrip(".").replace("g", "G")
    # "01.02" means 1.2: numbers are compared, not their spelling.
    return re.sub(r"\d+", lambda m: str(int(m[0])), value)


def to_date(raw) -> date | None:
    """Read as every import reads a date (``core.tabular.cell_date``)."""
    return cell_date(raw)


def number(raw) -> Decimal | None:
    """An amount or a measured value: "12.500,50", "12,500.50", or what Excel stored."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool) or isinstance(raw, datetime | date):
        raise CellError(_("Write a number such as 12.500,50."))
    if isinstance(raw, int | float):
        # str() of a float is its shortest exact spelling: 0.1 stays 0.1, not 0.1000000000000000055.
        value = Decimal(str(raw))
    else:
        try:
            text = str(raw).strip().removesuffix("%").strip()
            value = parse_amount(text, get_language() or "tr")
        except ValueError:
            raise CellError(_("Write a number such as 12.500,50.")) from None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        # Larger than any amount or figure the plan stores (14 digits).
        raise CellError(_("Write a number such as 12.500,50."))
    # "4.000" read as four in English has three decimals that say nothing; 4 is what is meant.
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def integer(raw, low: int | None = None, high: int | None = None) -> int | None:
    if is_blank(raw):
        return None
    message = _("Write a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
    try:
        value = number(raw)
    except CellError:
        raise CellError(message) from None
    try:
        whole = int(value)
    except (InvalidOperation, ValueError):
        raise CellError(message) from None
    if value != whole or (low is not None and whole < low) or (high is not None and whole > high):
        raise CellError(message)
    return whole


def boolean(raw) -> bool:
    """Yes or no; an empty cell is no, as an unticked box is."""
    if is_blank(raw):
        return False
    if isinstance(raw, bool):
        return raw
    value = fold(as_text(raw))
    if value in YES | {fold(in_language(YES_LABEL, lang)) for lang in LANGUAGES}:
        return True
    if value in NO | {fold(in_language(NO_LABEL, lang)) for lang in LANGUAGES}:
        return False
    raise CellError(_("Write Yes or No."))


def yes_no(value: bool) -> str:
    return str(YES_LABEL if value else NO_LABEL)


def _choice_index(choices) -> dict[str, str]:
    index = {}
    for value, label in choices.choices:
        index[fold(value)] = value
        for language in LANGUAGES:
            index[fold(in_language(label, language))] = value
    return index


def _listed(choices) -> str:
    return ", ".join(str(label) for label in choices.labels)


def choice(raw, choices) -> str | None:
    """A choice given by its label in Turkish or English, or by its stored value."""
    if is_blank(raw):
        return None
    value = _choice_index(choices).get(fold(as_text(raw)))
    if value is None:
        raise CellError(
            _("“%(value)s” is not in the list. Choose one of: %(choices)s.")
            % {"value": shown(raw), "choices": _listed(choices)}
        )
    return value


def split(raw) -> list[str]:
    if is_blank(raw):
        return []
    return [" ".join(part.split()) for part in SEPARATORS.split(str(raw)) if part.strip()]


def choice_list(raw, choices) -> list[str]:
    index = _choice_index(choices)
    values = []
    for part in split(raw):
        # Choice labels hold no commas, so a comma between them is a separator too.
        for item in (p.strip() for p in part.split(",")):
            value = index.get(fold(item)) if item else None
            if item and value is None:
                raise CellError(
                    _(
                        "“%(value)s” is not in the list. Choose from: %(choices)s; separate "
                        "several with semicolons."
                    )
                    % {"value": item, "choices": _listed(choices)}
                )
            if value and value not in values:
                values.append(value)
    return values


class Directorates:
    """The municipality's directorates, found by name in either language or by code."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality
        self.all = list(Directorate.objects.filter(municipality=municipality))
        self.by_name: dict[str, list[Directorate]] = {}
        self.by_code = {fold(d.code): d for d in self.all if d.code}
        for directorate in self.all:
            names = {fold(directorate.name.get(lang) or "") for lang in LANGUAGES}
            for name in names - {""}:
                self.by_name.setdefault(name, []).append(directorate)

    def label(self, directorate: Directorate | None) -> str:
        """The name in the active language, with the code in brackets when the name alone
        would not tell the directorate from another one."""
        if directorate is None:
            return ""
        name = localized(directorate.name)
        if len(self.by_name.get(fold(name), [])) > 1 and directorate.code:
            return f"{name} ({directorate.code})"
        return name

    def labels(self) -> list[str]:
        """Active directorates in tree order: what a cell may choose from."""
        tree = directorate_tree(self.municipality, active_only=True)
        return [self.label(row.directorate) for row in tree]

    def find(self, raw) -> Directorate | None:
        if is_blank(raw):
            return None
        value = as_text(raw)
        folded = fold(value)
        if bracket := re.fullmatch(r"(.*?)\s*\(([^()]+)\)", folded):
            if found := self.by_code.get(bracket[2].strip()):
                return found
        matches = self.by_name.get(folded, [])
        if len(matches) == 1:
            return matches[0]
        if folded in self.by_code:
            return self.by_code[folded]
        if matches:
            raise CellError(
                _(
                    "Several directorates are called “%(value)s”; write the code of the one you "
                    "mean in brackets after its name."
                )
                % {"value": value}
            )
        raise CellError(
            _("No directorate of this municipality is called “%(value)s”.") % {"value": value}
        )

    def find_list(self, raw) -> list[Directorate]:
        found = []
        for part in split(raw):
            directorate = self.find(part)
            if directorate not in found:
                found.append(directorate)
        return found


class Headings:
    """The six YEEP headings, found by code ("5"), title or both ("5 Kadına yönelik şiddet")."""

    def __init__(self):
        self.items = list(
            FrameworkItem.objects.filter(
                kind=FrameworkItem.Kind.HEADING, framework__municipality__isnull=True
            ).order_by("position")
        )
        self.index: dict[str, FrameworkItem] = {}
        for item in self.items:
            self.index[fold(item.code)] = item
            for language in LANGUAGES:
                title = item.title.get(language) or ""
                if title:
                    self.index[fold(title)] = item
                    self.index[fold(f"{item.code} {title}")] = item

    @staticmethod
    def label(item: FrameworkItem | None) -> str:
        return str(item) if item is not None else ""

    def labels(self) -> list[str]:
        return [self.label(item) for item in self.items]

    def find(self, raw) -> FrameworkItem | None:
        if is_blank(raw):
            return None
        found = self.index.get(fold(as_text(raw)).rstrip("."))
        if found is None:
            raise CellError(
                _("“%(value)s” is not a YEEP heading. Choose one of: %(choices)s.")
                % {"value": shown(raw), "choices": ", ".join(self.labels())}
            )
        return found
