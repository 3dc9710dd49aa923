"""Inputs: the problems, needs and proposals people raised, and what became of each. Members
read them; the unit and focal points record them; the equality unit decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.text import tr_casefold
from esitlik.core.views.util import apply_validation_error, page_context, save_form
from esitlik.participation import inputs
from esitlik.participation.access import access_input, can_edit_input
from esitlik.participation.forms_inputs import DecisionForm, InputFilterForm, InputForm
from esitlik.participation.models import Input
from esitlik.plans.links import action_links

PAGE_SIZE = 50


def _matching(rows, data: dict) -> list[Input]:
    """Filters the database cannot do portably: a target group inside the JSON list, and a
    text search that treats "I" and "ı" the Turkish way."""
    rows = list(rows)
    if data.get("target_group"):
        rows = [r for r in rows if data["target_group"] in r.target_groups]
    if data.get("q"):
        needle = tr_casefold(data["q"])
        rows = [r for r in rows if needle in tr_casefold(f"{r.reference} {r.text}")]
    return rows


@login_required
@require_GET
def input_list(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    form = InputFilterForm(request.GET or None, municipality=municipality)
    rows = Input.objects.filter(municipality=municipality).select_related(
        "event", "stakeholder", "neighbourhood"
    )
    data = form.cleaned_data if form.is_valid() else {}
    for name in ("status", "kind", "heading", "neighbourhood", "event"):
        if data.get(name):
            rows = rows.filter(**{name: data[name]})
    rows = rows.order_by("-received_on", "-id")
    page = Paginator(_matching(rows, data), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/input_list.html",
        page_context(
            membership,
            form=form,
            page=page,
            query=query.urlencode(),
            can_record=can(membership, Perm.RECORD_PARTICIPATION),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def input_create(request, slug):
    """An input that did not come from an event: a stakeholder's letter, a survey answer."""
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    form = InputForm(request.POST or None, municipality=membership.municipality)
    created = []
    if save_form(
        request,
        form,
        lambda data: created.append(
            inputs.input_create(municipality=membership.municipality, by=request.user, **data)
        ),
        _("The input was recorded."),
    ):
        return redirect("input_detail", slug=slug, input_id=created[0].pk)
    return render(
        request,
        "participation/input_form.html",
        page_context(membership, form=form, heading=_("Record an input")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def input_detail(request, slug, input_id):
    """The input, its edit form for those who may change it, and the decision form for the
    equality unit. The two forms post here, told apart by their button's name."""
    membership = access_membership_for(request, slug)
    item = access_input(membership, input_id)
    municipality = membership.municipality
    editable = can_edit_input(membership, item)
    deciding = can(membership, Perm.DECIDE_INPUTS)
    which = request.POST.get("form") if request.method == "POST" else None
    if (which == "edit" and not editable) or (which == "decide" and not deciding):
        raise PermissionDenied
    if request.method == "POST" and which not in ("edit", "decide"):
        raise PermissionDenied
    edit_form = (
        InputForm(
            request.POST if which == "edit" else None,
            municipality=municipality,
            item=item,
            event=item.event,
            initial=InputForm.initial_for(item),
        )
        if editable
        else None
    )
    decision_form = (
        DecisionForm(
            request.POST if which == "decide" else None,
            municipality=municipality,
            item=item,
            initial=DecisionForm.initial_for(item),
        )
        if deciding
        else None
    )
    if which == "edit" and save_form(
        request,
        edit_form,
        lambda data: inputs.input_update(item=item, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("input_detail", slug=slug, input_id=item.pk)
    if which == "decide" and decision_form.is_valid():
        data = decision_form.cleaned_data
        try:
            inputs.input_decide(
                item=item,
                by=request.user,
                status=data["status"],
                reason=data["decision_reason"],
                actions=data["actions"],
                version=data["version"],
            )
        except ValidationError as error:
            apply_validation_error(decision_form, error)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("input_detail", slug=slug, input_id=item.pk)
    return render(
        request,
        "participation/input_detail.html",
        page_context(
            membership,
            item=item,
            actions=action_links(membership, item.actions.all()),
            edit_form=edit_form,
            decision_form=decision_form,
            open_form=which,
            can_delete=editable
            and item.status == Input.Status.UNDER_REVIEW
            and not item.actions.exists(),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def input_delete(request, slug, input_id):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    item = access_input(membership, input_id)
    if not can_edit_input(membership, item):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            inputs.input_delete(item=item, by=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request, _("Input %(reference)s was deleted.") % {"reference": item.reference}
            )
            if item.event_id:
                return redirect("event_detail", slug=slug, event_id=item.event_id)
            return redirect("input_list", slug=slug)
    return render(
        request,
        "participation/input_delete.html",
        page_context(membership, item=item, error=error),
    )
