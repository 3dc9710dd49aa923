"""Public reads: published data of any municipality, no token needed."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from ninja import Query, Router

from esitlik.api import selectors
from esitlik.api.errors import not_found
from esitlik.api.schemas import (
    Error,
    IndicatorOut,
    InputOut,
    MunicipalityOut,
    Page,
    PlanDetailOut,
    PlanOut,
    ReportOut,
)
from esitlik.reports.files import report_file
from esitlik.reports.render import CONTENT_TYPES, FORMATS

router = Router(tags=["public"])

LIMIT = Query(settings.API_PAGE_SIZE, ge=1, le=settings.API_PAGE_MAX)
OFFSET = Query(0, ge=0)
ERRORS = {400: Error, 404: Error, 422: Error, 429: Error}
PlanStatus = Literal["approved", "in_implementation", "completed", "superseded"]
InputStatus = Literal["under_review", "taken", "partly_taken", "not_taken"]


@router.get(
    "/municipalities",
    response={200: Page[MunicipalityOut], 400: Error, 422: Error, 429: Error},
    url_name="api_municipality_list",
)
def municipality_list(request, limit: int = LIMIT, offset: int = OFFSET):
    """Every municipality, by name."""
    from esitlik.core.models import Municipality

    rows = Municipality.objects.order_by("name")
    result = selectors.page(rows, limit=limit, offset=offset)
    result["items"] = [selectors.municipality_out(m) for m in result["items"]]
    return result


@router.get(
    "/municipalities/{municipality}",
    response={200: MunicipalityOut, **ERRORS},
    url_name="api_municipality_detail",
)
def municipality_detail(request, municipality: str):
    return selectors.municipality_out(selectors.municipality_by_slug(municipality))


@router.get(
    "/municipalities/{municipality}/plans",
    response={200: Page[PlanOut], **ERRORS},
    url_name="api_plan_list",
)
def plan_list(
    request,
    municipality: str,
    status: PlanStatus | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """The municipality's adopted plans (approved by the council and after), newest first."""
    place = selectors.municipality_by_slug(municipality)
    result = selectors.page(selectors.adopted_plans(place, status), limit=limit, offset=offset)
    result["items"] = [selectors.plan_out(plan) for plan in result["items"]]
    return result


@router.get(
    "/municipalities/{municipality}/plans/{plan_id}",
    response={200: PlanDetailOut, **ERRORS},
    url_name="api_plan_detail",
)
def plan_detail(request, municipality: str, plan_id: int):
    """An adopted plan with its aims, objectives and actions, their status and progress."""
    return selectors.plan_detail(selectors.municipality_by_slug(municipality), plan_id)


@router.get(
    "/municipalities/{municipality}/indicators",
    response={200: Page[IndicatorOut], **ERRORS},
    url_name="api_indicator_list",
)
def indicator_list(
    request,
    municipality: str,
    plan_id: int | None = None,
    year: int | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """Indicators of the adopted plans with their targets and approved values (``year``
    keeps the targets and values of that year)."""
    place = selectors.municipality_by_slug(municipality)
    rows = selectors.indicators(place, plan_id=plan_id, year=year)
    result = selectors.page(rows, limit=limit, offset=offset)
    result["items"] = [selectors.indicator_out(i) for i in result["items"]]
    return result


@router.get(
    "/municipalities/{municipality}/reports",
    response={200: Page[ReportOut], **ERRORS},
    url_name="api_report_list",
)
def report_list(
    request,
    municipality: str,
    year: int | None = None,
    kind: Literal["equality-in-service", "plan-progress"] | None = None,
    language: Literal["tr", "en"] | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """Published public reports, newest first, with links to their files."""
    rows = selectors.published_reports(selectors.municipality_by_slug(municipality))
    if year is not None:
        rows = rows.filter(year=year)
    if kind:
        rows = rows.filter(kind=kind)
    if language:
        rows = rows.filter(language=language)
    result = selectors.page(rows.select_related("municipality"), limit=limit, offset=offset)
    result["items"] = [selectors.report_out(request, r) for r in result["items"]]
    return result


@router.get(
    "/municipalities/{municipality}/reports/{report_id}/download/{format}",
    response={200: None, **ERRORS},
    url_name="api_report_download",
    openapi_extra={
        "responses": {
            200: {
                "description": "The file",
                "content": {CONTENT_TYPES[f]: {} for f in FORMATS},
            }
        }
    },
)
def report_download(request, municipality: str, report_id: int, format: str):
    """A published report's file: the stored PDF byte for byte; XLSX, HTML and JSON drawn
    from the stored document."""
    report = selectors.published_report(selectors.municipality_by_slug(municipality), report_id)
    if format not in FORMATS:
        raise not_found()
    return report_file(report, format)


@router.get(
    "/municipalities/{municipality}/inputs",
    response={200: Page[InputOut], **ERRORS},
    url_name="api_input_list",
)
def input_list(
    request,
    municipality: str,
    status: InputStatus | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """Participation inputs by reference, with what was decided, the reason given to the
    public and the actions they went into; never their text, who sent them or where they
    were raised."""
    rows = selectors.inputs(selectors.municipality_by_slug(municipality), status)
    result = selectors.page(rows, limit=limit, offset=offset)
    result["items"] = [selectors.input_out(item) for item in result["items"]]
    return result
