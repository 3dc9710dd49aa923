"""The public portal: no sign-in, read only, one municipality per address (``/p/<slug>/``).

Every view loads the municipality by its slug (404 if there is none) and reads through
``portal.selectors``, which hands out published content only. The one write is a citizen's
message (``portal_send``, through ``portal.sending``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.middleware import client_ip
from esitlik.frameworks.legal_rules import evaluate
from esitlik.plans.models import Commitment
from esitlik.portal import charts, opendata, selectors
from esitlik.portal.caching import public_page
from esitlik.portal.forms import CitizenInputForm
from esitlik.portal.sending import over_limit, send_input
from esitlik.reports.files import report_file
from esitlik.reports.render import FORMATS


def _context(municipality, section: str, **extra) -> dict:
    return {"municipality": municipality, "section": section, **extra}


@require_GET
@public_page
def portal_index(request):
    return render(request, "portal/index.html", {"municipalities": selectors.municipalities()})


@require_GET
@public_page
def portal_home(request, slug):
    municipality = selectors.municipality_for(slug)
    commitment = Commitment.objects.filter(municipality=municipality).first()
    plan = selectors.current_plan(municipality)
    return render(
        request,
        "portal/home.html",
        _context(
            municipality,
            "home",
            commitment=commitment,
            plan=plan,
            rules=evaluate(municipality, timezone.localdate()),
            reports=selectors.published_reports(municipality).defer("document")[:3],
        ),
    )


@require_GET
@public_page
def portal_plan(request, slug):
    municipality = selectors.municipality_for(slug)
    plan = selectors.current_plan(municipality)
    tree, progress, count = selectors.plan_tree(plan) if plan else ([], None, 0)
    return render(
        request,
        "portal/plan.html",
        _context(municipality, "plan", plan=plan, tree=tree, progress=progress, count=count),
    )


@require_GET
@public_page
def portal_indicators(request, slug):
    municipality = selectors.municipality_for(slug)
    plan = selectors.current_plan(municipality)
    views = selectors.indicators(plan) if plan else []
    items = [
        {
            "view": view,
            "description": charts.describe(view),
            "chart": reverse("portal_indicator_chart", args=[slug, view.indicator.pk]),
            "rows": _indicator_rows(view),
        }
        for view in views
    ]
    return render(
        request,
        "portal/indicators.html",
        _context(municipality, "indicators", plan=plan, items=items),
    )


def _indicator_rows(view) -> list[dict]:
    """The chart's data table: each year's approved values (by half where given) and target."""
    targets = {t.year: t.value for t in view.targets}
    rows = [
        {
            "year": u.year,
            "period": opendata.half_label(u.half),
            "value": u.value,
            "target": targets.get(u.year),
            "half": u.half,
        }
        for u in view.values
    ]
    seen = {u.year for u in view.values}
    rows += [
        {
            "year": year,
            "period": opendata.half_label(0),
            "value": None,
            "target": value,
            "half": 0,
        }
        for year, value in targets.items()
        if year not in seen
    ]
    return sorted(rows, key=lambda row: (row["year"], row["half"]))


@require_GET
@public_page
def portal_indicator_chart(request, slug, indicator_id):
    municipality = selectors.municipality_for(slug)
    view = selectors.indicator_of(selectors.current_plan(municipality), indicator_id)
    return HttpResponse(charts.svg(view), content_type="image/svg+xml")


def _downloads(slug, report) -> list[dict]:
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
            "href": reverse("portal_report_download", args=[slug, report.pk, format]),
        }
        for format in ("pdf", "xlsx", "html", "json")
    ]


@require_GET
@public_page
def portal_reports(request, slug):
    municipality = selectors.municipality_for(slug)
    reports = [
        {"report": report, "downloads": _downloads(slug, report)}
        for report in selectors.published_reports(municipality).defer("document")
    ]
    return render(
        request, "portal/reports.html", _context(municipality, "reports", reports=reports)
    )


@require_GET
def portal_report_download(request, slug, report_id, format):
    municipality = selectors.municipality_for(slug)
    if format not in FORMATS:
        raise Http404
    return report_file(selectors.published_report(municipality, report_id), format)


@require_GET
@public_page
def portal_inputs(request, slug):
    municipality = selectors.municipality_for(slug)
    reference = request.GET.get("ref", "").strip()[:20]
    inputs = selectors.public_inputs(municipality, reference)
    return render(
        request,
        "portal/inputs.html",
        _context(municipality, "inputs", inputs=inputs, reference=reference),
    )


@require_http_methods(["GET", "POST"])
def portal_send(request, slug):
    """A citizen sends a problem, need or proposal; no sign-in, no personal data."""
    municipality = selectors.municipality_for(slug)
    form = CitizenInputForm(request.POST or None, municipality=municipality)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            item = send_input(
                municipality=municipality, client=client_ip(request) or "", data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            status = 429
        else:
            return redirect("portal_sent", slug=slug, reference=item.reference)
    refused = ""
    if request.method == "GET" and over_limit(municipality, client_ip(request) or ""):
        # Said before anything is typed, so nobody writes a message that cannot be sent.
        refused = _(
            "Too many messages were sent from your connection in the last hour. Please "
            "come back later."
        )
    return render(
        request,
        "portal/send.html",
        _context(municipality, "send", form=form, refused=refused),
        status=status,
    )


@require_GET
def portal_sent(request, slug, reference):
    municipality = selectors.municipality_for(slug)
    found = selectors.public_inputs(municipality, reference)
    if not found:
        raise Http404
    return render(request, "portal/sent.html", _context(municipality, "send", item=found[0]))


@require_GET
@public_page
def portal_figures(request, slug):
    municipality = selectors.municipality_for(slug)
    return render(
        request,
        "portal/figures.html",
        _context(
            municipality,
            "figures",
            participation=selectors.participation_by_year(municipality),
            training=selectors.training_by_year(municipality),
            sexes=selectors.sexes(),
        ),
    )


@require_GET
@public_page
def portal_data(request, slug):
    municipality = selectors.municipality_for(slug)
    tables = [
        {
            "name": name,
            "title": title,
            "csv": reverse("portal_data_csv", args=[slug, name]),
            "json": reverse("portal_data_json", args=[slug, name]),
        }
        for name, title in opendata.TABLES.items()
    ]
    return render(
        request,
        "portal/data.html",
        _context(
            municipality,
            "data",
            tables=tables,
            package=reverse("portal_datapackage", args=[slug]),
        ),
    )


def _table(slug, name):
    municipality = selectors.municipality_for(slug)
    if name not in opendata.BUILDERS:
        raise Http404
    return opendata.table(municipality, name)


@require_GET
@public_page
def portal_data_csv(request, slug, table):
    data = _table(slug, table)
    response = HttpResponse(opendata.as_csv(data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{table}.csv"'
    return response


@require_GET
@public_page
def portal_data_json(request, slug, table):
    return JsonResponse(
        opendata.as_json(_table(slug, table)), json_dumps_params={"ensure_ascii": False}
    )


@require_GET
@public_page
def portal_datapackage(request, slug):
    municipality = selectors.municipality_for(slug)
    return JsonResponse(
        opendata.datapackage(municipality), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
