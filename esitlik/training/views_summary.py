"""The training summary (the training home) and its XLSX export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from esitlik.core import charts
from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm
from esitlik.core.views.util import page_context
from esitlik.training.figures import EXPIRY_WARNING_DAYS, PEOPLE_SHARES_MIN, training_figures
from esitlik.training.figures_export import figures_workbook
from esitlik.training.forms_summary import TrainingFilterForm
from esitlik.training.sentence import LANGUAGES, training_sentence

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _figures(request, membership):
    municipality = membership.municipality
    form = TrainingFilterForm(request.GET or None, municipality=municipality)
    return form, training_figures(municipality, **form.filters())


@login_required
def summary_page(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    form, figures = _figures(request, membership)
    language = "en" if (get_language() or "tr").startswith("en") else "tr"
    other = next(code for code in LANGUAGES if code != language)
    sexes = [(label, count) for _sex, label, count in figures.people.by_sex()]
    return render(
        request,
        "training/summary.html",
        page_context(
            membership,
            form=form,
            period_fields=[form["year"], form["date_from"], form["date_to"]],
            figures=figures,
            sex_stack=charts.stack(sexes),
            people_shares_min=PEOPLE_SHARES_MIN,
            expiry_days=EXPIRY_WARNING_DAYS,
            sentence=training_sentence(figures, language),
            other_language=other,
            other_sentence=training_sentence(figures, other),
            query=form.query(),
        ),
    )


@login_required
@never_cache
def summary_export(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    _form, figures = _figures(request, membership)
    response = HttpResponse(figures_workbook(figures, membership.municipality), content_type=XLSX)
    dates = [d.isoformat() for d in (figures.filters.date_from, figures.filters.date_to) if d]
    filename = "-".join([membership.municipality.slug, "egitim", *dates]) + ".xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
