"""Plan editions: the list, a new edition, its page, its details and its lifecycle."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.core.views.util import apply_validation_error, page_context
from esitlik.plans import lifecycle, services, structure
from esitlik.plans.access import access_plan
from esitlik.plans.forms import PlanForm, TransitionForm
from esitlik.plans.models import Action, ActionPlan


@login_required
def plan_list(request, slug):
    membership = access_membership_for(request, slug)
    plans = ActionPlan.objects.filter(municipality=membership.municipality)
    return render(
        request,
        "plans/plan_list.html",
        page_context(membership, plans=plans, can_manage=can(membership, Perm.MANAGE_PLANS)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    form = PlanForm(request.POST or None, municipality=membership.municipality, new=True)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(
                municipality=membership.municipality, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Edition %(edition)s was created as a draft.") % {"edition": plan.edition},
            )
            if getattr(plan, "carried", None):
                from esitlik.plans.carry_over import summary

                messages.info(request, summary(plan.carried))
            return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return render(
        request,
        "plans/plan_form.html",
        page_context(membership, form=form, heading=_("New plan edition")),
    )


@login_required
def plan_detail(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    manage = can(membership, Perm.MANAGE_PLANS)
    aims = plan.aims.select_related("heading").prefetch_related(
        Prefetch("objectives__actions", queryset=Action.objects.select_related("lead_directorate")),
        "objectives__indicators",
        "objectives__actions__indicators",
        # The participation inputs each action answers (reverse relation; plans imports
        # nothing from participation).
        "objectives__actions__inputs",
    )
    editable = plan.status in services.EDITABLE_STATUSES
    reportable = plan.status in structure.REPORTABLE_STATUSES
    actions = [a for aim in aims for o in aim.objectives.all() for a in o.actions.all()]
    # Actions this user may open: all while the admin prepares the plan; afterwards those
    # whose lead directorate the user reports for.
    openable = {
        a.pk
        for a in actions
        if (manage and editable)
        or (reportable and can_edit_directorate(membership, a.lead_directorate))
    }
    return render(
        request,
        "plans/plan_detail.html",
        page_context(
            membership,
            plan=plan,
            aims=aims,
            action_count=len(actions),
            can_manage=manage,
            can_edit=manage and editable,
            openable=openable,
            moves=lifecycle.transitions_from(plan.status) if manage else [],
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, slug, plan_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    plan = access_plan(membership, plan_id)
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    form = PlanForm(request.POST or None, municipality=membership.municipality, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return render(
        request,
        "plans/plan_form.html",
        page_context(membership, form=form, heading=str(plan), plan=plan),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_transition(request, slug, plan_id, target):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    plan = access_plan(membership, plan_id)
    move = lifecycle.find(plan.status, target)
    if move is None:
        # Not a move from the plan's current status: nothing to show at this address.
        raise Http404
    form = TransitionForm(request.POST or None, move=move, initial={"expected_status": plan.status})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.plan_transition(plan=plan, target=target, by=request.user, **data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            plan.refresh_from_db()
            messages.success(
                request, _("The plan is now: %(status)s.") % {"status": plan.get_status_display()}
            )
            return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return render(
        request,
        "plans/plan_transition.html",
        page_context(membership, form=form, plan=plan, move=move),
    )
