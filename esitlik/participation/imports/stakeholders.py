"""Importing the stakeholder registry from a spreadsheet: one organisation per row.

Columns: name and type (required), neighbourhood, tags, notes. Contact people are never
imported: each person's consent has to be recorded for that person, on the stakeholder's page.

A name already in the registry (compared the Turkish way, case and spacing aside) is an error
on its row, unless the import was asked to update existing stakeholders: then the row changes
that stakeholder's type and, where its cells are filled, neighbourhood, tags and notes (an
empty cell keeps what is there). A name twice in the file is an error on the second row.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from esitlik.core.tabular import Column
from esitlik.core.text import tr_casefold
from esitlik.participation.imports.base import Cells, RowImporter
from esitlik.participation.imports.lookups import Choices, Neighbourhoods, Stakeholders
from esitlik.participation.models import Stakeholder
from esitlik.participation.stakeholders import stakeholder_create, stakeholder_update

COLUMNS = (
    Column(
        "name",
        pgettext_lazy("import", "Name"),
        aliases=(
            "Ad",
            "Adı",
            "Name",
            "Kurum",
            "Kurum adı",
            "Kuruluş",
            "Kuruluş adı",
            "Paydaş",
            "Paydaş adı",
            "Organisation",
            "Organization",
            "Stakeholder",
        ),
        required=True,
    ),
    Column(
        "kind",
        pgettext_lazy("import", "Type"),
        aliases=(
            "Tür",
            "Türü",
            "Paydaş türü",
            "Kurum türü",
            "Type",
            "Kind",
            "Stakeholder type",
            "Kategori",
            "Category",
        ),
        required=True,
    ),
    Column(
        "neighbourhood",
        pgettext_lazy("import", "Neighbourhood"),
        aliases=("Mahalle", "Mahallesi", "Neighbourhood", "Neighborhood"),
    ),
    Column(
        "tags",
        pgettext_lazy("import", "Tags"),
        aliases=("Etiketler", "Etiket", "Tags", "Tag", "Anahtar kelimeler"),
    ),
    Column(
        "notes",
        pgettext_lazy("import", "Notes"),
        aliases=("Notlar", "Not", "Açıklama", "Notes", "Note", "Description"),
    ),
)

# Other names offices give the types, beside the labels in both languages and the codes.
TYPE_ALIASES = {
    "public": ("Kamu", "Kamu kuruluşu", "Public", "Public body"),
    "ngo": ("Sivil toplum kuruluşu", "Dernek", "Vakıf", "Sivil toplum"),
    "women": ("Kadın örgütü", "Kadın derneği", "Kadın kuruluşu", "Women's NGO"),
    "university": ("Üniversite",),
    "bar": ("Baro",),
    "union": ("Sendika", "Trade union"),
    "international": ("Uluslararası", "International"),
    "headman": ("Muhtar", "Muhtarlık", "Headman", "Mahalle muhtarı"),
    "chamber": ("Meslek odası", "Oda", "Chamber"),
    "private": ("Özel", "Şirket", "Firma", "Company", "Private"),
    "city_council": ("Kent konseyi", "Kadın meclisi", "City council"),
    "other": ("Diğer",),
}
TYPES = Choices(
    Stakeholder.Kind,
    gettext_lazy("“%(value)s” is not a stakeholder type. Allowed types: %(choices)s."),
    TYPE_ALIASES,
)


class StakeholderRows(RowImporter):
    kind = "stakeholders"
    columns = COLUMNS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        options = self.options
        self.neighbourhoods = Neighbourhoods(
            self.municipality,
            by=self.by,
            add_missing=options.add_neighbourhoods and options.may_add_neighbourhoods,
            may_add=options.may_add_neighbourhoods,
        )
        self.registry = Stakeholders(self.municipality)
        self.seen: dict[str, int] = {}

    def apply(self, cells: Cells) -> str | None:
        name = cells.line("name")
        kind = cells.read("kind", TYPES.find)
        if kind is None and cells.ok:
            cells.problem(
                "kind",
                _("Give the stakeholder's type, one of: %(choices)s.")
                % {"choices": ", ".join(TYPES.labels())},
            )
        neighbourhood = cells.read("neighbourhood", self.neighbourhoods.find)
        tags, notes = cells.text("tags"), cells.text("notes")
        key, existing = tr_casefold(name), None
        if name and key in self.seen:
            cells.problem(
                "name",
                _("“%(name)s” is also on row %(row)s; list each stakeholder once.")
                % {"name": name, "row": self.seen[key]},
            )
        elif name:
            self.seen[key] = cells.row.number
            existing = self.registry.get(name)
        if existing is not None and not self.options.update_existing:
            cells.problem(
                "name",
                _(
                    "“%(name)s” is already in the registry. Leave the row out, or import with "
                    "“update existing stakeholders” to change it from the file."
                )
                % {"name": name},
            )
        if not cells.ok:
            return None
        if existing is not None:
            values = {"kind": kind}
            if neighbourhood is not None:
                values["neighbourhood"] = neighbourhood
            if tags:
                values["tags"] = tags
            if notes:
                values["notes"] = notes
            version = existing.version
            stakeholder_update(stakeholder=existing, by=self.by, **values)
            return "updated" if existing.version != version else "unchanged"
        stakeholder = stakeholder_create(
            municipality=self.municipality,
            name=name,
            kind=kind,
            by=self.by,
            neighbourhood=neighbourhood,
            tags=tags,
            notes=notes,
        )
        self.registry.add(stakeholder)
        return "created"
