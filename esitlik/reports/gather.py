"""Everything the Equality in Service report of one municipality-year is drawn from, read once.

:func:`gather` computes the service figures with :func:`esitlik.analytics.equality
.equality_in_service` (the costly part: seconds on millions of records) and reads the
workforce, decision-makers, budget, training, participation and completeness figures, the
names that label them, and which import runs they came from. The report's sections are then
composed from it in each language and for each audience without computing anything again.

Only landed runs are read (``datasets.tables``), so a report never shows a half-imported file;
their ids and row counts are kept as the report's inputs, so a stored report says exactly
what it was made of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from django.utils import timezone

from esitlik.analytics.backend import connect
from esitlik.analytics.equality import EqualityInService, equality_in_service
from esitlik.analytics.metrics import by_sex, latest_snapshot, with_balance
from esitlik.core.models import Directorate, Municipality, Neighbourhood
from esitlik.datasets.completeness import Completeness, completeness
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import Dimension, ImportRun, IndicatorSource, Service
from esitlik.datasets.storage import landed_runs
from esitlik.datasets.tables import dataset_table, service_use_counts
from esitlik.participation.summary import Summary, participation_summary
from esitlik.plans.deadlines import current_plans
from esitlik.plans.models import Action
from esitlik.training.figures import TrainingFigures, training_figures

# How many years of workforce and decision-maker figures the trends show.
TREND_YEARS = 5


@dataclass(frozen=True)
class ServiceInfo:
    pk: int
    name: dict
    directorate_id: int
    sensitive: bool
    single_sex: str = ""  # "women" / "men": open to one sex by design


@dataclass(frozen=True)
class Response:
    """A plan action answering a service's gap: ``how`` is "measured" (an indicator of the
    action takes its values from this service's data) or "directorate" (an action of the
    service's directorate aimed at the group the gap leaves out)."""

    code: str
    title: dict
    status: str
    how: str
    target_groups: tuple[str, ...] = ()


@dataclass
class Sources:
    municipality: Municipality
    year: int
    today: date
    eis: EqualityInService | None
    services: dict[int, ServiceInfo]
    directorates: dict[int, dict]
    neighbourhoods: dict[int, str]
    dimensions: dict[str, dict]  # x_<key> → its bilingual name
    workforce: pd.DataFrame  # the year's last snapshot by role category: by_sex + balance
    workforce_trend: pd.DataFrame  # by year
    decisions: pd.DataFrame  # the year's last snapshot by body
    decisions_trend: pd.DataFrame  # by year and body
    budget: pd.DataFrame  # by equality tag: planned, actual, lines
    budget_by_directorate: pd.DataFrame  # by directorate and tag
    runs: list[ImportRun]
    completeness: Completeness
    # service id → the plan actions answering its gaps
    responses: dict[int, list[Response]] = field(default_factory=dict)
    plan_codes: list[str] = field(default_factory=list)  # the plan editions looked in

    def training(self) -> TrainingFigures:
        """The year's training figures, labelled in the active language (so not kept)."""
        return training_figures(
            self.municipality,
            date_from=date(self.year, 1, 1),
            date_to=date(self.year, 12, 31),
            today=self.today,
        )

    def participation(self) -> Summary:
        """The year's participation summary, labelled in the active language."""
        return participation_summary(
            self.municipality, date_from=date(self.year, 1, 1), date_to=date(self.year, 12, 31)
        )

    def service_name(self, service_id: int) -> dict:
        info = self.services.get(int(service_id))
        return info.name if info else {"tr": f"#{service_id}"}


def _frame(table) -> pd.DataFrame:
    return table.execute().reset_index(drop=True)


def _snapshots(con, municipality_id: int, kind: Kind, year: int, dims: list[str]):
    """The year's last snapshot by ``dims`` and the last snapshot of each of the trend's
    years, both with women's share and the 40–60 check."""
    years = list(range(year - TREND_YEARS + 1, year + 1))
    table = latest_snapshot(dataset_table(con, municipality_id, kind, years))
    now = table.filter(table.year == year)
    current = _frame(with_balance(by_sex(now, dims, weight="count")).order_by(dims))
    if not current.empty:
        current = current[current["total"] > 0].reset_index(drop=True)
    trend_dims = ["year", *dims[:1]] if kind == Kind.DECISION_MAKERS else ["year"]
    trend = _frame(with_balance(by_sex(table, trend_dims, weight="count")).order_by(trend_dims))
    if not trend.empty:
        trend = trend[trend["total"] > 0].reset_index(drop=True)
    return current, trend


def _budget(con, municipality_id: int, year: int):
    table = dataset_table(con, municipality_id, Kind.BUDGET, year)
    tagged = table.group_by("equality_tag").aggregate(
        planned=table.planned.sum(), actual=table.actual.sum(), lines=table.count()
    )
    by_directorate = table.group_by(["directorate_id", "equality_tag"]).aggregate(
        planned=table.planned.sum(), actual=table.actual.sum(), lines=table.count()
    )
    return _frame(tagged), _frame(by_directorate)


def _service_figures(con, municipality_id: int, year: int, dimensions: list[str]):
    counts = service_use_counts(con, municipality_id, [year - 1, year])
    if not int(counts.filter(counts.year == year).count().execute()):
        return None
    population = dataset_table(con, municipality_id, Kind.POPULATION)
    return equality_in_service(None, population, year=year, counts=counts, dimensions=dimensions)


def _responses(municipality: Municipality, services: dict[int, ServiceInfo]):
    """Which actions of the plans in force answer each service's gaps (see Response)."""
    plans = current_plans(municipality)
    responses: dict[int, list[Response]] = {}
    if not plans:
        return responses, []
    actions = list(
        Action.objects.filter(objective__aim__plan__in=plans)
        .select_related("objective")
        .order_by("objective__aim__plan__edition", "code")
    )
    by_objective: dict[int, list[Action]] = {}
    for action in actions:
        by_objective.setdefault(action.objective_id, []).append(action)
    sources = IndicatorSource.objects.filter(
        indicator__plan__in=plans, service__isnull=False
    ).select_related("indicator")
    for source in sources:
        indicator = source.indicator
        answering = (
            [a for a in actions if a.pk == indicator.action_id]
            if indicator.action_id
            else by_objective.get(indicator.objective_id, [])
        )
        for action in answering:
            responses.setdefault(source.service_id, []).append(
                Response(action.code, action.title, action.status, "measured")
            )
    for service_id, info in services.items():
        measured = {r.code for r in responses.get(service_id, [])}
        for action in actions:
            if action.lead_directorate_id == info.directorate_id and action.code not in measured:
                groups = tuple(action.target_groups or ())
                if set(groups) & {"women", "girls", "men"}:
                    responses.setdefault(service_id, []).append(
                        Response(action.code, action.title, action.status, "directorate", groups)
                    )
    return responses, [str(plan.edition) for plan in plans]


def gather(municipality: Municipality, year: int, today: date | None = None) -> Sources:
    today = today or timezone.localdate()
    mid = municipality.pk
    services = {
        service.pk: ServiceInfo(
            service.pk,
            service.name,
            service.directorate_id,
            service.sensitive,
            service.single_sex,
        )
        for service in Service.objects.filter(municipality=municipality)
    }
    dimensions = {
        f"x_{dimension.key}": dimension.name
        for dimension in Dimension.objects.filter(municipality=municipality).order_by("key")
    }
    con = connect()
    try:
        eis = _service_figures(con, mid, year, list(dimensions))
        workforce, workforce_trend = _snapshots(con, mid, Kind.WORKFORCE, year, ["role_category"])
        decisions, decisions_trend = _snapshots(con, mid, Kind.DECISION_MAKERS, year, ["body"])
        budget, budget_by_directorate = _budget(con, mid, year)
    finally:
        con.disconnect()
    runs = sorted(
        {run for kind in Kind for run in landed_runs(mid, kind, _years_read(kind, year, eis))},
        key=lambda run: (run.kind, run.year, run.pk),
    )
    responses, plan_codes = _responses(municipality, services)
    return Sources(
        municipality=municipality,
        year=year,
        today=today,
        eis=eis,
        services=services,
        directorates={d.pk: d.name for d in Directorate.objects.filter(municipality=municipality)},
        neighbourhoods=dict(
            Neighbourhood.objects.filter(municipality=municipality).values_list("pk", "name")
        ),
        dimensions=dimensions,
        workforce=workforce,
        workforce_trend=workforce_trend,
        decisions=decisions,
        decisions_trend=decisions_trend,
        budget=budget,
        budget_by_directorate=budget_by_directorate,
        runs=runs,
        completeness=completeness(municipality, year, today),
        responses=responses,
        plan_codes=plan_codes,
    )


def _years_read(kind: Kind, year: int, eis: EqualityInService | None) -> list[int]:
    """The years of ``kind`` a report of ``year`` reads."""
    if kind in (Kind.SERVICE_RECORDS, Kind.SERVICE_COUNTS):
        return [year - 1, year]
    if kind == Kind.POPULATION:
        return [eis.population_year] if eis and eis.population_year else []
    if kind == Kind.BUDGET:
        return [year]
    return list(range(year - TREND_YEARS + 1, year + 1))
