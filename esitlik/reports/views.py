"""The reports pages: the list, asking for a report, following it while it is prepared,
its page (what it was made of, downloads, publishing), reading it on screen, and the files.

Everything shown or downloaded is drawn from the stored document (``making``), never from
the data as it is now."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esitlik.core.access import access_membership_for
from esitlik.core.csp import allow_style
from esitlik.core.permissions import Perm, can
from esitlik.core.templatetags.core_tags import percent_points
from esitlik.core.views.util import page_context
from esitlik.datasets.kinds import Kind
from esitlik.reports import making
from esitlik.reports.access import access_report, visible_reports
from esitlik.reports.files import report_file
from esitlik.reports.forms import ReportRequestForm
from esitlik.reports.models import StoredReport
from esitlik.reports.render import FORMATS, page_css, render_html

PAGE_SIZE = 50


@login_required
@require_GET
def report_list(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    reports = visible_reports(membership).defer("document").select_related("plan", "created_by")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/report_list.html",
        page_context(membership, page=page, may_make=can(membership, Perm.MAKE_REPORTS)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_new(request, slug):
    membership = access_membership_for(request, slug, Perm.MAKE_REPORTS)
    form = ReportRequestForm(
        request.POST or None,
        municipality=membership.municipality,
        language=translation.get_language() or "tr",
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = making.request_report(
                municipality=membership.municipality,
                kind=data["kind"],
                year=data.get("year"),
                plan=data.get("plan"),
                period=data.get("period", ""),
                language=data["language"],
                audience=data["audience"],
                by=request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect("report_progress", slug=slug, report_id=report.pk)
    return render(request, "reports/report_new.html", page_context(membership, form=form))


@login_required
@require_GET
def report_detail(request, slug, report_id):
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    report = access_report(membership, report_id)
    if report.status in making.WORKING:
        return redirect("report_progress", slug=slug, report_id=report.pk)
    may_make = can(membership, Perm.MAKE_REPORTS)
    replaces = []
    if may_make and report.status == StoredReport.Status.READY and not report.is_published:
        replaces = list(report.same_subject().filter(published_at__isnull=False))
    return render(
        request,
        "reports/report_detail.html",
        page_context(
            membership,
            report=report,
            may_make=may_make,
            replaces=replaces,
            runs=_runs(report),
            formats=_downloads(slug, report),
        ),
    )


def _runs(report: StoredReport) -> list[dict]:
    labels = dict(Kind.choices)
    return [
        {**run, "kind_label": labels.get(run.get("kind"), run.get("kind"))}
        for run in report.inputs.get("runs", [])
    ]


def _downloads(slug: str, report: StoredReport) -> list[dict]:
    if report.status != StoredReport.Status.READY:
        return []
    labels = {
        "pdf": _("PDF, to print or send"),
        "xlsx": _("Workbook (XLSX), every table with its numbers"),
        "html": _("Web page (HTML), to keep or put on a website"),
        "json": _("JSON, for other systems (schema in the documentation)"),
    }
    return [
        {
            "format": format,
            "label": labels[format],
            "href": reverse("report_download", args=[slug, report.pk, format]),
        }
        for format in ("pdf", "xlsx", "html", "json")
    ]


def _status(report: StoredReport, slug: str) -> dict:
    percent = making.progress_percent(report)
    phase = making.phase(report)
    return {
        "status": report.status,
        "status_label": report.get_status_display(),
        "progress": percent,
        "phase": phase,
        "text": f"{percent_points(percent)} — {phase}",
        "done": report.status not in making.WORKING,
        "detail_url": reverse("report_detail", args=[slug, report.pk]),
    }


@login_required
@require_GET
@never_cache
def report_progress(request, slug, report_id):
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    report = access_report(membership, report_id)
    if report.status not in making.WORKING:
        return redirect("report_detail", slug=slug, report_id=report.pk)
    return render(
        request,
        "reports/report_progress.html",
        page_context(
            membership,
            report=report,
            percent=making.progress_percent(report),
            phase=making.phase(report),
            status_url=reverse("report_status", args=[slug, report.pk]),
        ),
    )


@login_required
@require_GET
@never_cache
def report_status(request, slug, report_id):
    """The build's progress as JSON, polled by task-progress.js."""
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    return JsonResponse(_status(access_report(membership, report_id), slug))


def _ready(membership, report_id) -> StoredReport:
    report = access_report(membership, report_id, with_document=True)
    if report.status != StoredReport.Status.READY:
        raise Http404
    return report


@login_required
@require_GET
def report_read(request, slug, report_id):
    """The report on screen, as it was built: the document page with its toolbar and, where
    JavaScript runs, interactive charts."""
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    report = _ready(membership, report_id)
    document = making.document_of(report)
    with translation.override(document.language):
        toolbar = [
            {
                "href": reverse("report_detail", args=[slug, report.pk]),
                "label": _("Back to the report's page"),
            },
            *(
                {"href": item["href"], "label": item["format"].upper()}
                for item in _downloads(slug, report)
                if item["format"] != "html"
            ),
        ]
    response = HttpResponse(render_html(document, page=True, toolbar=toolbar, interactive=True))
    return allow_style(response, page_css(document))


@login_required
@require_GET
def report_download(request, slug, report_id, format):
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    if format not in FORMATS:
        raise Http404
    return report_file(_ready(membership, report_id), format)


def _act(request, slug, report_id, action, done: str):
    membership = access_membership_for(request, slug, Perm.MAKE_REPORTS)
    report = access_report(membership, report_id)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        action(report=report, by=request.user, version=version)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("report_detail", slug=slug, report_id=report.pk)


@login_required
@require_POST
def report_publish(request, slug, report_id):
    return _act(request, slug, report_id, making.publish, _("The report is published."))


@login_required
@require_POST
def report_withdraw(request, slug, report_id):
    return _act(request, slug, report_id, making.withdraw, _("The report is no longer published."))


@login_required
@require_POST
def report_delete(request, slug, report_id):
    membership = access_membership_for(request, slug, Perm.MAKE_REPORTS)
    report = access_report(membership, report_id)
    try:
        making.delete(report=report, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("report_detail", slug=slug, report_id=report.pk)
    messages.success(request, _("The report was deleted."))
    return redirect("report_list", slug=slug)
