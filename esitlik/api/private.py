"""Token endpoints: the token's municipality only, as far as its holder's role allows.

Objects are looked up inside the token's municipality, so another municipality's id answers
404 exactly as a missing one does. Writes go through the same use-case functions as the
pages: the import pipeline for service counts, ``structure.action_report`` for progress.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from ninja import Query, Router, Status
from ninja.errors import Throttled
from ninja.security import HttpBearer

from esitlik.api import pushing, selectors
from esitlik.api.errors import ApiError, forbidden, not_found
from esitlik.api.schemas import (
    ActionProgressOut,
    Error,
    ImportDetailOut,
    ImportOut,
    ImportQueuedOut,
    Page,
    ProgressIn,
    ServiceCountsIn,
    TokenOut,
)
from esitlik.api.throttle import ApiThrottle
from esitlik.api.tokens import token_authenticate
from esitlik.core.models import Directorate
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.datasets.access import can_import_for
from esitlik.datasets.models import ImportRun
from esitlik.datasets.runs import progress_percent
from esitlik.plans import structure
from esitlik.plans.models import Action


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = token_authenticate(token)
        if found is None:
            # ninja throttles after authenticating, so a wrong token would never be counted:
            # wrong guesses use up the client address's allowance here.
            throttle = ApiThrottle()
            if not throttle.allow_request(request):
                raise Throttled(wait=throttle.wait())
        return found


router = Router(tags=["token"], auth=TokenAuth())

LIMIT = Query(settings.API_PAGE_SIZE, ge=1, le=settings.API_PAGE_MAX)
OFFSET = Query(0, ge=0)
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error, 429: Error}


def _membership(request, perm: Perm):
    membership = request.auth.membership
    if not can(membership, perm):
        raise forbidden()
    return membership


@router.get("/token", response={200: TokenOut, **ERRORS}, url_name="api_token_detail")
def token_detail(request):
    """Who the token acts as: its municipality, role and directorate."""
    token = request.auth
    return {
        "name": token.name,
        "prefix": token.prefix,
        "municipality": token.membership.municipality.slug,
        "role": token.membership.role,
        "directorate_id": token.membership.directorate_id,
        "expires_at": token.expires_at,
    }


def import_out(run: ImportRun) -> dict:
    return {
        "id": run.pk,
        "kind": run.kind,
        "year": run.year,
        "status": run.status,
        "mode": run.mode,
        "directorate_id": run.directorate_id,
        "file_name": run.file_name,
        "rows_read": run.rows_read,
        "rows_stored": run.rows_stored,
        "error_count": run.error_count,
        "progress": progress_percent(run),
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


@router.get("/imports", response={200: Page[ImportOut], **ERRORS}, url_name="api_import_list")
def import_list(
    request,
    year: int | None = None,
    status: str | None = None,
    kind: str | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """The municipality's imports, newest first (roles that see internal data)."""
    membership = _membership(request, Perm.VIEW_INTERNAL)
    rows = ImportRun.objects.filter(municipality_id=membership.municipality_id).order_by(
        "-created_at", "-pk"
    )
    if year is not None:
        rows = rows.filter(year=year)
    if status:
        rows = rows.filter(status=status)
    if kind:
        rows = rows.filter(kind=kind)
    result = selectors.page(rows, limit=limit, offset=offset)
    result["items"] = [import_out(run) for run in result["items"]]
    return result


@router.get(
    "/imports/{run_id}", response={200: ImportDetailOut, **ERRORS}, url_name="api_import_detail"
)
def import_detail(request, run_id: int):
    """One import with its problems (row, column, value, problem)."""
    membership = _membership(request, Perm.VIEW_INTERNAL)
    run = ImportRun.objects.filter(pk=run_id, municipality_id=membership.municipality_id).first()
    if run is None:
        raise not_found()
    return {**import_out(run), "problems": pushing.problem_details(run)}


@router.post(
    "/service-counts",
    response={201: ImportDetailOut, 202: ImportQueuedOut, **ERRORS},
    url_name="api_service_counts_push",
)
def service_counts_push(request, response: HttpResponse, payload: ServiceCountsIn):
    """Push a directorate's service counts. They pass the same checks as an uploaded file and
    land whole, or not at all: a refusal is a 422 listing every problem by row (the index in
    ``rows``), column and value. A push of more rows than the server's
    ``API_PUSH_SYNC_ROWS`` (5,000 unless configured) is checked for its columns, stored and
    imported in the background: 202 with the import, whose status and problems
    ``GET /imports/{run_id}`` (``status_url``) then gives."""
    membership = request.auth.membership
    directorate = Directorate.objects.filter(
        pk=payload.directorate_id, municipality_id=membership.municipality_id
    ).first()
    if directorate is None:
        raise ApiError(
            404,
            "not_found",
            str(not_found().message),
            [{"field": "directorate_id", "value": payload.directorate_id, "problem": "not found"}],
        )
    if not can_import_for(membership, directorate):
        raise forbidden()
    if len(payload.rows) > settings.API_PUSH_SYNC_ROWS:
        run = pushing.queue_service_counts(
            membership=membership, directorate=directorate, payload=payload, by=membership.user
        )
        status_url = reverse("api-v1:api_import_detail", kwargs={"run_id": run.pk})
        response["Location"] = status_url
        body = {
            **import_out(run),
            "problems": pushing.problem_details(run),
            "status_url": status_url,
        }
        return Status(202, body)
    run = pushing.push_service_counts(
        membership=membership, directorate=directorate, payload=payload, by=membership.user
    )
    return Status(201, {**import_out(run), "problems": []})


@router.post(
    "/actions/{action_id}/progress",
    response={200: ActionProgressOut, **ERRORS},
    url_name="api_action_progress",
)
def action_progress(request, action_id: int, payload: ProgressIn):
    """Report an action's status, progress and spending, as its lead directorate's focal point
    (or the equality unit) does on the plan's page. Only for plans approved or in
    implementation."""
    membership = request.auth.membership
    action = (
        Action.objects.select_related("lead_directorate", "objective__aim__plan")
        .filter(pk=action_id, objective__aim__plan__municipality_id=membership.municipality_id)
        .first()
    )
    if action is None:
        raise not_found()
    lead = action.lead_directorate
    allowed = can_edit_directorate(membership, lead) if lead else can(membership, Perm.MANAGE_PLANS)
    if not allowed:
        raise forbidden()
    action = structure.action_report(
        action=action,
        by=membership.user,
        status=payload.status,
        progress=payload.progress,
        budget_actual=None if payload.budget_actual is None else _decimal(payload.budget_actual),
        version=payload.version,
    )
    return {
        "id": action.pk,
        "code": action.code,
        "status": action.status,
        "progress": action.progress,
        "budget_actual": None if action.budget_actual is None else float(action.budget_actual),
        "version": action.version,
    }


def _decimal(value: float):
    from decimal import Decimal

    return Decimal(str(value)).quantize(Decimal("0.01"))
