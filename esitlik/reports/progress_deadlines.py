"""The plan monitoring report's overdue and late items by directorate: actions past their end
date and indicator figures owed or sent late, judged on the period's last day (or today while
the period runs)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.core.i18n_text import localized
from esitlik.plans.deadlines import State as DueState
from esitlik.reports import formats
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.progress import Late, PlanSources, natural
from esitlik.reports.progress_counts import directorate_name, owing_counts, top_directorate
from esitlik.reports.progress_words import overdue_sentence
from esitlik.reports.tables import C


def overdue(sources: PlanSources, public: bool, language: str) -> Section:
    section = Section("overdue", _("Overdue and late items by directorate"))
    section.paragraphs.append(
        _(
            "Judged on %(day)s. An action is overdue when its end date has passed and it is "
            "neither completed nor cancelled; indicator figures are overdue when their due date "
            "(30 days after the end of their reporting period) has passed and they are not "
            "approved, and late when they were approved but sent after it."
        )
        % {"day": formats.day(sources.judged_on, language)}
    )
    section.findings.append(
        overdue_sentence(
            day=sources.judged_on,
            top=top_directorate(sources, language),
            language=language,
            **owing_counts(sources),
        )
    )
    if not sources.items:
        return section
    groups: dict = {}
    for item in sources.items:
        name = directorate_name(item.directorate, language)
        counts = groups.setdefault(name, {"actions": 0, "delayed": 0, "figures": 0, "late": 0})
        if item.action and item.state == DueState.OVERDUE:
            counts["actions"] += 1
        elif item.state == Late.DELAYED:
            counts["delayed"] += 1
        elif item.state == Late.LATE:
            counts["late"] += 1
        else:
            counts["figures"] += 1
    summary_rows = sorted(
        (
            [name, c["actions"], c["delayed"], c["figures"], c["late"], sum(c.values())]
            for name, c in groups.items()
        ),
        key=lambda row: (-(row[1] + row[3]), -row[5], row[0]),
    )
    section.tables.append(
        Table(
            "by_directorate",
            _("Overdue and late items by directorate"),
            [
                Column("directorate", _("Directorate"), C.TEXT),
                Column("actions", _("Overdue actions"), C.COUNT),
                Column("delayed", _("Actions reported delayed"), C.COUNT),
                Column("figures", _("Indicator figures owed"), C.COUNT),
                Column("late", _("Indicator figures sent late"), C.COUNT),
                Column("total", _("Total"), C.COUNT),
            ],
            summary_rows,
        )
    )
    rows = []
    for item in sources.items:
        if item.action:
            kind, code, title, period = (
                pgettext("plan", "Action"),
                item.action.code,
                item.action.title,
                "",
            )
        else:
            kind, code, title = _("Indicator figures"), item.indicator.code, item.indicator.title
            period = item.period.label
        if item.state == Late.DELAYED:
            days = None
        elif item.state == Late.LATE:
            sent = timezone.localtime(item.update.submitted_at).date()
            days = (sent - item.due).days
        else:
            days = (sources.judged_on - item.due).days
        row = [
            directorate_name(item.directorate, language),
            str(kind),
            code,
            localized(title, language),
            period,
            item.due.isoformat(),
            _state_label(item.state),
            days,
        ]
        if not public:
            row.append(item.update.review_comment if item.update else "")
        rows.append(row)
    rows.sort(key=lambda row: (row[0], natural(row[2]), row[4]))
    columns = [
        Column("directorate", _("Directorate"), C.TEXT),
        Column("kind", _("Item"), C.TEXT),
        Column("code", _("Code"), C.TEXT),
        Column("title", _("Title"), C.TEXT),
        Column("period", _("Period"), C.TEXT),
        Column("due", _("Due"), C.DATE),
        Column("state", _("State"), C.TEXT),
        Column("days", _("Days late"), C.COUNT),
    ]
    if not public:
        columns.append(Column("comment", _("Review comment (internal)"), C.TEXT, detail=True))
    section.tables.append(
        Table(
            "items",
            _("Each overdue or late item"),
            columns,
            rows,
            note=_(
                "Days late: to %(day)s for what is still owed; from the due date to the day "
                "the figures were sent for what came in late."
            )
            % {"day": formats.day(sources.judged_on, language)},
        )
    )
    return section


def _state_label(state: str) -> str:
    labels = {
        DueState.OVERDUE: _("Overdue"),
        DueState.RETURNED: _("Returned for changes"),
        DueState.AWAITING_REVIEW: _("Sent, awaiting review"),
        Late.DELAYED: _("Reported delayed"),
        Late.LATE: _("Sent late"),
    }
    return str(labels[state])
