"""The municipality's neighbourhood list: everyone inside reads it (with how many records name
each neighbourhood); the admin pastes names in bulk, renames them or takes them out of use."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for, access_neighbourhood
from esitlik.core.forms import NeighbourhoodForm, NeighbourhoodLinesForm
from esitlik.core.neighbourhoods import (
    neighbourhood_update,
    neighbourhood_usage,
    neighbourhoods_add_lines,
)
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error, page_context, save_form


def _report_paste(request, added, skipped) -> None:
    if added:
        messages.success(
            request,
            ngettext(
                "%(count)d neighbourhood was added.",
                "%(count)d neighbourhoods were added.",
                len(added),
            )
            % {"count": len(added)},
        )
    else:
        messages.info(request, _("No new neighbourhood was added."))
    if skipped:
        messages.info(
            request,
            _("Already on the list, so not added again: %(names)s.")
            % {"names": ", ".join(skipped)},
        )


@login_required
@require_http_methods(["GET", "POST"])
def neighbourhood_list(request, slug):
    membership = access_membership_for(request, slug)
    can_manage = can(membership, Perm.MANAGE_STRUCTURE)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = NeighbourhoodLinesForm(request.POST or None) if can_manage else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            added, skipped = neighbourhoods_add_lines(
                municipality=membership.municipality,
                text=form.cleaned_data["names"],
                district=form.cleaned_data["district"],
                by=request.user,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            _report_paste(request, added, skipped)
            return redirect("neighbourhood_list", slug=slug)
    labels, rows = neighbourhood_usage(membership.municipality)
    return render(
        request,
        "core/neighbourhood_list.html",
        page_context(
            membership,
            labels=labels,
            rows=rows,
            form=form,
            can_manage=can_manage,
            has_districts=any(row.district for row, _counts in rows),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def neighbourhood_edit(request, slug, neighbourhood_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_STRUCTURE)
    neighbourhood = access_neighbourhood(membership, neighbourhood_id)
    form = NeighbourhoodForm(
        request.POST or None,
        initial={
            "name": neighbourhood.name,
            "district": neighbourhood.district,
            "is_active": neighbourhood.is_active,
        },
    )
    if save_form(
        request,
        form,
        lambda data: neighbourhood_update(neighbourhood=neighbourhood, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("neighbourhood_list", slug=slug)
    if request.method == "POST":
        neighbourhood.refresh_from_db()  # the heading shows the stored name, not a refused one
    return render(
        request,
        "core/neighbourhood_form.html",
        page_context(membership, neighbourhood=neighbourhood, form=form),
    )
