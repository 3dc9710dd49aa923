"""What training coverage is measured against: the role categories staff are counted by and
the workforce typed in per year. Everyone inside reads the workforce; the equality unit keeps
the categories and the figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error, page_context, save_form
from esitlik.training import staff as services
from esitlik.training.access import access_role_category
from esitlik.training.forms_staff import (
    COLUMNS,
    RoleCategoryEditForm,
    RoleCategoryForm,
    WorkforceForm,
    YearForm,
)
from esitlik.training.models import RoleCategory
from esitlik.training.selectors_staff import (
    category_usage,
    role_category_usage,
    workforce_of,
    workforce_years,
)


@login_required
@require_http_methods(["GET", "POST"])
def role_category_list(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    form = RoleCategoryForm(request.POST or None)
    if save_form(
        request,
        form,
        lambda data: services.role_category_create(
            municipality=membership.municipality, by=request.user, **data
        ),
        _("The role category was added."),
    ):
        return redirect("role_category_list", slug=slug)
    return render(
        request,
        "training/role_category_list.html",
        page_context(membership, form=form, rows=role_category_usage(membership.municipality)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def role_category_edit(request, slug, category_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    category = access_role_category(membership, category_id)
    form = RoleCategoryEditForm(
        request.POST or None,
        initial={
            "name": category.name,
            "position": category.position,
            "is_active": category.is_active,
        },
    )
    if save_form(
        request,
        form,
        lambda data: services.role_category_update(category=category, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("role_category_list", slug=slug)
    if request.method == "POST":
        category.refresh_from_db()  # the heading shows the stored name, not a refused one
    people, years = category_usage(category)
    return render(
        request,
        "training/role_category_form.html",
        page_context(membership, form=form, category=category, people=people, years=years),
    )


@login_required
@require_http_methods(["GET", "POST"])
def role_category_delete(request, slug, category_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    category = access_role_category(membership, category_id)
    people, years = category_usage(category)
    if request.method == "POST":
        try:
            services.role_category_delete(category=category, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("role_category_edit", slug=slug, category_id=category.pk)
        messages.success(request, _("The role category was deleted."))
        return redirect("role_category_list", slug=slug)
    return render(
        request,
        "training/role_category_delete.html",
        page_context(membership, category=category, people=people, years=years),
    )


def _year(request, years: list[int]) -> tuple[int, YearForm]:
    """The year asked for in ?year=, else the latest with figures, else this year."""
    default = years[0] if years else timezone.localdate().year
    form = YearForm(request.GET if "year" in request.GET else None, initial={"year": default})
    if form.is_bound and form.is_valid():
        return form.cleaned_data["year"], form
    return default, form


@login_required
@require_http_methods(["GET", "POST"])
def workforce(request, slug):
    membership = access_membership_for(request, slug)
    can_manage = can(membership, Perm.MANAGE_TRAINING)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    municipality = membership.municipality
    years = workforce_years(municipality)
    year, year_form = _year(request, years)
    figures = workforce_of(municipality, year)
    categories = [
        category
        for category in RoleCategory.objects.filter(municipality=municipality)
        if category.is_active or category.pk in figures
    ]
    form = None
    if can_manage:
        form = WorkforceForm(request.POST or None, categories=categories, figures=figures)
        if request.method == "POST" and form.is_valid():
            try:
                services.workforce_set(
                    municipality=municipality,
                    year=year,
                    by=request.user,
                    figures=form.figures(),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request, _("The workforce of %(year)d was saved.") % {"year": year}
                )
                return redirect(f"{reverse('workforce', args=[slug])}?year={year}")
    rows = [(category, figures.get(category.pk)) for category in categories]
    totals = [sum(getattr(f, column) for _c, f in rows if f) for column, _label in COLUMNS]
    return render(
        request,
        "training/workforce.html",
        page_context(
            membership,
            year=year,
            year_form=year_form,
            years=years,
            form=form,
            rows=rows,
            columns=[label for _name, label in COLUMNS],
            totals=totals,
            grand_total=sum(totals),
            can_manage=can_manage,
        ),
    )
