"""What the plan monitoring report counts, and the cells its tables share.

The summary states in one sentence what a section then details (overdue items, indicators by
status, coverage, participation inputs); both take their counts from here, so the two always
agree.
"""

from __future__ import annotations

from esitlik.core.i18n_text import localized
from esitlik.participation.models import Input
from esitlik.plans.deadlines import State as DueState
from esitlik.plans.models import Action
from esitlik.reports.progress import Late, PlanSources

FIGURES_OWING = (DueState.OVERDUE, DueState.RETURNED, DueState.AWAITING_REVIEW)


def as_share(progress: float | None) -> float | None:
    """Weighted progress (0–100) as a share of 1."""
    return None if progress is None else round(progress / 100, 4)


def status_label(status: str) -> str:
    return str(Action.Status(status).label)


def directorate_name(directorate, language: str) -> str:
    return localized(directorate.name, language) if directorate else ""


def localized_title(obj, language: str) -> str:
    return localized(obj.title, language)


def owing_counts(sources: PlanSources) -> dict:
    items = sources.items
    return {
        "actions": sum(1 for i in items if i.action and i.state == DueState.OVERDUE),
        "figures": sum(1 for i in items if i.indicator and i.state in FIGURES_OWING),
        "delayed": sum(1 for i in items if i.state == Late.DELAYED),
        "late": sum(1 for i in items if i.state == Late.LATE),
    }


def top_directorate(sources: PlanSources, language: str) -> tuple[str, int] | None:
    """The directorate owing the most (overdue actions and figures), if one owes most."""
    counts: dict = {}
    for item in sources.items:
        if item.state in FIGURES_OWING:
            key = item.directorate.pk
            name, count = counts.get(key, (directorate_name(item.directorate, language), 0))
            counts[key] = (name, count + 1)
    ranked = sorted(counts.values(), key=lambda pair: -pair[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None  # nothing owed, or no one directorate owes the most
    return ranked[0]


def light_counts(sources: PlanSources) -> dict:
    counts: dict = {}
    for standing in sources.standings:
        counts[standing.light] = counts.get(standing.light, 0) + 1
    return counts


def coverage_counts(sources: PlanSources) -> dict:
    cover = sources.cover
    return {
        "articles": len(cover.articles),
        "covered": len(cover.articles) - len(cover.uncovered_articles),
        "headings": len(cover.headings),
        "headed": len(cover.headings) - len(cover.uncovered_headings),
    }


def input_counts(sources: PlanSources) -> dict:
    S = Input.Status
    statuses = [item.status for item in sources.inputs]
    return {
        "total": len(statuses),
        "full": statuses.count(S.TAKEN),
        "partly": statuses.count(S.PARTLY_TAKEN),
        "not_taken": statuses.count(S.NOT_TAKEN),
        "pending": statuses.count(S.UNDER_REVIEW),
        "actions": len({taken.action.pk for taken in sources.taken}),
    }
