"""The directorate tree: everyone inside reads it, admins shape it, focal points describe
their own directorate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core import selectors, services
from esitlik.core.access import access_directorate, access_membership_for
from esitlik.core.forms import DirectorateDescriptionForm, DirectorateForm
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.core.views.util import apply_validation_error


@login_required
def directorate_list(request, slug):
    membership = access_membership_for(request, slug)
    rows = selectors.directorate_tree(membership.municipality)
    return render(
        request,
        "core/directorate_list.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "rows": rows,
            "can_manage": can(membership, Perm.MANAGE_STRUCTURE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def directorate_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_STRUCTURE)
    municipality = membership.municipality
    form = DirectorateForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            data = dict(form.cleaned_data)
            data.pop("is_active")  # a new directorate always starts active
            directorate = services.directorate_create(
                municipality=municipality, by=request.user, **data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("%(name)s was added.") % {"name": str(directorate)})
            return redirect("directorate_list", slug=slug)
    return render(
        request,
        "core/directorate_form.html",
        {"membership": membership, "municipality": municipality, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def directorate_edit(request, slug, directorate_id):
    membership = access_membership_for(request, slug)
    directorate = access_directorate(membership, directorate_id)
    if not can_edit_directorate(membership, directorate):
        raise PermissionDenied
    full = can(membership, Perm.MANAGE_STRUCTURE)
    if full:
        initial = {
            "name": directorate.name,
            "level": directorate.level,
            "parent": directorate.parent_id,
            "code": directorate.code,
            "description": directorate.description,
            "is_active": directorate.is_active,
        }
        form = DirectorateForm(
            request.POST or None, municipality=membership.municipality, initial=initial
        )
    else:
        form = DirectorateDescriptionForm(
            request.POST or None, initial={"description": directorate.description}
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.directorate_update(
                directorate=directorate, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("directorate_list", slug=slug)
    return render(
        request,
        "core/directorate_form.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "form": form,
            "directorate": directorate,
        },
    )
