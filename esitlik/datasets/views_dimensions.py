"""A municipality's extra dimensions: the columns it adds to its service records and counts
(household type, education…). Every member inside reads them; the equality unit keeps them
(``manage_data``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.text import tr_sorted
from esitlik.core.views.util import page_context, save_form
from esitlik.datasets import dimensions
from esitlik.datasets.access import access_dimension
from esitlik.datasets.forms_dimensions import DimensionDeleteForm, DimensionForm
from esitlik.datasets.models import Dimension


@login_required
@require_GET
def dimension_list(request, slug):
    membership = access_membership_for(request, slug)
    return render(
        request,
        "datasets/dimension_list.html",
        page_context(
            membership,
            dimensions=tr_sorted(dimensions.dimensions_of(membership.municipality_id)),
            can_manage=can(membership, Perm.MANAGE_DATA),
            current="dimensions",
        ),
    )


def _form_page(request, membership, form, heading, dimension=None, saved=None):
    return render(
        request,
        "datasets/dimension_form.html",
        page_context(
            membership,
            form=form,
            heading=heading,
            dimension=dimension,
            saved=saved,
            current="dimensions",
        ),
    )


def _stale(form) -> bool:
    return any(error.code == "stale" for error in form.non_field_errors().as_data())


@login_required
@require_http_methods(["GET", "POST"])
def dimension_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    form = DimensionForm(request.POST or None)
    if save_form(
        request,
        form,
        lambda data: dimensions.dimension_create(
            municipality=membership.municipality, by=request.user, **data
        ),
        _("The dimension was added. Files of service records and counts may now carry it."),
    ):
        if "another" in request.POST:
            return redirect("dataset_dimension_create", slug=slug)
        return redirect("dataset_dimension_list", slug=slug)
    return _form_page(request, membership, form, _("Add a dimension"))


@login_required
@require_http_methods(["GET", "POST"])
def dimension_edit(request, slug, dimension_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    dimension = access_dimension(membership, dimension_id)
    form = DimensionForm(
        request.POST or None, dimension=dimension, initial=DimensionForm.initial_for(dimension)
    )
    if save_form(
        request,
        form,
        lambda data: dimensions.dimension_update(dimension=dimension, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("dataset_dimension_list", slug=slug)
    saved = None
    if _stale(form):
        # Someone saved the dimension while this form was open. Their version is shown above
        # the person's own input, which stays in the fields (the page says so in place of the
        # general "open it again"); the form now carries the newer version, so saving again
        # keeps this input on purpose rather than by accident.
        saved = Dimension.objects.get(pk=dimension.pk)
        del form.errors[NON_FIELD_ERRORS]
        form.data = form.data.copy()
        form.data["version"] = saved.version
    else:
        # A failed save may have normalised the object in memory; show it as stored.
        dimension.refresh_from_db()
    return _form_page(
        request, membership, form, str(saved or dimension), dimension=dimension, saved=saved
    )


@login_required
@require_http_methods(["GET", "POST"])
def dimension_delete(request, slug, dimension_id):
    """A confirmation page (GET), then the removal (POST)."""
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    dimension = access_dimension(membership, dimension_id)
    form = DimensionDeleteForm(request.POST or None, initial={"version": dimension.version})
    if request.method == "POST" and form.is_valid():
        try:
            dimensions.dimension_delete(
                dimension=dimension, by=request.user, version=form.cleaned_data["version"]
            )
        except ValidationError as error:
            # Changed meanwhile: show it as it is now, so a second click removes what is seen.
            dimension.refresh_from_db()
            form = DimensionDeleteForm({"version": dimension.version})
            form.is_valid()
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The dimension “%(name)s” was removed.") % {"name": dimension},
            )
            return redirect("dataset_dimension_list", slug=slug)
    return render(
        request,
        "datasets/dimension_delete.html",
        page_context(membership, dimension=dimension, form=form, current="dimensions"),
    )
