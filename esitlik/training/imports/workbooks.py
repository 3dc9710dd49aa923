"""The empty sign-in sheet an attendance import starts from.

Its first sheet has the Turkish headings (staff number, name, directorate, role category,
sex, signature) with room to print and sign; the staff number column is text, so "00123"
keeps its zeros. Sex offers a drop-down of its four values; directorate and role category
offer the lists on the second sheet, as a warning only, because the import also reads codes,
English names and "K"/"E".
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.selectors import directorate_tree
from esitlik.core.sex import Sex
from esitlik.core.xlsx import header_row, put, sheet_name, to_bytes
from esitlik.training.imports.attendance import COLUMNS, SIGNATURE
from esitlik.training.models import RoleCategory

# Drop-downs and the text format reach this far down: a long sign-in sheet.
ROWS = 500
ORDER = ("staff_number", "name", "directorate", "role", "sex")
WIDTHS = {"staff_number": 14, "name": 32, "directorate": 36, "role": 26, "sex": 14}


def template_workbook(municipality: Municipality) -> bytes:
    """An empty sign-in sheet with Turkish headings and the municipality's lists."""
    columns = {column.key: column for column in COLUMNS}
    with translation.override("tr"):
        book = Workbook()
        ws = book.active
        ws.title = sheet_name(_("Attendance list"))
        headers = [columns[key].header() for key in ORDER] + [str(SIGNATURE)]
        header_row(ws, headers)
        for position, key in enumerate(ORDER, start=1):
            ws.column_dimensions[get_column_letter(position)].width = WIDTHS[key]
        ws.column_dimensions[get_column_letter(len(ORDER) + 1)].width = 24
        for row in range(2, ROWS + 1):
            ws.cell(row=row, column=1).number_format = "@"

        lists = book.create_sheet(sheet_name(_("Lists")))
        header_row(lists, [columns["directorate"].header(), _("Code"), columns["role"].header()])
        directorates = [row.directorate for row in directorate_tree(municipality, active_only=True)]
        for row, directorate in enumerate(directorates, start=2):
            put(lists, row, 1, localized(directorate.name))
            put(lists, row, 2, directorate.code)
        categories = RoleCategory.objects.filter(municipality=municipality, is_active=True)
        categories = [localized(category.name) for category in categories]
        for row, name in enumerate(categories, start=2):
            put(lists, row, 3, name)
        for letter, width in (("A", 44), ("B", 10), ("C", 30)):
            lists.column_dimensions[letter].width = width
        lists.protection.sheet = True

        def letter_of(key: str) -> str:
            return get_column_letter(ORDER.index(key) + 1)

        sexes = ",".join(str(label) for label in Sex.labels)
        ws.add_data_validation(_drop_down(f'"{sexes}"', letter_of("sex"), columns["sex"].header()))
        quoted = lists.title.replace("'", "''")
        if directorates:
            ws.add_data_validation(
                _drop_down(
                    f"'{quoted}'!$A$2:$A${len(directorates) + 1}",
                    letter_of("directorate"),
                    columns["directorate"].header(),
                )
            )
        if categories:
            ws.add_data_validation(
                _drop_down(
                    f"'{quoted}'!$C$2:$C${len(categories) + 1}",
                    letter_of("role"),
                    columns["role"].header(),
                )
            )
        book.properties.creator = "esitlik"
        return to_bytes(book)


def _drop_down(source: str, letter: str, title: str) -> DataValidation:
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        # A warning, not a refusal: the import also reads codes, English names and K/E.
        errorStyle="warning",
        errorTitle=title[:32],
        error=_("Choose a value from the list.")[:255],
    )
    validation.add(f"{letter}2:{letter}{ROWS}")
    return validation
