"""What the public portal may read, and nothing else.

Every function here returns only what is published: the adopted plan (never a draft), approved
indicator values, reports published in their public version, the inputs' decisions, and
participation and training figures after disclosure control. The portal's pages and its open
data both read through here, so the two cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from django.db.models import Prefetch
from django.http import Http404

from esitlik.analytics.disclosure import CONFIDENTIAL, protect
from esitlik.analytics.disclosure import ZERO as TRUE_ZERO
from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.text import tr_sorted
from esitlik.participation.models import Event, Input
from esitlik.participation.summary import Summary, participation_summary, published
from esitlik.plans import rollup
from esitlik.plans.models import Action, ActionPlan, IndicatorUpdate
from esitlik.portal.masking import mask_identifiers
from esitlik.reports.models import StoredReport
from esitlik.training.figures import sex_labels, training_figures
from esitlik.training.models import TrainingSession

# How many calendar years of participation and training figures the portal shows.
YEARS_SHOWN = 5


def municipalities() -> list[Municipality]:
    return tr_sorted(Municipality.objects.all(), key=lambda m: m.name)


def municipality_for(slug: str) -> Municipality:
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise Http404
    return municipality


def current_plan(municipality: Municipality) -> ActionPlan | None:
    """The newest edition the council adopted; drafts and plans under consultation or review
    are never public here."""
    return (
        ActionPlan.objects.filter(municipality=municipality, status__in=ActionPlan.ADOPTED)
        .order_by("-edition")
        .first()
    )


def plan_tree(plan: ActionPlan) -> tuple[list[dict], float | None, int]:
    """Aims → objectives (with their actions) with weighted progress; the plan's progress and
    its number of actions."""
    actions = list(rollup.actions_of(plan))
    tree = rollup.by_aim(plan, actions)
    for aim in tree:
        aim["progress"] = _whole(aim["progress"])
        for objective in aim["objectives"]:
            objective["actions"] = [
                a for a in actions if a.objective_id == objective["objective"].pk
            ]
    return tree, _whole(rollup.weighted_progress(actions)), len(actions)


def _whole(progress: float | None) -> int | None:
    return None if progress is None else round(progress)


@dataclass
class IndicatorView:
    standing: rollup.IndicatorStanding
    values: list[IndicatorUpdate]  # approved only, oldest first
    targets: list = field(default_factory=list)

    @property
    def indicator(self):
        return self.standing.indicator


def indicators(plan: ActionPlan) -> list[IndicatorView]:
    """The plan's indicators with their targets and approved values only: a value waiting for
    review, or returned, is not yet the municipality's word."""
    approved = IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED)
    rows = plan.indicators.select_related("responsible_directorate").prefetch_related(
        "targets", Prefetch("updates", queryset=approved)
    )
    result = []
    for indicator in rows:
        standing = rollup.standing_of(indicator, plan)
        values = sorted(indicator.updates.all(), key=lambda u: (u.year, u.half))
        targets = sorted(
            (t for t in indicator.targets.all() if t.value is not None), key=lambda t: t.year
        )
        result.append(IndicatorView(standing, values, targets))
    return result


def indicator_of(plan: ActionPlan | None, indicator_id: int) -> IndicatorView:
    if plan is not None:
        for view in indicators(plan):
            if view.indicator.pk == indicator_id:
                return view
    raise Http404


def published_reports(municipality: Municipality):
    return (
        StoredReport.objects.filter(municipality=municipality)
        .published()
        .order_by("-published_at", "-id")
    )


def published_report(municipality: Municipality, report_id: int) -> StoredReport:
    report = published_reports(municipality).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report


@dataclass
class PublicInput:
    reference: str
    kind: str
    received_on: date
    heading: str
    neighbourhood: str
    target_groups: list[str]
    status: str
    status_label: str
    reason: str
    text: str
    actions: list[Action]


def _awaiting_moderation(item: Input) -> bool:
    return item.channel == Input.Channel.PORTAL and item.status == Input.Status.UNDER_REVIEW


def public_inputs(municipality: Municipality, reference: str = "") -> list[PublicInput]:
    """The inputs and their fate. The text is shown with identifiers masked; who raised it
    (stakeholder, event) is never shown; only actions of an adopted plan are named."""
    adopted = Action.objects.filter(
        objective__aim__plan__status__in=ActionPlan.ADOPTED
    ).select_related("objective__aim__plan")
    inputs = (
        Input.objects.filter(municipality=municipality)
        .select_related("heading", "neighbourhood")
        .prefetch_related(Prefetch("actions", queryset=adopted))
        .order_by("-received_on", "-id")
    )
    if reference:
        inputs = inputs.filter(reference__iexact=reference.strip())
    else:
        # A citizen's message is moderated: listed once the unit has decided on it, found
        # before that only by its reference (and then without its text).
        inputs = inputs.exclude(channel=Input.Channel.PORTAL, status=Input.Status.UNDER_REVIEW)
    return [
        PublicInput(
            reference=item.reference,
            kind=item.get_kind_display(),
            received_on=item.received_on,
            heading=localized(item.heading.title) if item.heading else "",
            neighbourhood=item.neighbourhood.name if item.neighbourhood else "",
            target_groups=item.target_group_labels,
            status=item.status,
            status_label=item.get_status_display(),
            reason=mask_identifiers(item.decision_reason),
            text="" if _awaiting_moderation(item) else mask_identifiers(item.text),
            actions=[
                a
                for a in item.actions.all()
                if a.objective.aim.plan.municipality_id == municipality.pk
            ],
        )
        for item in inputs
    ]


def participation_years(municipality: Municipality) -> list[int]:
    years = Event.objects.filter(municipality=municipality, status=Event.Status.HELD).dates(
        "starts_at", "year", order="DESC"
    )
    return [d.year for d in years[:YEARS_SHOWN]]


def participation_by_year(municipality: Municipality) -> list[tuple[int, Summary]]:
    """Each recent year's participation summary, as published (small counts hidden)."""
    return [
        (
            year,
            published(
                participation_summary(
                    municipality, date_from=date(year, 1, 1), date_to=date(year, 12, 31)
                )
            ),
        )
        for year in participation_years(municipality)
    ]


@dataclass
class TrainingYear:
    year: int
    sessions: int
    hours: object
    people: dict  # sex → count or marker
    by_role: list[tuple[str, dict]]  # (role category, {sex or "total": count or marker})
    reach: list[tuple[str, dict]]  # (programme, {sex or "total": count or marker})


def _protected(rows: list, table: str, labels: list[str] | None = None) -> list[tuple[str, dict]]:
    """SexRows protected row by row (the table shows no column totals)."""
    if not rows:
        return []
    sexes = ["woman", "man", "other", "not_stated"]
    frame = pd.DataFrame(
        [[getattr(row, s) for s in sexes] + [row.total] for row in rows],
        columns=[*sexes, "total"],
        index=[f"{index}" for index, _row in enumerate(rows)],
    ).astype("float64")
    shown = protect(frame, row_total="total", label=table).display()
    result = []
    for index, row in enumerate(rows):
        cells = {}
        for column in [*sexes, "total"]:
            value = shown.loc[str(index), column]
            if isinstance(value, str):
                cells[column] = value
            else:
                cells[column] = int(value) if value else TRUE_ZERO
        result.append((labels[index] if labels else row.label, cells))
    return result


def training_years(municipality: Municipality) -> list[int]:
    years = TrainingSession.objects.filter(
        municipality=municipality, status=TrainingSession.Status.HELD
    ).dates("starts_on", "year", order="DESC")
    return [d.year for d in years[:YEARS_SHOWN]]


def training_by_year(municipality: Municipality) -> list[TrainingYear]:
    """Each recent year's training figures fit to publish: people trained by sex and by role
    category, and the public programmes' reach, with counts under the threshold hidden."""
    result = []
    for year in training_years(municipality):
        figures = training_figures(
            municipality, date_from=date(year, 1, 1), date_to=date(year, 12, 31)
        )
        people = _protected([figures.people], "training_people")
        result.append(
            TrainingYear(
                year=year,
                sessions=figures.sessions,
                hours=figures.hours,
                people=people[0][1] if people else {},
                by_role=_protected(figures.by_role, "training_by_role"),
                reach=_protected(
                    [row.counts for row in figures.public_reach],
                    "training_reach",
                    [row.label for row in figures.public_reach],
                ),
            )
        )
    return result


def sexes() -> list[tuple[str, str]]:
    return list(sex_labels().items())


__all__ = ["CONFIDENTIAL", "TRUE_ZERO"]
