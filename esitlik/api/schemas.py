"""What the API reads and writes, as pydantic schemas (they make the OpenAPI document)."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from ninja import Field, Schema

T = TypeVar("T")


class ErrorDetail(Schema):
    field: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | int | float | bool | None = None
    problem: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail]


class Error(Schema):
    error: ErrorBody


class Page(Schema, Generic[T]):
    count: int
    limit: int
    offset: int
    items: list[T]


class MunicipalityOut(Schema):
    slug: str
    name: str
    province: str
    kind: str
    population: int | None = None


class ActionOut(Schema):
    id: int
    code: str
    title: str
    status: str
    progress: int
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    lead_directorate: str | None = None
    target_groups: list[str]


class ObjectiveOut(Schema):
    code: str
    title: str
    actions: list[ActionOut]


class AimOut(Schema):
    code: str
    title: str
    heading: str | None = None
    objectives: list[ObjectiveOut]


class PlanOut(Schema):
    id: int
    edition: int
    title: str
    start_year: int
    end_year: int
    status: str
    decision_no: str
    decision_date: dt.date | None = None
    actions: int
    progress: float | None = Field(
        None,
        description="Weighted progress of the plan's actions (cancelled ones left out), % "
        "(plans.rollup.weighted_progress, as on the plan's page).",
    )


class PlanDetailOut(PlanOut):
    aims: list[AimOut]


class TargetOut(Schema):
    year: int
    value: float | None = None
    women: float | None = None
    men: float | None = None


class ValueOut(Schema):
    year: int
    half: int = Field(description="1 or 2 for six-monthly values, 0 for yearly ones.")
    value: float | None = None
    women: float | None = None
    men: float | None = None
    suppressed: list[str] = Field(
        description='Figures hidden by disclosure control ("value", "women", "men"): a count '
        "of people too small to publish, or one that would let a hidden one be worked out."
    )


class IndicatorOut(Schema):
    id: int
    plan_id: int
    code: str
    title: str
    kind: str
    measure: str
    unit: str
    by_sex: bool
    direction: str
    baseline_value: float | None = None
    baseline_year: int | None = None
    targets: list[TargetOut]
    values: list[ValueOut]


class ReportOut(Schema):
    id: int
    kind: str
    title: str
    year: int | None = None
    plan_id: int | None = None
    period: str
    language: str
    published_at: dt.datetime
    downloads: dict[str, str]


class InputOut(Schema):
    reference: str
    kind: str
    status: str
    received_on: dt.date
    decided_at: dt.datetime | None = None
    reason: str = Field(
        description="Why it was taken partly or not at all, written for the public."
    )
    heading: str | None = None
    actions: list[str] = Field(description="Codes of the plan actions the input was taken into.")


class TokenOut(Schema):
    name: str
    prefix: str
    municipality: str
    role: str
    directorate_id: int | None = None
    expires_at: dt.datetime | None = Field(
        None, description="From then on the token is refused (401), as a revoked one is."
    )


class ImportOut(Schema):
    id: int
    kind: str
    year: int
    status: str = Field(
        description="queued, running (a pushed file being imported in the background), landed, "
        "failed (refused: nothing was stored; see problems), replaced, withdrawn; uploaded for "
        "a file on the data pages not yet confirmed."
    )
    mode: str
    directorate_id: int | None = None
    file_name: str
    rows_read: int
    rows_stored: int
    error_count: int
    progress: int = Field(
        description="0–100 while the import is queued or running; 100 once it is done."
    )
    created_at: dt.datetime
    finished_at: dt.datetime | None = None


class ImportDetailOut(ImportOut):
    problems: list[ErrorDetail]


class ImportQueuedOut(ImportDetailOut):
    status_url: str = Field(
        description="Where to follow the import: GET it until status is landed or failed."
    )


class CountRow(Schema):
    """One row of service counts: a service, then the counts by sex (women, men, other,
    not_stated, total) or a sex with a count; the other columns are optional breakdowns."""

    service: str = Field(description="The service's name or code in the catalogue.")
    year: int | None = None
    date: dt.date | None = None
    sex: str | None = None
    count: int | None = None
    women: int | None = None
    men: int | None = None
    other: int | None = None
    not_stated: int | None = None
    total: int | None = None
    age_band: str | None = None
    disability: str | None = None
    neighbourhood: str | None = None
    migration: str | None = None
    outcome: str | None = None


class ServiceCountsIn(Schema):
    year: int = Field(ge=1900, le=2100)
    directorate_id: int = Field(description="The directorate that sends the counts.")
    mode: Literal["add", "replace"] = Field(
        "add", description="add: beside what landed before; replace: instead of it."
    )
    rows: list[CountRow] = Field(min_length=1, max_length=50000)


class ProgressIn(Schema):
    status: Literal["not_started", "on_track", "delayed", "completed", "cancelled"]
    progress: int = Field(ge=0, le=100)
    budget_actual: float | None = Field(None, ge=0)
    version: int | None = Field(
        None, description="The action's version read before; a later change refuses the update."
    )


class ActionProgressOut(Schema):
    id: int
    code: str
    status: str
    progress: int
    budget_actual: float | None = None
    version: int
