"""The stakeholder registry: everyone inside reads it and each stakeholder's engagement
history; the equality unit and focal points record stakeholders and their contact people.
Contact people are personal data: only roles with VIEW_CONTACTS ever see them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import page_context, save_form
from esitlik.participation import stakeholders
from esitlik.participation.access import access_contact, access_stakeholder
from esitlik.participation.forms_stakeholders import (
    ContactForm,
    StakeholderFilterForm,
    StakeholderForm,
    tag_choices,
)
from esitlik.participation.selectors_stakeholders import (
    engagement_events,
    engagement_inputs,
    filter_registry,
    kind_counts,
    registry,
)


@login_required
def stakeholder_list(request, slug):
    membership = access_membership_for(request, slug)
    everyone = registry(membership.municipality)
    form = StakeholderFilterForm(
        request.GET or None, municipality=membership.municipality, tags=tag_choices(everyone)
    )
    rows = everyone
    filtered = form.is_bound and form.is_valid() and any(form.cleaned_data.values())
    if filtered:
        rows = filter_registry(everyone, **form.cleaned_data)
    return render(
        request,
        "participation/stakeholder_list.html",
        page_context(
            membership,
            form=form,
            rows=rows,
            total=len(everyone),
            filtered=filtered,
            kinds=kind_counts(everyone),
            can_record=can(membership, Perm.RECORD_PARTICIPATION),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_create(request, slug):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    form = StakeholderForm(request.POST or None, municipality=membership.municipality)
    created = []
    if save_form(
        request,
        form,
        lambda data: created.append(
            stakeholders.stakeholder_create(
                municipality=membership.municipality, by=request.user, **data
            )
        ),
        _("The stakeholder was added."),
    ):
        return redirect("stakeholder_detail", slug=slug, stakeholder_id=created[0].pk)
    return render(
        request,
        "participation/stakeholder_form.html",
        page_context(membership, form=form, heading=_("Add a stakeholder")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_edit(request, slug, stakeholder_id):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    stakeholder = access_stakeholder(membership, stakeholder_id)
    form = StakeholderForm(
        request.POST or None,
        municipality=membership.municipality,
        stakeholder=stakeholder,
        initial=StakeholderForm.initial_for(stakeholder),
    )
    if save_form(
        request,
        form,
        lambda data: stakeholders.stakeholder_update(
            stakeholder=stakeholder, by=request.user, **data
        ),
        _("Saved."),
    ):
        return redirect("stakeholder_detail", slug=slug, stakeholder_id=stakeholder.pk)
    if request.method == "POST":
        stakeholder.refresh_from_db()  # the heading shows the stored name, not a refused one
    return render(
        request,
        "participation/stakeholder_form.html",
        page_context(membership, form=form, stakeholder=stakeholder, heading=stakeholder.name),
    )


@login_required
def stakeholder_detail(request, slug, stakeholder_id):
    membership = access_membership_for(request, slug)
    stakeholder = access_stakeholder(membership, stakeholder_id)
    show_contacts = can(membership, Perm.VIEW_CONTACTS)
    return render(
        request,
        "participation/stakeholder_detail.html",
        page_context(
            membership,
            stakeholder=stakeholder,
            events=engagement_events(stakeholder),
            inputs=engagement_inputs(stakeholder),
            # Never even loaded for a role that may not see personal data.
            contacts=list(stakeholder.contacts.all()) if show_contacts else None,
            can_record=can(membership, Perm.RECORD_PARTICIPATION),
        ),
    )


def _contact_membership(request, slug):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    if not can(membership, Perm.VIEW_CONTACTS):
        raise PermissionDenied
    return membership


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, slug, stakeholder_id):
    membership = _contact_membership(request, slug)
    stakeholder = access_stakeholder(membership, stakeholder_id)
    form = ContactForm(request.POST or None)
    if save_form(
        request,
        form,
        lambda data: stakeholders.contact_add(stakeholder=stakeholder, by=request.user, **data),
        _("The contact person was added with their consent."),
    ):
        return redirect("stakeholder_detail", slug=slug, stakeholder_id=stakeholder.pk)
    return render(
        request,
        "participation/contact_form.html",
        page_context(membership, form=form, stakeholder=stakeholder),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_erase(request, slug, stakeholder_id, contact_id):
    membership = _contact_membership(request, slug)
    stakeholder = access_stakeholder(membership, stakeholder_id)
    contact = access_contact(stakeholder, contact_id)
    if request.method == "POST":
        stakeholders.contact_erase(contact=contact, by=request.user)
        messages.success(request, _("The contact person's details were erased."))
        return redirect("stakeholder_detail", slug=slug, stakeholder_id=stakeholder.pk)
    return render(
        request,
        "participation/contact_erase.html",
        page_context(membership, stakeholder=stakeholder, contact=contact),
    )
