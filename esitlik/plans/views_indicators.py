"""Indicators: the admin defines them and their targets while the plan is prepared; then each
period the responsible directorate's focal point reports, and the equality unit reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.core.views.util import apply_validation_error, page_context, save_form
from esitlik.plans import indicators, progress, rollup
from esitlik.plans.access import (
    access_action,
    access_evidence,
    access_indicator,
    access_objective,
    access_plan,
)
from esitlik.plans.forms_indicators import IndicatorForm, ReopenForm, ReviewForm, UpdateForm
from esitlik.plans.models import Indicator, IndicatorUpdate
from esitlik.plans.services import EDITABLE_STATUSES
from esitlik.plans.structure import REPORTABLE_STATUSES


def _definition_page(request, membership, plan, form, heading, parent):
    return render(
        request,
        "plans/indicator_form.html",
        page_context(membership, plan=plan, form=form, heading=heading, parent=parent),
    )


def _create(request, slug, plan_id, parent_of):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    plan = access_plan(membership, plan_id)
    parent = parent_of(plan)
    form = IndicatorForm(request.POST or None, plan=plan)
    if save_form(
        request,
        form,
        lambda data: indicators.indicator_create(
            parent=parent, by=request.user, **{k: v for k, v in data.items() if k != "version"}
        ),
        _("The indicator was added."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    heading = _("Add an indicator to %(parent)s") % {"parent": parent}
    return _definition_page(request, membership, plan, form, heading, parent)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create_for_objective(request, slug, plan_id, objective_id):
    return _create(request, slug, plan_id, lambda plan: access_objective(plan, objective_id))


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create_for_action(request, slug, plan_id, action_id):
    return _create(request, slug, plan_id, lambda plan: access_action(plan, action_id))


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, slug, plan_id, indicator_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    plan = access_plan(membership, plan_id)
    indicator = access_indicator(plan, indicator_id)
    form = IndicatorForm(
        request.POST or None, plan=plan, initial=IndicatorForm.initial_for(indicator)
    )
    if save_form(
        request,
        form,
        lambda data: indicators.indicator_update(indicator=indicator, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("indicator_detail", slug=slug, plan_id=plan.pk, indicator_id=indicator.pk)
    return _definition_page(request, membership, plan, form, str(indicator), indicator.parent)


def _chain(indicator: Indicator) -> list[Indicator]:
    """The same indicator in earlier editions, newest first, for its full history."""
    earlier, seen = [], {indicator.pk}
    current = indicator.carried_from
    while current is not None and current.pk not in seen:
        earlier.append(current)
        seen.add(current.pk)
        current = current.carried_from
    return earlier


@login_required
def indicator_detail(request, slug, plan_id, indicator_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    indicator = access_indicator(plan, indicator_id)
    updates = {(u.year, u.half): u for u in indicator.updates.all()}
    standing = rollup.standing_of(indicator, plan)
    reporter = plan.status in REPORTABLE_STATUSES and can_edit_directorate(
        membership, indicator.responsible_directorate
    )
    rows = [
        {"period": period, "update": updates.get((period.year, period.half))}
        for period in progress.periods(indicator, plan)
    ]
    return render(
        request,
        "plans/indicator_detail.html",
        page_context(
            membership,
            plan=plan,
            indicator=indicator,
            standing=standing,
            rows=rows,
            today=timezone.localdate(),
            reporter=reporter,
            can_edit=can(membership, Perm.MANAGE_PLANS) and plan.status in EDITABLE_STATUSES,
            earlier=[
                (old, list(old.updates.filter(status=IndicatorUpdate.Status.APPROVED)))
                for old in _chain(indicator)
            ],
        ),
    )


def _update_initial(update: IndicatorUpdate | None) -> dict:
    if update is None:
        return {}
    return {
        "value": update.value,
        "women": update.women,
        "men": update.men,
        "narrative": update.narrative,
        "evidence_links": update.evidence_links,
        "version": update.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def update_period(request, slug, plan_id, indicator_id, year, half):
    """One period of one indicator: the focal point's form, and the unit's review panel."""
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    indicator = access_indicator(plan, indicator_id)
    period = progress.Period(year, half)
    if period not in progress.periods(indicator, plan):
        raise Http404
    update = IndicatorUpdate.objects.filter(indicator=indicator, year=year, half=half).first()
    reporter = plan.status in REPORTABLE_STATUSES and can_edit_directorate(
        membership, indicator.responsible_directorate
    )
    reviewer = plan.status in REPORTABLE_STATUSES and can(membership, Perm.MANAGE_PLANS)
    editable = reporter and (update is None or update.status != IndicatorUpdate.Status.APPROVED)
    if request.method == "POST" and not editable:
        raise PermissionDenied
    form = UpdateForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        initial=_update_initial(update),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("evidence_file", None)
        submit = "submit" in request.POST
        try:
            saved = progress.update_save(
                indicator=indicator, year=year, half=half, by=request.user, submit=submit, **data
            )
            if upload is not None:
                progress.evidence_add(update=saved, upload=upload, by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Submitted to the equality unit for review.")
                if submit
                else _("Saved as a draft."),
            )
            return redirect(
                "update_period",
                slug=slug,
                plan_id=plan.pk,
                indicator_id=indicator.pk,
                year=year,
                half=half,
            )
    version = update.version if update else None
    return render(
        request,
        "plans/update_period.html",
        page_context(
            membership,
            plan=plan,
            indicator=indicator,
            period=period,
            update=update,
            form=form if editable else None,
            review_form=ReviewForm(initial={"version": version})
            if reviewer and update and update.status == IndicatorUpdate.Status.SUBMITTED
            else None,
            reopen_form=ReopenForm(initial={"version": version})
            if reviewer and update and update.status == IndicatorUpdate.Status.APPROVED
            else None,
            target=rollup.target_for(indicator, year),
        ),
    )


def _review_target(request, slug, plan_id, indicator_id, year, half):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    plan = access_plan(membership, plan_id)
    indicator = access_indicator(plan, indicator_id)
    update = IndicatorUpdate.objects.filter(indicator=indicator, year=year, half=half).first()
    if update is None:
        raise Http404
    return plan, update


def _back(slug, plan, update):
    return redirect(
        "update_period",
        slug=slug,
        plan_id=plan.pk,
        indicator_id=update.indicator_id,
        year=update.year,
        half=update.half,
    )


@login_required
@require_POST
def update_review(request, slug, plan_id, indicator_id, year, half):
    plan, update = _review_target(request, slug, plan_id, indicator_id, year, half)
    form = ReviewForm(request.POST)
    approve = "approve" in request.POST
    if form.is_valid():
        try:
            progress.update_review(
                update=update,
                by=request.user,
                approve=approve,
                comment=form.cleaned_data["comment"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Approved; this period is now locked.")
                if approve
                else _("Returned to the focal point with your comment."),
            )
    return _back(slug, plan, update)


@login_required
@require_POST
def update_reopen(request, slug, plan_id, indicator_id, year, half):
    plan, update = _review_target(request, slug, plan_id, indicator_id, year, half)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for reopening an approved period."))
        return _back(slug, plan, update)
    try:
        progress.update_reopen(
            update=update,
            by=request.user,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Reopened; the focal point can correct the figures."))
    return _back(slug, plan, update)


@login_required
def evidence_download(request, slug, plan_id, evidence_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    evidence = access_evidence(plan, evidence_id)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=evidence.name)


@login_required
def indicator_list(request, slug, plan_id):
    """All indicators of a plan against their targets, with traffic lights."""
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    standings = rollup.standings(plan)
    counts = {light: 0 for light in rollup.Light}
    for standing in standings:
        counts[standing.light] += 1
    return render(
        request,
        "plans/indicator_list.html",
        page_context(
            membership,
            plan=plan,
            standings=standings,
            counts=[(light, counts[light]) for light in rollup.Light],
        ),
    )
