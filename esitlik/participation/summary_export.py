"""The participation summary as an XLSX workbook in the active language: a sheet with the
filters used, a sheet of key figures with the press sentences, then one sheet per table of
the summary page. Counts are numbers and shares are fractions shown as percentages, so the
figures can be summed and charted in Excel. Contact people are never read here."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from esitlik.core.xlsx import add_table, new_book, put, to_bytes
from esitlik.participation.press import press_sentence
from esitlik.participation.summary import Summary

PERCENT = "0%"
DAY = "DD.MM.YYYY"


def _table(book, title: str, first_header: str, rows, base_header: str, note: str = "") -> None:
    """A sheet of label, count and share; ``note`` goes two rows under the table."""
    ws = add_table(
        book,
        title,
        [first_header, _("Count"), base_header],
        [[row.label, row.count, row.share] for row in rows],
        widths=[48, 12, 14],
        formats={3: PERCENT},
    )
    if note:
        put(ws, len(rows) + 3, 1, note)


def _filters(book, summary: Summary, municipality) -> None:
    filters = summary.filters
    rows = [
        [_("Municipality"), municipality.name],
        [_("From"), filters.date_from],
        [_("To"), filters.date_to],
        [_("Plan edition"), str(filters.plan) if filters.plan else _("All editions")],
        [_("Language"), (get_language() or "tr")[:2]],
        [_("Exported"), timezone.localtime().strftime("%d.%m.%Y %H:%M")],
        [
            _("Note"),
            _(
                "Internal figures: every count is shown. Shares by sex and by group are left "
                "out when fewer than 10 people took part."
            ),
        ],
    ]
    ws = add_table(
        book, _("Filters"), [pgettext("workbook", "Filter"), _("Value")], rows, widths=[24, 80]
    )
    for row in (3, 4):
        ws.cell(row=row, column=2).number_format = DAY
        if ws.cell(row=row, column=2).value is None:
            put(ws, row, 2, "—")


def _figures(book, summary: Summary) -> None:
    people = summary.participants
    rows = [
        [_("Events held"), summary.held],
        [_("Events planned (not counted)"), summary.planned],
        [_("Events cancelled (not counted)"), summary.cancelled],
        [_("Stakeholders that took part"), summary.stakeholder_count],
        [_("Participants"), people],
        [_("Share of women among participants"), summary.women_share],
        [_("Inputs"), summary.inputs],
        [_("Decided"), summary.decided],
        [_("Taken into the plan, fully or partly"), summary.taken],
        [_("Share taken of the decided inputs"), summary.taken_share],
        [_("Share taken of all inputs"), summary.taken_share_of_all],
        [_("Sentence in Turkish"), press_sentence(summary, "tr")],
        [_("Sentence in English"), press_sentence(summary, "en")],
    ]
    ws = add_table(book, _("Summary"), [_("Figure"), _("Value")], rows, widths=[40, 90])
    for row in (7, 11, 12):
        ws.cell(row=row, column=2).number_format = PERCENT


def summary_workbook(summary: Summary, municipality) -> bytes:
    book = new_book()
    _filters(book, summary, municipality)
    _figures(book, summary)
    add_table(
        book,
        _("Events"),
        [_("Kind"), _("Held"), _("Planned"), pgettext("event", "Cancelled")],
        [[row.label, row.held, row.planned, row.cancelled] for row in summary.events],
        widths=[36, 12, 12, 12],
    )
    share = _("Share")
    _table(book, _("Stakeholders"), _("Type"), summary.stakeholders, share)
    _table(book, _("Participants by sex"), _("Sex"), summary.sexes, share)
    _table(book, _("Participants by group"), _("Group"), summary.groups, share)
    _table(book, _("Inputs by kind"), _("Kind"), summary.kinds, share)
    _table(
        book,
        _("Target groups"),
        _("Target group"),
        summary.target_groups,
        share,
        note=_(
            "An input that names several target groups is counted under each, so the counts "
            "add up to more than the number of inputs."
        ),
    )
    _table(book, _("YEEP headings"), _("YEEP heading"), summary.headings, share)
    _table(book, _("Charter articles"), _("Charter article"), summary.articles, share)
    _table(book, _("Neighbourhoods"), _("Neighbourhood"), summary.neighbourhoods, share)
    _table(book, _("Decisions"), _("Decision"), summary.decisions, share)
    book.properties.creator = "esitlik"
    return to_bytes(book)
