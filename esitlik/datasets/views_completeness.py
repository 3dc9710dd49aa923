"""Completeness of a year's data, and the expected data behind it. Every member inside reads
the table; the equality unit says what is expected (``manage_data``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import page_context, save_form
from esitlik.datasets import expectations
from esitlik.datasets.access import access_expectation
from esitlik.datasets.completeness import completeness, default_year, years_with_data
from esitlik.datasets.forms_expectations import ExpectationForm, YearForm


@login_required
@require_GET
def completeness_page(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    today = timezone.localdate()
    years = years_with_data(municipality, today)
    form = YearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else None
    if year is None:
        year = default_year(municipality, today)
        form = YearForm(initial={"year": year}, years=years)
    return render(
        request,
        "datasets/completeness.html",
        page_context(
            membership,
            form=form,
            year=year,
            table=completeness(municipality, year, today),
            can_manage=can(membership, Perm.MANAGE_DATA),
            current="completeness",
        ),
    )


def _back(slug, year) -> str:
    return reverse("dataset_completeness", args=[slug]) + f"?year={year}"


def _form_page(request, membership, form, heading, expectation=None):
    year = expectation.year if expectation else form["year"].value()
    return render(
        request,
        "datasets/expectation_form.html",
        page_context(
            membership,
            form=form,
            heading=heading,
            expectation=expectation,
            back=_back(membership.municipality.slug, year),
            current="completeness",
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def expectation_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    initial = {}
    if request.GET.get("year", "").isdigit():
        initial["year"] = int(request.GET["year"])
    form = ExpectationForm(
        request.POST or None, municipality=membership.municipality, initial=initial
    )
    if save_form(
        request,
        form,
        lambda data: expectations.expectation_create(
            municipality=membership.municipality, by=request.user, **data
        ),
        _("The expected data was added."),
    ):
        if "another" in request.POST:
            return redirect(
                reverse("dataset_expectation_create", args=[slug])
                + f"?year={form.cleaned_data['year']}"
            )
        return redirect(_back(slug, form.cleaned_data["year"]))
    return _form_page(request, membership, form, _("Add expected data"))


@login_required
@require_http_methods(["GET", "POST"])
def expectation_edit(request, slug, expectation_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    expectation = access_expectation(membership, expectation_id)
    form = ExpectationForm(
        request.POST or None,
        municipality=membership.municipality,
        expectation=expectation,
        initial=ExpectationForm.initial_for(expectation),
    )
    if save_form(
        request,
        form,
        lambda data: expectations.expectation_update(
            expectation=expectation, by=request.user, **data
        ),
        _("Saved."),
    ):
        return redirect(_back(slug, expectation.year))
    return _form_page(request, membership, form, _("Change expected data"), expectation)


@login_required
@require_http_methods(["GET", "POST"])
def expectation_delete(request, slug, expectation_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    expectation = access_expectation(membership, expectation_id)
    if request.method == "POST":
        year = expectation.year
        expectations.expectation_delete(expectation=expectation, by=request.user)
        messages.success(request, _("The expected data was removed."))
        return redirect(_back(slug, year))
    return render(
        request,
        "datasets/expectation_delete.html",
        page_context(
            membership,
            expectation=expectation,
            back=_back(slug, expectation.year),
            current="completeness",
        ),
    )
