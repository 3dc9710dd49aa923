"""The plan monitoring report's method: its sources, how progress, indicator status, deadlines,
coverage and participation are worked out, what the public version leaves out, and the facts
the report was made from."""

from __future__ import annotations

from django.utils.translation import gettext as _

from esitlik.analytics.disclosure import threshold_for
from esitlik.core.i18n_text import localized
from esitlik.reports import formats
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.progress import PlanSources, period_code, period_label
from esitlik.reports.tables import C


def method(sources: PlanSources, public: bool, language: str, hidden_cells: int) -> Section:
    plan = sources.plan
    section = Section("method", _("Method"))
    cutoff = formats.day(sources.reports_until, language)
    section.paragraphs += [
        _(
            "Sources: the plan edition as recorded in esitlik — its aims, objectives and "
            "actions with the status and progress their directorates reported, its indicators "
            "with the values the equality unit approved, and the participation inputs and "
            "events recorded for it."
        ),
        _(
            "Weighted progress is Σ(weight × progress) ÷ Σ(weight) over the actions that "
            "count; cancelled actions are left out, as they neither advance nor hold back the "
            "plan. An aim's, objective's, directorate's, article's or heading's progress is "
            "the same over its own actions."
        ),
    ]
    if sources.over:
        section.paragraphs.append(
            _(
                "Status and progress are those last reported by %(day)s, the period's reporting "
                "deadline (30 days after its end, as for indicator figures). Changes reported "
                "later are not counted: the values of the time are read back from the record "
                "of changes."
            )
            % {"day": cutoff}
        )
    else:
        section.paragraphs.append(
            _(
                "The period is not over: status and progress are those reported by %(day)s, "
                "when this report was made."
            )
            % {"day": cutoff}
        )
    section.paragraphs += [
        _(
            "Indicators: the latest value the equality unit approved for a reporting period "
            "up to and including %(period)s (a yearly value counts from the report of the "
            "whole year), whenever it was approved, beside the target for %(year)s. Its status "
            "compares it with the target of the value's own year (or, failing that, the "
            "nearest earlier year's). “Target met”: the value has reached the target (or lies "
            "within the band); “Progressing”: it has covered at least half the way from the "
            "baseline; “Off track”: less than that; “Not scored”: a qualitative indicator, or "
            "one without a target. Values submitted and not yet approved are not counted."
        )
        % {"period": period_code(sources.period), "year": sources.period.year},
        _(
            "Overdue: on %(day)s, an action past its end date and neither completed nor "
            "cancelled; indicator figures whose due date (30 days after the end of their "
            "period) had passed and that are not approved. Late: figures approved but sent "
            "after their due date. “Reported delayed”: actions their directorate reports as "
            "delayed before their end date."
        )
        % {"day": formats.day(sources.judged_on, language)},
        _(
            "Coverage: an action covers the Charter articles it is tagged with, its aim's YEEP "
            "heading and any heading it is tagged with; an indicator counts where its action "
            "does, and an objective's indicator where that objective's actions do."
        ),
        _(
            "Participation: the inputs raised at this edition's events or traced to its "
            "actions, received by %(day)s, with the decision as it stands; the events recorded "
            "for the edition and held by that day."
        )
        % {"day": formats.day(sources.judged_on, language)},
    ]
    if public:
        section.paragraphs.append(
            _(
                "This public version leaves out what each input said, the narratives of "
                "indicator reports and the equality unit's review comments. Counts of people "
                "from 1 to %(low)s are hidden and marked “c”, with further cells hidden where a "
                "hidden one could be worked out from a total; shares from a hidden count are "
                "hidden too. “-” is a true zero. %(cells)s cells are hidden in this report."
            )
            % {"low": threshold_for() - 1, "cells": hidden_cells}
        )
    else:
        section.paragraphs.append(
            _(
                "This is the internal version: it includes what each input said, the "
                "narratives of indicator reports, the equality unit's review comments and every "
                "count however small. Publish the public version, which leaves these out and "
                "applies disclosure control."
            )
        )
    decision = ""
    if plan.decision_no:
        decision = plan.decision_no
        if plan.decision_date:
            decision += f", {formats.day(plan.decision_date, language)}"
    facts = [
        (_("Plan edition"), localized(plan.title, language)),
        (_("Years"), plan.period),
        (_("Status"), plan.get_status_display()),
        (_("Council decision"), decision or "—"),
        (_("Charter text"), str(sources.charter) if sources.charter else "—"),
        (_("Period"), period_label(sources.period)),
        (_("Deadlines judged on"), formats.day(sources.judged_on, language)),
        (_("Reports counted until"), cutoff),
        (_("Made on"), formats.day(sources.today, language)),
    ]
    section.tables.append(
        Table(
            "about",
            _("What this report was made from"),
            [Column("item", _("Item"), C.TEXT), Column("value", _("Value"), C.TEXT)],
            [[str(label), str(value)] for label, value in facts],
        )
    )
    return section
