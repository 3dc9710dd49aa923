"""The training figures as an XLSX workbook in the active language: a first sheet with the
sentence, the filters, the key figures and notes, then one sheet per table of the summary
page. Counts are numbers, shares are fractions shown as percentages, hours and scores are
decimals and dates are dates, so the figures can be summed and charted in Excel. No staff
name is ever written: trainers are named by their record number only."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.core.xlsx import add_table, new_book, put, to_bytes
from esitlik.training.figures import PEOPLE_SHARES_MIN, SexRow, TrainingFigures
from esitlik.training.models import Programme
from esitlik.training.sentence import training_sentence

PERCENT = "0%"
DAY = "DD.MM.YYYY"
ONE_DECIMAL = "0.0"
TWO_DECIMALS = "0.00"


def _decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _sex_headers() -> list[str]:
    return [
        pgettext("sex", "Women"),
        pgettext("sex", "Men"),
        pgettext("sex", "Other"),
        pgettext("sex", "Not stated"),
        _("Total"),
    ]


def _by_sex(row: SexRow) -> list:
    return [row.woman, row.man, row.other, row.not_stated, row.total]


def _notes() -> list[str]:
    return [
        _(
            "People trained are distinct staff people of named sessions: someone who attended "
            "two sessions counts once. Attendances count each person at each session."
        ),
        _(
            "A person is counted by the role category, directorate and sex the staff register "
            "holds today."
        ),
        _(
            "Coverage is people trained ÷ workforce, with the workforce figures of the latest "
            "year up to the period's end. Trained people count whatever their status today."
        ),
        _(
            "Internal figures: every count is shown; no percentage is given when fewer than "
            "%(minimum)d people are behind it."
        )
        % {"minimum": PEOPLE_SHARES_MIN},
        _("Only held sessions are counted. The trainer pool is as it stands today."),
    ]


def _first_sheet(book, figures: TrainingFigures, municipality) -> None:
    filters = figures.filters
    coverage = figures.coverage.total
    # (label, value, number format)
    rows = [
        (_("Sentence in Turkish"), training_sentence(figures, "tr"), None),
        (_("Sentence in English"), training_sentence(figures, "en"), None),
        (_("Municipality"), municipality.name, None),
        (_("From"), filters.date_from or "—", DAY),
        (_("To"), filters.date_to or "—", DAY),
        (_("Programme"), localized(filters.programme.title) if filters.programme else "—", None),
        (_("Topic"), filters.topic or "—", None),
        (_("People trained"), figures.people.total, None),
        (_("Of them women"), figures.people.woman, None),
        (_("Share of women"), figures.women_share, PERCENT),
        (_("Attendances"), figures.attendances, None),
        (_("Training hours"), _decimal(figures.hours), ONE_DECIMAL),
        (_("Sessions held"), figures.sessions, None),
        (_("Sessions planned (not counted)"), figures.planned, None),
        (_("Sessions cancelled (not counted)"), figures.cancelled, None),
        (_("Trained people who no longer work here"), figures.people_left, None),
        (
            _("Workforce figures of the year"),
            figures.coverage.year or _("No workforce figures"),
            None,
        ),
        (_("Coverage of the workforce"), coverage.total.share if coverage else None, PERCENT),
        (_("Language"), (get_language() or "tr")[:2], None),
        (_("Exported"), timezone.localtime().strftime("%d.%m.%Y %H:%M"), None),
        *((_("Note"), note, None) for note in _notes()),
    ]
    ws = add_table(
        book,
        _("Summary"),
        [_("Figure"), _("Value")],
        [[label, value] for label, value, _format in rows],
        widths=[40, 100],
    )
    for row, (_label, _value, number_format) in enumerate(rows, start=2):
        if number_format:
            ws.cell(row=row, column=2).number_format = number_format


def _people_sheet(book, title: str, first: str, rows: list[SexRow], total: SexRow) -> None:
    data = [[row.label, *_by_sex(row), row.women_share] for row in rows]
    data.append([_("Total"), *_by_sex(total), total.women_share])
    add_table(
        book,
        title,
        [first, *_sex_headers(), _("Share of women")],
        data,
        widths=[44, 10, 10, 10, 12, 10, 16],
        formats={7: PERCENT},
    )


def _coverage_sheet(book, figures: TrainingFigures) -> None:
    coverage = figures.coverage
    headers = [_("Role category")]
    for label in [*coverage.labels(), _("All")]:
        headers += [
            _("%(who)s trained") % {"who": label},
            _("%(who)s in the workforce") % {"who": label},
            _("%(who)s coverage") % {"who": label},
        ]
    headers.append(_("Not yet trained"))
    rows = list(coverage.rows) + ([coverage.total] if coverage.total else [])
    data = []
    for row in rows:
        line = [row.label]
        for cell in row.cells:
            line += [cell.trained, cell.workforce, cell.share]
        line.append(row.total.untrained)
        data.append(line)
    ws = add_table(
        book,
        pgettext("training", "Coverage"),
        headers,
        data,
        widths=[44, *[14] * 12, 14],
        formats={4: PERCENT, 7: PERCENT, 10: PERCENT, 13: PERCENT},
    )
    if coverage.year and coverage.from_data:
        note = _("Workforce data imported for %(year)d.") % {"year": coverage.year}
        if coverage.unmatched:
            note += " " + _(
                "Role categories of the data not on the municipality's list, left out: "
                "%(categories)s."
            ) % {
                "categories": "; ".join(
                    f"{name or '—'} ({people})" for name, people in coverage.unmatched
                )
            }
    elif coverage.year:
        note = _("Workforce figures of %(year)d.") % {"year": coverage.year}
    else:
        note = _("No workforce figures are recorded up to the period's end.")
    put(ws, len(data) + 3, 1, note)
    if coverage.outside:
        put(
            ws,
            len(data) + 4,
            1,
            _(
                "%(count)d people trained are in no role category with workforce figures and "
                "are left out of the coverage."
            )
            % {"count": coverage.outside},
        )


def _reach_sheets(book, figures: TrainingFigures) -> None:
    rows = [
        [
            row.label,
            str(Programme.Audience(row.audience).label),
            row.partner,
            row.sessions,
            *_by_sex(row.counts),
        ]
        for row in figures.reach
    ]
    if figures.reach:
        rows.append([_("Total"), "", "", sum(r.sessions for r in figures.reach)])
        rows[-1] += _by_sex(figures.reach_total)
    add_table(
        book,
        _("Public reach"),
        [_("Programme"), _("Audience"), _("Partner"), _("Sessions"), *_sex_headers()],
        rows,
        widths=[44, 18, 24, 10, 10, 10, 10, 12, 10],
    )
    add_table(
        book,
        _("Reach by group"),
        [_("Programme"), _("Group"), _("Count")],
        [[row.label, label, count] for row in figures.reach for _key, label, count in row.groups],
        widths=[44, 30, 10],
    )


def _programme_sheets(book, figures: TrainingFigures) -> None:
    add_table(
        book,
        _("Sessions by programme"),
        [
            _("Programme"),
            _("Audience"),
            _("Sessions held"),
            _("Hours"),
            _("Sessions without hours"),
            _("People trained (named)"),
            _("Attendances"),
            _("Training hours"),
            _("Counted participants"),
        ],
        [
            [
                row.label,
                row.audience,
                row.sessions,
                _decimal(row.hours),
                row.sessions_without_hours,
                row.people,
                row.attendances,
                _decimal(row.person_hours),
                row.counted,
            ]
            for row in figures.programmes
        ],
        widths=[44, 18, 10, 10, 12, 14, 12, 12, 14],
        formats={4: ONE_DECIMAL, 8: ONE_DECIMAL},
    )
    add_table(
        book,
        _("Evaluation"),
        [
            _("Programme"),
            _("Sessions evaluated"),
            _("Forms returned"),
            _("Pre-test"),
            _("Post-test"),
            _("Knowledge gain (points)"),
            _("Satisfaction (1–5)"),
        ],
        [
            [
                row.label,
                row.evaluation.sessions,
                row.evaluation.responses,
                _decimal(row.evaluation.pre),
                _decimal(row.evaluation.post),
                _decimal(row.evaluation.gain),
                _decimal(row.evaluation.satisfaction),
            ]
            for row in figures.programmes
            if row.evaluation and row.evaluation.sessions
        ],
        widths=[44, 12, 12, 10, 10, 14, 14],
        formats={4: ONE_DECIMAL, 5: ONE_DECIMAL, 6: ONE_DECIMAL, 7: TWO_DECIMALS},
    )


def _pool_sheets(book, figures: TrainingFigures) -> None:
    headers = [_("Trains"), _("In training"), _("Total")]
    add_table(
        book,
        _("Trainer pool by topic"),
        [_("Topic"), *headers],
        [[row.label, row.active, row.in_training, row.total] for row in figures.pool_topics],
        widths=[40, 10, 12, 10],
    )
    add_table(
        book,
        _("Trainer certificates"),
        [_("Certificate"), *headers],
        [[row.label, row.active, row.in_training, row.total] for row in figures.pool_certification],
        widths=[40, 10, 12, 10],
    )
    add_table(
        book,
        _("Certificates to renew"),
        [
            _("Certificate"),
            _("Issued by"),
            _("Valid until"),
            _("Days left"),
            _("Trainer record no."),
            _("Trainer"),
            _("Status"),
        ],
        [
            [
                row.title,
                row.issuer,
                row.expires_on,
                row.days_left,
                row.trainer_id,
                row.trainer_kind,
                row.trainer_status,
            ]
            for row in figures.expiring
        ],
        widths=[40, 24, 14, 10, 12, 20, 24],
        formats={3: DAY},
    )


def figures_workbook(figures: TrainingFigures, municipality) -> bytes:
    book = new_book()
    _first_sheet(book, figures, municipality)
    _people_sheet(
        book, _("People by role and sex"), _("Role category"), figures.by_role, figures.people
    )
    _people_sheet(
        book,
        _("People by directorate and sex"),
        _("Directorate"),
        figures.by_directorate,
        figures.people,
    )
    add_table(
        book,
        _("Role × directorate × sex"),
        [_("Role category"), _("Directorate"), *_sex_headers()],
        [[row.category, row.directorate, *_by_sex(row.counts)] for row in figures.cube],
        widths=[36, 40, 10, 10, 10, 12, 10],
    )
    _coverage_sheet(book, figures)
    _reach_sheets(book, figures)
    _programme_sheets(book, figures)
    _pool_sheets(book, figures)
    book.properties.creator = "esitlik"
    return to_bytes(book)
