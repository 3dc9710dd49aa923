"""The commitment page: Charter signature and deadline, equality unit and commission, and the
legal duties that apply to this municipality."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error
from esitlik.frameworks.legal_rules import evaluate
from esitlik.plans import services
from esitlik.plans.forms import CommitmentForm
from esitlik.plans.models import ActionPlan


@login_required
def commitment_detail(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    commitment = services.commitment_of(municipality)
    today = timezone.localdate()
    due = commitment.first_plan_due
    # The deadline matters only until the council adopts a first plan.
    adopted = (
        ActionPlan.objects.filter(municipality=municipality, status__in=ActionPlan.ADOPTED)
        .order_by("edition")
        .first()
    )
    return render(
        request,
        "plans/commitment.html",
        {
            "membership": membership,
            "municipality": municipality,
            "commitment": commitment,
            "due": due,
            "adopted": adopted,
            "days_left": (due - today).days if due else None,
            "rules": evaluate(municipality, today),
            "can_edit": can(membership, Perm.MANAGE_STRUCTURE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_edit(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_STRUCTURE)
    municipality = membership.municipality
    commitment = services.commitment_of(municipality)
    initial = model_to_dict(commitment, fields=services.COMMITMENT_FIELDS)
    form = CommitmentForm(request.POST or None, municipality=municipality, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_update(
                municipality=municipality, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("commitment_detail", slug=slug)
    return render(
        request,
        "plans/commitment_form.html",
        {"membership": membership, "municipality": municipality, "form": form},
    )
