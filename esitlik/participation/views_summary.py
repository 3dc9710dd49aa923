"""The participation summary page and its XLSX export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from esitlik.core import charts
from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm
from esitlik.core.views.util import page_context
from esitlik.participation.forms_summary import QUICK, SummaryFilterForm
from esitlik.participation.press import LANGUAGES, press_sentence
from esitlik.participation.summary import PEOPLE_SHARES_MIN, participation_summary
from esitlik.participation.summary_export import summary_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def stack(rows) -> list[dict]:
    """The parts of a stacked bar of summary rows (see core.charts.stack)."""
    return charts.stack((row.label, row.count) for row in rows)


def _summary(request, membership):
    municipality = membership.municipality
    form = SummaryFilterForm(request.GET or None, municipality=municipality)
    return form, participation_summary(municipality, **form.filters())


@login_required
def summary_page(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    form, summary = _summary(request, membership)
    language = "en" if (get_language() or "tr").startswith("en") else "tr"
    other = next(code for code in LANGUAGES if code != language)
    return render(
        request,
        "participation/summary.html",
        page_context(
            membership,
            form=form,
            period_fields=[form["date_from"], form["date_to"]],
            quick=QUICK,
            people_shares_min=PEOPLE_SHARES_MIN,
            sex_stack=stack(summary.sexes),
            decision_stack=stack(summary.decisions),
            summary=summary,
            sentence=press_sentence(summary, language),
            other_language=other,
            other_sentence=press_sentence(summary, other),
            query=form.query(),
        ),
    )


@login_required
@never_cache
def summary_export(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    form, summary = _summary(request, membership)
    response = HttpResponse(summary_workbook(summary, membership.municipality), content_type=XLSX)
    dates = [d.isoformat() for d in (summary.filters.date_from, summary.filters.date_to) if d]
    plan = [f"yeep-{summary.filters.plan.edition}"] if summary.filters.plan else []
    filename = "-".join([membership.municipality.slug, "katilim", *plan, *dates]) + ".xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
