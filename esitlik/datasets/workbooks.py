"""Template workbooks, one per kind of dataset: the columns under their Turkish headings (what
directorates type), and a second sheet saying what each column takes.

Generated from ``kinds.SPECS``, so a column added there appears here. Counted kinds get the
wide shape most directorates keep (a column per sex and a total); the sheet of notes says
that a sex column with a count column works as well."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from esitlik.core.sex import Sex
from esitlik.core.xlsx import add_table, new_book, put, to_bytes
from esitlik.datasets import vocab
from esitlik.datasets.dimensions import spec_for, value_lists
from esitlik.datasets.kinds import SPECS, WIDE_SEX_KEYS, FieldType, Kind

_CHOICES = {
    FieldType.SEX: Sex,
    FieldType.DISABILITY: vocab.Disability,
    FieldType.MIGRATION: vocab.Migration,
    FieldType.OUTCOME: vocab.Outcome,
    FieldType.BODY: vocab.DecisionBody,
    FieldType.EQUALITY_TAG: vocab.EqualityTag,
}

# File names people recognise: "hizmet-kayitlari-sablonu".
_NAMES = {
    Kind.SERVICE_RECORDS: "hizmet-kayitlari",
    Kind.SERVICE_COUNTS: "hizmet-sayilari",
    Kind.WORKFORCE: "calisanlar",
    Kind.DECISION_MAKERS: "karar-organlari",
    Kind.POPULATION: "nufus",
    Kind.BUDGET: "butce",
}


def template_name(kind: Kind) -> str:
    return f"{_NAMES[kind]}-sablonu"


def _takes(field, allowed: dict | None = None) -> str:
    """What a column accepts, in a sentence (``allowed``: a dimension's values)."""
    kind = field.type
    if kind == FieldType.DIMENSION:
        if allowed:
            return _("One of: %(values)s.") % {"values": ", ".join(allowed.values())}
        return _("Text, kept as written.")
    if kind in _CHOICES:
        return _("One of: %(values)s.") % {
            "values": ", ".join(str(choice.label) for choice in _CHOICES[kind])
        }
    return {
        FieldType.SERVICE: _("The service's name or code as in the service catalogue."),
        FieldType.DIRECTORATE: _("The directorate's name or code."),
        FieldType.NEIGHBOURHOOD: _("The neighbourhood's name as in the neighbourhood list."),
        FieldType.DATE: _("A date: 15.03.2024, 2024-03-15 or an Excel date."),
        FieldType.YEAR: _("A year, e.g. 2024."),
        FieldType.AGE: _("Age in whole years."),
        FieldType.BIRTH_YEAR: _("Year of birth, e.g. 1985."),
        FieldType.AGE_BAND: _("A five-year band: %(bands)s.")
        % {"bands": ", ".join(vocab.AGE_BANDS)},
        FieldType.COUNT: _("A whole number, 0 or more."),
        FieldType.AMOUNT: _("An amount in TL: 12.500,50 or 12500.50."),
        FieldType.TEXT: _("Text, kept as written."),
    }.get(kind, "")


def template_workbook(kind: Kind, municipality_id: int | None = None) -> bytes:
    """The blank workbook of ``kind``, with the municipality's own dimensions when given."""
    spec = spec_for(municipality_id, kind) if municipality_id else SPECS[kind]
    allowed = value_lists(municipality_id, kind) if municipality_id else {}
    fields = list(spec.fields)
    if spec.counts_by_sex:
        # The wide shape: no sex or count column, a column per sex and the total instead.
        fields = [f for f in fields if f.key not in ("sex", "count")] + [
            spec.field(key) for key in WIDE_SEX_KEYS
        ]
    book = new_book()
    with translation.override("tr"):
        headings = [field.column.header() for field in fields]
        add_table(book, "Veri", headings, [], widths=[max(14, len(h) + 4) for h in headings])
        notes = []
        for field in spec.all_fields():
            required = _("required") if field.column.required else ""
            notes.append(
                [
                    field.column.header(),
                    required,
                    _takes(field, allowed.get(field.key)),
                    ", ".join(n for n in field.column.names() if n != field.column.header()),
                ]
            )
        add_table(
            book,
            "Açıklama",
            [_("Column"), _("Required"), _("What it takes"), _("Also accepted as heading")],
            notes,
            widths=[28, 12, 70, 60],
        )
        if spec.counts_by_sex:
            ws = book["Açıklama"]
            put(
                ws,
                len(notes) + 3,
                1,
                _(
                    "Counts by sex: either a column per sex (Kadın, Erkek, Diğer, Belirtilmemiş) "
                    "and Toplam, as on the first sheet, or a Cinsiyet column and a Sayı column, "
                    "one row per sex."
                ),
            )
    return to_bytes(book)
