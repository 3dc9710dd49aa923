"""Importing a file: upload it (kind, year, directorate, mode), say what each column means on
the preview, confirm; the import then runs as a background task while a progress page
follows it, and ends on the run's page.

The ingest itself is ``datasets.imports``; these views only authorise, validate and hand over.
The uploaded file waits under UPLOADS_ROOT as an "uploaded" run, so the mapping page can be
left and come back to from the list of imports."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm
from esitlik.core.tabular import column_letter
from esitlik.core.templatetags.core_tags import percent_points
from esitlik.core.views.util import apply_validation_error, page_context
from esitlik.datasets.access import access_run, can_act_on_run, importable_directorates
from esitlik.datasets.dimensions import spec_for
from esitlik.datasets.forms_imports import MappingForm, UploadForm
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from esitlik.datasets.runs import DONE, WORKING, phase, progress_percent
from esitlik.datasets.workbooks import template_name, template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kind_help(municipality_id: int) -> list[dict]:
    """The columns each kind reads (with the municipality's own dimensions), for the page's
    "which columns" section."""
    return [
        {
            "kind": spec.kind,
            "columns": [
                {
                    "label": field.column.header(),
                    "names": [n for n in field.column.names() if n != field.column.header()],
                    "required": field.column.required,
                }
                for field in spec.all_fields()
            ],
        }
        for spec in (spec_for(municipality_id, kind) for kind in Kind)
    ]


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, slug):
    membership = access_membership_for(request, slug, Perm.IMPORT_DATA)
    directorates = importable_directorates(membership)
    if directorates == []:
        raise PermissionDenied  # a focal point without a directorate has nothing to import for
    initial = {}
    if request.GET.get("kind") in Kind.values:
        initial["kind"] = request.GET["kind"]
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        municipality=membership.municipality,
        directorates=directorates,
        initial=initial,
        template_urls={
            kind: reverse("dataset_template", args=[slug]) + f"?kind={kind}" for kind in Kind.values
        },
    )
    if request.method == "POST" and form.is_valid():
        from esitlik.datasets import imports

        data = form.cleaned_data
        try:
            run = imports.import_upload(
                municipality=membership.municipality,
                kind=Kind(data["kind"]),
                year=data["year"],
                # The upload itself: the import streams it to disk in chunks, so a large
                # file Django spooled to a temporary file is never read into memory.
                data=data["file"],
                file_name=PurePath(data["file"].name or "").name,
                by=request.user,
                directorate=data["directorate"],
                mode=data["mode"],
            )
        except ValidationError as error:
            apply_validation_error(form, _on_file(error))
        else:
            return redirect("dataset_import_map", slug=slug, run_id=run.pk)
    return render(
        request,
        "datasets/upload.html",
        page_context(
            membership,
            form=form,
            kinds_help=_kind_help(membership.municipality_id),
            current="upload",
        ),
    )


def _on_file(error: ValidationError) -> ValidationError:
    """A refusal of the file as a whole is shown on the file field, next to where it was
    chosen, rather than above the form."""
    if hasattr(error, "error_dict"):
        return error
    return ValidationError({"file": error.error_list})


def _mapping_run(membership, run_id) -> ImportRun:
    run = access_run(membership, run_id)
    if not can_act_on_run(membership, run):
        raise PermissionDenied
    return run


def _gone(run: ImportRun, slug: str):
    """A run that is past its mapping goes to where it is now."""
    if run.status in WORKING:
        return redirect("dataset_import_progress", slug=slug, run_id=run.pk)
    return redirect("dataset_import_detail", slug=slug, run_id=run.pk)


@login_required
@require_http_methods(["GET", "POST"])
def import_map(request, slug, run_id):
    """The preview: the file's first rows, and for each heading what it is read as."""
    membership = access_membership_for(request, slug, Perm.IMPORT_DATA)
    run = _mapping_run(membership, run_id)
    if run.status != ImportRun.Status.UPLOADED:
        return _gone(run, slug)
    from esitlik.datasets import imports

    if request.method == "POST" and "read_sheet" in request.POST:
        try:
            imports.import_choose_sheet(
                run=run,
                sheet=request.POST.get("sheet", ""),
                version=_int_or_none(request.POST.get("version")),
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("dataset_import_map", slug=slug, run_id=run.pk)
    preview = imports.import_preview(run)
    if preview.refusal:
        # The file cannot be read at all: say why, and offer to upload another.
        return render(
            request,
            "datasets/import_map.html",
            page_context(membership, run=run, preview=preview, current="upload"),
        )
    form = MappingForm(
        request.POST or None,
        initial={"version": run.version},
        kind=spec_for(run.municipality_id, run.kind),
        headers=list(preview.headers),
        proposed=dict(preview.mapping),
        identifiers=list(preview.identifiers),
    )
    # What the proposed mapping lacks, until the person has chosen; then the confirmation's
    # own refusal says what is still wrong.
    missing = list(preview.missing) if request.method == "GET" else []
    if request.method == "POST" and form.is_valid():
        try:
            imports.import_confirm(
                run=run,
                mapping=form.mapping(),
                drop=form.dropped(),
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("dataset_import_progress", slug=slug, run_id=run.pk)
    return render(
        request,
        "datasets/import_map.html",
        page_context(
            membership,
            run=run,
            preview=preview,
            form=form,
            missing=missing,
            columns=_columns(form, preview),
            other_sheets=[name for name in preview.sheets if name != preview.sheet],
            first_rows=_first_rows(preview),
            current="upload",
        ),
    )


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _columns(form: MappingForm, preview) -> list[dict]:
    """Each heading of the file with its first non-empty values, its select and, for an
    identifier column, its "drop" checkbox."""
    rows = [row["cells"] for row in preview.rows]
    remembered = set(preview.remembered)
    out = []
    for index, header, name, drop in form.columns:
        if drop:
            # A column taken for names, ID numbers or contacts: its values are not shown.
            values = [str(_("(not shown: personal identifiers)"))]
        else:
            values = [
                str(row[index]) for row in rows if index < len(row) and str(row[index]).strip()
            ]
        out.append(
            {
                "header": header,
                "letter": column_letter(index),
                "remembered": header in remembered,
                "samples": list(dict.fromkeys(values))[:3],
                "select": form[name],
                "drop": form[drop] if drop else None,
            }
        )
    return out


def _first_rows(preview) -> list[dict]:
    """The preview's first rows, the cells of identifier columns hidden."""
    hidden = {i for i, header in enumerate(preview.headers) if header in dict(preview.identifiers)}
    shown = str(_("(not shown)"))
    return [
        {
            "number": row["number"],
            "cells": [shown if i in hidden else cell for i, cell in enumerate(row["cells"])],
        }
        for row in preview.rows
    ]


def _status(run: ImportRun, slug: str) -> dict:
    percent = progress_percent(run)
    return {
        "status": run.status,
        "status_label": run.get_status_display(),
        "progress": percent,
        "phase": phase(run),
        "text": f"{percent_points(percent)} — {phase(run)}",
        "done": run.status in DONE,
        "rows_read": run.rows_read,
        "error_count": run.error_count,
        "detail_url": reverse("dataset_import_detail", args=[slug, run.pk]),
    }


@login_required
@require_GET
@never_cache
def import_progress(request, slug, run_id):
    """Follows a queued or running import; a finished one goes to its page."""
    membership = access_membership_for(request, slug)
    run = access_run(membership, run_id)
    if run.status == ImportRun.Status.UPLOADED:
        return redirect("dataset_import_map", slug=slug, run_id=run.pk)
    if run.status in DONE:
        return redirect("dataset_import_detail", slug=slug, run_id=run.pk)
    return render(
        request,
        "datasets/import_progress.html",
        page_context(
            membership,
            run=run,
            percent=progress_percent(run),
            phase=phase(run),
            status_url=reverse("dataset_import_status", args=[slug, run.pk]),
            current="imports",
        ),
    )


@login_required
@require_GET
@never_cache
def import_status(request, slug, run_id):
    """The run's progress as JSON, polled by task-progress.js."""
    membership = access_membership_for(request, slug)
    run = access_run(membership, run_id)
    return JsonResponse(_status(run, slug))


@login_required
@require_GET
def kind_template(request, slug):
    """An empty workbook with the columns of the kind in ``?kind=`` under their Turkish
    headings."""
    membership = access_membership_for(request, slug)
    try:
        chosen = Kind(request.GET.get("kind", Kind.SERVICE_COUNTS))
    except ValueError:
        raise Http404 from None
    response = HttpResponse(
        template_workbook(chosen, membership.municipality_id), content_type=XLSX
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{membership.municipality.slug}-{template_name(chosen)}.xlsx"'
    )
    return response
