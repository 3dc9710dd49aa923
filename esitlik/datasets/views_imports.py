"""Every import of the municipality: the list with its filters, one run's page with what it
stored or why it was refused, its problems as a workbook, and withdrawing it.

Every member inside reads them; acting on a run (withdrawing it, downloading the rows of its
file with problems) is the equality unit's, or a focal point's for their directorate's runs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.views.util import page_context
from esitlik.datasets.access import access_run, can_act_on_run
from esitlik.datasets.dimensions import spec_for
from esitlik.datasets.forms_imports import ImportFilterForm, WithdrawForm
from esitlik.datasets.models import ImportRun
from esitlik.datasets.runs import (
    WORKING,
    by_sex,
    has_sex,
    phase,
    progress_percent,
    sex_column_missing,
)
from esitlik.datasets.selectors import run_years, runs_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50
WITHDRAWABLE = {ImportRun.Status.LANDED}


@login_required
@require_GET
def import_list(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    form = ImportFilterForm(
        request.GET or None, municipality=municipality, years=run_years(municipality)
    )
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
    page = Paginator(runs_of(municipality, **filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "datasets/import_list.html",
        page_context(
            membership,
            form=form,
            page=page,
            rows=[(run, can_act_on_run(membership, run)) for run in page],
            filtered=bool(filters),
            query=query.urlencode(),
            current="imports",
        ),
    )


def _mapping_rows(run: ImportRun) -> list[tuple[str, str]]:
    """The mapping used, each heading with the field it was read as ("" for left out);
    dropped columns are listed apart."""
    spec = spec_for(run.municipality_id, run.kind)
    labels = {field.key: field.column.header() for field in spec.all_fields()}
    dropped = set(run.dropped_columns or [])
    return [
        (header, labels.get(field, field))
        for header, field in (run.mapping or {}).items()
        if header not in dropped
    ]


@login_required
@require_GET
def import_detail(request, slug, run_id):
    membership = access_membership_for(request, slug)
    run = access_run(membership, run_id)
    may_act = can_act_on_run(membership, run)
    return render(
        request,
        "datasets/import_detail.html",
        page_context(
            membership,
            run=run,
            may_act=may_act,
            may_withdraw=may_act and run.status in WITHDRAWABLE,
            working=run.status in WORKING,
            phase=phase(run),
            percent=progress_percent(run),
            by_sex=by_sex(run),
            has_sex=has_sex(run.kind),
            sex_missing=sex_column_missing(run),
            mapping_rows=_mapping_rows(run),
            replaced=list(run.replaced.all()),
            # Names that matched no service, neighbourhood or directorate (a refused run).
            unknown=(run.summary or {}).get("unknown", []) if run.status == "failed" else [],
            current="imports",
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_withdraw(request, slug, run_id):
    """A confirmation page (GET), then the withdrawal (POST)."""
    membership = access_membership_for(request, slug)
    run = access_run(membership, run_id)
    if not can_act_on_run(membership, run):
        raise PermissionDenied
    if run.status not in WITHDRAWABLE:
        messages.info(request, _("This import cannot be withdrawn: it holds no data now."))
        return redirect("dataset_import_detail", slug=slug, run_id=run.pk)
    form = WithdrawForm(request.POST or None, initial={"version": run.version})
    if request.method == "POST" and form.is_valid():
        from esitlik.datasets import imports

        try:
            imports.import_withdraw(run=run, by=request.user, version=form.cleaned_data["version"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The import was withdrawn: its rows no longer count in any figure.")
            )
            return redirect("dataset_import_detail", slug=slug, run_id=run.pk)
    return render(
        request,
        "datasets/import_withdraw.html",
        page_context(membership, run=run, form=form, current="imports"),
    )


@login_required
@require_GET
@never_cache
def import_problems(request, slug, run_id):
    """The rows of the file that have problems, with an error column, as a workbook."""
    membership = access_membership_for(request, slug)
    run = access_run(membership, run_id)
    if not can_act_on_run(membership, run):
        raise PermissionDenied
    if not run.error_count and not run.problems:
        raise Http404
    from esitlik.datasets import imports

    response = HttpResponse(imports.problems_workbook(run), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{slug}-ice-aktarma-{run.pk}-sorunlar.xlsx"'
    )
    return response
