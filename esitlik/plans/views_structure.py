"""Aims, objectives and actions of a plan: the admin shapes them while the plan is being
prepared; afterwards the lead directorate's focal point reports on each action."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.core.views.util import save_form
from esitlik.plans import structure
from esitlik.plans.access import access_action, access_aim, access_objective, access_plan
from esitlik.plans.forms import ActionForm, ActionReportForm, AimForm, ObjectiveForm


def _managed_plan(request, slug, plan_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    return membership, access_plan(membership, plan_id)


def _page(request, membership, plan, form, heading, template="plans/structure_form.html", **extra):
    return render(
        request,
        template,
        {
            "membership": membership,
            "municipality": membership.municipality,
            "plan": plan,
            "form": form,
            "heading": heading,
            **extra,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def aim_create(request, slug, plan_id):
    membership, plan = _managed_plan(request, slug, plan_id)
    form = AimForm(request.POST or None)
    if save_form(
        request,
        form,
        lambda data: structure.aim_create(plan=plan, by=request.user, **data),
        _("The aim was added."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return _page(request, membership, plan, form, _("Add an aim"))


@login_required
@require_http_methods(["GET", "POST"])
def aim_edit(request, slug, plan_id, aim_id):
    membership, plan = _managed_plan(request, slug, plan_id)
    aim = access_aim(plan, aim_id)
    form = AimForm(request.POST or None, initial={"title": aim.title, "heading": aim.heading_id})
    if save_form(
        request,
        form,
        lambda data: structure.aim_update(aim=aim, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return _page(request, membership, plan, form, str(aim))


@login_required
@require_http_methods(["GET", "POST"])
def objective_create(request, slug, plan_id, aim_id):
    membership, plan = _managed_plan(request, slug, plan_id)
    aim = access_aim(plan, aim_id)
    form = ObjectiveForm(request.POST or None)
    if save_form(
        request,
        form,
        lambda data: structure.objective_create(aim=aim, by=request.user, **data),
        _("The objective was added."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return _page(request, membership, plan, form, _("Add an objective to %(aim)s") % {"aim": aim})


@login_required
@require_http_methods(["GET", "POST"])
def objective_edit(request, slug, plan_id, objective_id):
    membership, plan = _managed_plan(request, slug, plan_id)
    objective = access_objective(plan, objective_id)
    form = ObjectiveForm(request.POST or None, initial={"title": objective.title})
    if save_form(
        request,
        form,
        lambda data: structure.objective_update(objective=objective, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return _page(request, membership, plan, form, str(objective))


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, slug, plan_id, objective_id):
    membership, plan = _managed_plan(request, slug, plan_id)
    objective = access_objective(plan, objective_id)
    form = ActionForm(request.POST or None, municipality=membership.municipality)
    if save_form(
        request,
        form,
        lambda data: structure.action_create(objective=objective, by=request.user, **data),
        _("The action was added."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return _page(
        request,
        membership,
        plan,
        form,
        _("Add an action to %(objective)s") % {"objective": objective},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, slug, plan_id, action_id):
    """The admin edits an action of a plan in preparation; once the plan is approved, the
    lead directorate's focal point (or the admin) reports its status, progress and spending."""
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    action = access_action(plan, action_id)
    if plan.status in structure.REPORTABLE_STATUSES:
        if not can_edit_directorate(membership, action.lead_directorate):
            raise PermissionDenied
        form = ActionReportForm(
            request.POST or None,
            initial={
                "status": action.status,
                "progress": action.progress,
                "budget_actual": action.budget_actual,
                "version": action.version,
            },
        )
        if save_form(
            request,
            form,
            lambda data: structure.action_report(action=action, by=request.user, **data),
            _("The report was saved."),
        ):
            return redirect("plan_detail", slug=slug, plan_id=plan.pk)
        return _page(request, membership, plan, form, str(action), action=action, report=True)
    if not can(membership, Perm.MANAGE_PLANS):
        raise PermissionDenied
    initial = {name: getattr(action, name) for name in structure.ACTION_FIELDS}
    initial.update(
        lead_directorate=action.lead_directorate_id,
        supporting_directorates=list(action.supporting_directorates.values_list("pk", flat=True)),
        tags=list(action.tags.values_list("pk", flat=True)),
        partners=list(action.partners.values_list("name", flat=True)),
        version=action.version,
    )
    form = ActionForm(request.POST or None, municipality=membership.municipality, initial=initial)
    if save_form(
        request,
        form,
        lambda data: structure.action_update(action=action, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return _page(request, membership, plan, form, str(action), action=action)
