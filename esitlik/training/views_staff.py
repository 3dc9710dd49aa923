"""The staff register: the people who attended, or give, trainings. Personal data: only roles
with VIEW_STAFF (the equality unit and focal points) open these pages; the same roles record
people, as they record sessions."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import page_context, save_form
from esitlik.training import staff as services
from esitlik.training.access import access_staff
from esitlik.training.forms_staff import StaffFilterForm, StaffForm
from esitlik.training.models import StaffMember, Trainer
from esitlik.training.selectors_staff import staff_rows, trainings_of

PAGE_SIZE = 100
FILTERS = ("q", "directorate", "role_category", "sex", "trained", "active")


@login_required
@require_GET
def staff_list(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_STAFF)
    municipality = membership.municipality
    form = StaffFilterForm(request.GET or None, municipality=municipality)
    data = form.cleaned_data if form.is_valid() else {}
    filters = {name: data[name] for name in FILTERS if data.get(name)}
    rows = staff_rows(municipality, **filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/staff_list.html",
        page_context(
            membership,
            form=form,
            page=page,
            query=query.urlencode(),
            filtered=bool(filters),
            total=StaffMember.objects.filter(municipality=municipality).count(),
            can_record=can(membership, Perm.RECORD_TRAINING),
            can_manage=can(membership, Perm.MANAGE_TRAINING),
        ),
    )


@login_required
@require_GET
def staff_detail(request, slug, staff_id):
    membership = access_membership_for(request, slug, Perm.VIEW_STAFF)
    staff = access_staff(membership, staff_id)
    return render(
        request,
        "training/staff_detail.html",
        page_context(
            membership,
            staff=staff,
            record=trainings_of(staff),
            trainer=Trainer.objects.filter(staff=staff).first(),
            can_record=can(membership, Perm.RECORD_TRAINING),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_create(request, slug):
    membership = access_membership_for(request, slug, Perm.RECORD_TRAINING)
    form = StaffForm(
        request.POST or None,
        municipality=membership.municipality,
        initial={"directorate": membership.directorate_id},
    )
    created = []
    if save_form(
        request,
        form,
        lambda data: created.append(
            services.staff_create(municipality=membership.municipality, by=request.user, **data)
        ),
        _("The person was added to the staff register."),
    ):
        return redirect("staff_detail", slug=slug, staff_id=created[0].pk)
    return render(
        request,
        "training/staff_form.html",
        page_context(membership, form=form, heading=_("Add a staff person")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_edit(request, slug, staff_id):
    membership = access_membership_for(request, slug, Perm.RECORD_TRAINING)
    staff = access_staff(membership, staff_id)
    form = StaffForm(
        request.POST or None,
        municipality=membership.municipality,
        staff=staff,
        initial=StaffForm.initial_for(staff),
    )
    if save_form(
        request,
        form,
        lambda data: services.staff_update(staff=staff, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("staff_detail", slug=slug, staff_id=staff.pk)
    if request.method == "POST":
        staff.refresh_from_db()  # the heading shows the stored name, not a refused one
    return render(
        request,
        "training/staff_form.html",
        page_context(membership, form=form, staff=staff, heading=staff.name),
    )
