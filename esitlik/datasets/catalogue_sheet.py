"""Adding many services at once, from a table pasted from Excel or a CSV/XLSX file: name,
English name, directorate, code, sensitive, open to (women, men, or everyone when empty).

All or nothing: every row is checked first, and the services are added in one transaction
only when no row has a problem. A row whose service is already in the catalogue is not added
again; the preview lists it as such, so nothing the user typed disappears unsaid."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from esitlik.core.i18n_text import in_language, localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.tabular import (
    Column,
    Limits,
    TableRefused,
    cell_line,
    match_columns,
    match_key,
    read_table,
    shown,
)
from esitlik.datasets.catalogue import service_create, service_key
from esitlik.datasets.models import Service

COLUMNS = [
    Column("name", gettext_lazy("Service"), ("hizmet adı", "hizmet", "ad", "adı", "name"), True),
    Column("name_en", gettext_lazy("English name"), ("ingilizce ad", "ingilizce", "english")),
    Column(
        "directorate",
        gettext_lazy("Directorate"),
        ("müdürlük", "birim", "daire başkanlığı", "department", "unit"),
        True,
    ),
    Column("code", gettext_lazy("Code"), ("kod", "hizmet kodu", "service code")),
    Column("sensitive", gettext_lazy("Sensitive"), ("hassas", "hassas mı")),
    Column(
        "single_sex",
        gettext_lazy("Open to"),
        ("kime açık", "tek cinsiyet", "single sex"),
    ),
]
YES = {"evet", "e", "var", "x", "1", "yes", "y", "true", "hassas", "sensitive"}
NO = {"hayir", "h", "yok", "0", "no", "n", "false", ""}
# "Open to", as people write it (compared with match_key): Kadın/Erkek as K/E on Turkish forms,
# W/M or F/M in English ones; empty means everyone. The model's own labels ("yalnızca
# kadınlar", "women only"…) in both languages are added by _single_sex_values.
SINGLE_SEX = {
    "women": {
        "k", "kadin", "kadinlar", "kadinlara", "yalniz kadinlar", "sadece kadinlar",
        "w", "f", "woman", "women", "female", "females", "women only", "only women",
    },
    "men": {
        "e", "erkek", "erkekler", "erkeklere", "yalniz erkekler", "sadece erkekler",
        "m", "man", "men", "male", "males", "men only", "only men",
    },
    "": {
        "", "herkes", "herkese", "hepsi", "karma", "kadin ve erkek", "kadin erkek",
        "everyone", "all", "both", "mixed", "women and men", "men and women",
    },
}  # fmt: skip
SINGLE_SEX_WRITTEN = {"women": "kadınlar", "men": "erkekler", "": ""}
LIMITS = Limits(max_rows=2000)


@dataclass
class Row:
    number: int
    name: dict
    directorate: Directorate | None
    code: str
    sensitive: bool
    single_sex: str = ""
    existing: Service | None = None

    @property
    def single_sex_label(self) -> str:
        return dict(Service._meta.get_field("single_sex").choices)[self.single_sex]


@dataclass
class Sheet:
    rows: list[Row] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    refusal: str = ""
    added: list[Service] = field(default_factory=list)

    @property
    def new(self) -> list[Row]:
        return [row for row in self.rows if row.existing is None]

    @property
    def existing(self) -> list[Row]:
        return [row for row in self.rows if row.existing is not None]

    def as_text(self) -> str:
        """The rows to add as a tab-separated table with headings, carried by the preview's
        confirmation so exactly what was checked is added."""
        lines = ["\t".join(str(c.header("tr")) for c in COLUMNS)]
        for row in self.new:
            lines.append(
                "\t".join(
                    [
                        row.name["tr"],
                        row.name.get("en", ""),
                        row.directorate.code or localized(row.directorate.name, "tr"),
                        row.code,
                        "evet" if row.sensitive else "hayır",
                        SINGLE_SEX_WRITTEN[row.single_sex],
                    ]
                )
            )
        return "\n".join(lines) + "\n"


def _directorates(municipality: Municipality) -> dict[str, list[Directorate]]:
    table: dict[str, list[Directorate]] = {}
    for directorate in Directorate.objects.filter(municipality=municipality):
        names = {*directorate.name.values(), directorate.code}
        for key in {match_key(name) for name in names if name}:
            table.setdefault(key, []).append(directorate)
    return table


def _single_sex_values() -> dict[str, str]:
    """match_key of every way to write "open to" → the stored value."""
    values = {written: stored for stored, keys in SINGLE_SEX.items() for written in keys}
    for stored, label in Service._meta.get_field("single_sex").choices:
        for language in ("tr", "en"):
            values.setdefault(match_key(in_language(label, language)), stored)
    return values


def read_sheet(municipality: Municipality, data: bytes, file_name: str) -> Sheet:
    """Check every row of the table; nothing is written."""
    sheet = Sheet()
    try:
        table = read_table(data, file_name, limits=LIMITS)
        columns = match_columns(table, COLUMNS)
    except TableRefused as refusal:
        sheet.refusal = str(refusal)
        return sheet
    directorates = _directorates(municipality)
    known = {s.key: s for s in Service.objects.filter(municipality=municipality)}
    seen: dict[str, int] = {}
    single_sex_values = _single_sex_values()

    def problem(row, key, message):
        sheet.problems.append(
            {
                "row": row.number,
                "column": columns.header(key),
                "letter": columns.letter(key),
                "value": shown(columns.value(row, key)),
                "message": message,
            }
        )

    for raw in table.rows:
        name_tr = cell_line(columns.value(raw, "name"))
        name_en = cell_line(columns.value(raw, "name_en"))
        written = cell_line(columns.value(raw, "directorate"))
        code = cell_line(columns.value(raw, "code"))
        sensitive_text = match_key(cell_line(columns.value(raw, "sensitive")))
        single_sex_text = match_key(cell_line(columns.value(raw, "single_sex")))
        if not any((name_tr, name_en, written, code)):
            continue  # a row left empty between others
        if not name_tr:
            problem(raw, "name", _("Give the service's Turkish name."))
            continue
        found = directorates.get(match_key(written), []) if written else []
        if len(found) != 1:
            problem(
                raw,
                "directorate",
                _("Write the name or code of one of the municipality's directorates.")
                if not found
                else _("Two directorates are called so; write the directorate's code."),
            )
            continue
        if sensitive_text not in YES | NO:
            problem(raw, "sensitive", _("Write yes or no (evet or hayır)."))
            continue
        if single_sex_text not in single_sex_values:
            problem(
                raw,
                "single_sex",
                _(
                    "Write who may use the service: women (kadınlar), men (erkekler), or "
                    "leave the cell empty when it is open to everyone."
                ),
            )
            continue
        name = {"tr": name_tr, **({"en": name_en} if name_en else {})}
        key = service_key(name)
        if key in seen:
            problem(
                raw,
                "name",
                _("Row %(row)s already names this service; keep one of the two.")
                % {"row": seen[key]},
            )
            continue
        seen[key] = raw.number
        sheet.rows.append(
            Row(
                raw.number,
                name,
                found[0],
                code,
                sensitive_text in YES,
                single_sex_values[single_sex_text],
                known.get(key),
            )
        )
    return sheet


class _RollBack(Exception):
    pass


def services_add(*, municipality: Municipality, data: bytes, file_name: str, by) -> Sheet:
    """Add the sheet's new services, all or none. A service the catalogue refuses (a code
    already taken…) becomes a problem of its row and nothing is added."""
    sheet = read_sheet(municipality, data, file_name)
    if sheet.refusal or sheet.problems:
        return sheet
    try:
        with transaction.atomic():
            for row in sheet.new:
                try:
                    sheet.added.append(
                        service_create(
                            municipality=municipality,
                            directorate=row.directorate,
                            name=row.name,
                            code=row.code,
                            sensitive=row.sensitive,
                            single_sex=row.single_sex,
                            by=by,
                        )
                    )
                except ValidationError as error:
                    for message in error.messages:
                        sheet.problems.append(
                            {
                                "row": row.number,
                                "column": "",
                                "letter": "",
                                "value": row.name["tr"],
                                "message": message,
                            }
                        )
            if sheet.problems:
                raise _RollBack
    except _RollBack:
        sheet.added = []
    return sheet
