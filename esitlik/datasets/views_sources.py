"""The page where a plan indicator is tied to the data and its computed values are read and,
by those who report the indicator, put into its yearly updates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.core.views.util import apply_validation_error, page_context
from esitlik.datasets.forms_sources import IndicatorSourceForm
from esitlik.datasets.models import IndicatorSource
from esitlik.plans import progress
from esitlik.plans.access import access_indicator, access_plan
from esitlik.plans.structure import REPORTABLE_STATUSES


def _shown(value, membership, source):
    """A computed value as the viewer may see it: small bases are hidden ("c") from those who
    may only see disclosure-controlled figures, with the measures derived from them."""
    from esitlik.analytics.disclosure import threshold_for

    if can(membership, Perm.VIEW_UNSUPPRESSED):
        return {"value": value.value, "women": value.women, "men": value.men, "hidden": False}
    threshold = threshold_for(sensitive=bool(source.service_id and source.service.sensitive))
    small = [n for n in (value.base, value.base_women, value.base_men) if 0 < n < threshold]
    if source.metric == IndicatorSource.Metric.EQUALITY_BUDGET_SHARE or not small:
        return {"value": value.value, "women": value.women, "men": value.men, "hidden": False}
    if 0 < value.base < threshold or source.metric != IndicatorSource.Metric.COUNT:
        return {"value": None, "women": None, "men": None, "hidden": True}
    # A total large enough is shown; women and men are hidden together, so neither can be
    # worked out from the total and the other.
    return {"value": value.value, "women": None, "men": None, "hidden": True}


@login_required
def indicator_source(request, slug, plan_id, indicator_id):
    # The computations (Ibis, DuckDB, pandas) are imported when this page is first opened, not
    # when the site's addresses load: every other page, and start-up, stay light.
    from esitlik.datasets.indicator_values import values_from_data
    from esitlik.datasets.sources import source_remove, source_set, source_value_use

    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    indicator = access_indicator(plan, indicator_id)
    source = IndicatorSource.objects.filter(indicator=indicator).select_related("service").first()
    can_define = can(membership, Perm.MANAGE_PLANS)
    can_use = (
        source is not None
        and plan.status in REPORTABLE_STATUSES
        and indicator.frequency == indicator.Frequency.YEARLY
        and can_edit_directorate(membership, indicator.responsible_directorate)
    )
    form = IndicatorSourceForm(
        request.POST if request.method == "POST" and "save" in request.POST else None,
        municipality=plan.municipality,
        initial=IndicatorSourceForm.initial_of(source),
    )
    if request.method == "POST":
        here = redirect("indicator_source", slug, plan.pk, indicator.pk)
        if "save" in request.POST and can_define and form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                source_set(indicator=indicator, by=request.user, version=version, **data)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The indicator's data source was saved."))
                return here
        elif "remove" in request.POST and can_define and source is not None:
            source_remove(source=source, by=request.user)
            messages.success(request, _("The indicator no longer takes values from the data."))
            return here
        elif "use" in request.POST and can_use:
            try:
                year = int(request.POST["use"])
                source_value_use(source=source, year=year, by=request.user)
            except (ValueError, ValidationError) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            else:
                messages.success(
                    request,
                    _("The value of %(year)s was put into the indicator's update as a draft.")
                    % {"year": year},
                )
            return here
        elif "save" not in request.POST or not can_define:
            raise PermissionDenied
    years = sorted({period.year for period in progress.periods(indicator, plan)})
    rows = []
    if source is not None:
        found = values_from_data(source, years)
        reported = {u.year: u for u in indicator.updates.filter(half=0)}
        rows = [
            {
                "year": year,
                "data": found.get(year),
                "shown": _shown(found[year], membership, source) if year in found else None,
                "update": reported.get(year),
            }
            for year in years
        ]
    return render(
        request,
        "datasets/indicator_source.html",
        page_context(
            membership,
            plan=plan,
            indicator=indicator,
            source=source,
            form=form,
            can_define=can_define,
            can_use=can_use,
            rows=rows,
        ),
    )
