"""The service catalogue: every service the municipality provides, by the directorate that
provides it. Every member inside reads it; the equality unit keeps it (``manage_data``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.tabular import match_key
from esitlik.core.views.util import page_context, save_form
from esitlik.datasets import catalogue
from esitlik.datasets.access import access_service
from esitlik.datasets.catalogue_sheet import COLUMNS, read_sheet, services_add
from esitlik.datasets.forms_catalogue import (
    ServiceFilterForm,
    ServiceForm,
    ServiceSheetConfirmForm,
    ServiceSheetForm,
)
from esitlik.datasets.selectors import services_by_directorate


def _matches(service, data) -> bool:
    if data.get("q"):
        wanted = match_key(data["q"])
        written = " ".join(match_key(v) for v in (*service.name.values(), service.code))
        if wanted not in written:
            return False
    if data.get("directorate") and service.directorate_id != data["directorate"].pk:
        return False
    if data.get("in_use") and service.is_active != (data["in_use"] == "yes"):
        return False
    return not (data.get("sensitive") and service.sensitive != (data["sensitive"] == "yes"))


@login_required
@require_GET
def service_list(request, slug):
    membership = access_membership_for(request, slug)
    form = ServiceFilterForm(request.GET or None, municipality=membership.municipality)
    filtered = form.is_bound and form.is_valid() and any(form.cleaned_data.values())
    groups, total = services_by_directorate(
        membership.municipality,
        keep=(lambda service: _matches(service, form.cleaned_data)) if filtered else None,
    )
    return render(
        request,
        "datasets/service_list.html",
        page_context(
            membership,
            form=form,
            groups=groups,
            total=total,
            shown=sum(len(group.services) for group in groups),
            filtered=filtered,
            can_manage=can(membership, Perm.MANAGE_DATA),
            current="services",
        ),
    )


def _form_page(request, membership, form, heading, service=None):
    return render(
        request,
        "datasets/service_form.html",
        page_context(membership, form=form, heading=heading, service=service, current="services"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def service_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    form = ServiceForm(request.POST or None, municipality=membership.municipality)
    if save_form(
        request,
        form,
        lambda data: catalogue.service_create(
            municipality=membership.municipality, by=request.user, **data
        ),
        _("The service was added to the catalogue."),
    ):
        if "another" in request.POST:
            return redirect("dataset_service_create", slug=slug)
        return redirect("dataset_service_list", slug=slug)
    return _form_page(request, membership, form, _("Add a service"))


@login_required
@require_http_methods(["GET", "POST"])
def service_edit(request, slug, service_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    service = access_service(membership, service_id)
    form = ServiceForm(
        request.POST or None,
        municipality=membership.municipality,
        service=service,
        initial=ServiceForm.initial_for(service),
    )
    if save_form(
        request,
        form,
        lambda data: catalogue.service_update(service=service, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("dataset_service_list", slug=slug)
    return _form_page(request, membership, form, str(service), service=service)


def _sheet_page(request, membership, form, sheet=None, confirm=None):
    return render(
        request,
        "datasets/service_import.html",
        page_context(
            membership,
            form=form,
            sheet=sheet,
            confirm=confirm,
            columns=[
                {
                    "label": c.header(),
                    "names": [n for n in c.names() if n != c.header()],
                    "required": c.required,
                }
                for c in COLUMNS
            ],
            current="services",
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def service_import(request, slug):
    """Many services at once: paste or upload, see what would be added, confirm."""
    membership = access_membership_for(request, slug, Perm.MANAGE_DATA)
    municipality = membership.municipality
    if request.method == "POST" and "confirmed" in request.POST:
        confirm = ServiceSheetConfirmForm(request.POST)
        if confirm.is_valid():
            data = confirm.cleaned_data["confirmed"].encode("utf-8")
            sheet = services_add(
                municipality=municipality, data=data, file_name="onay.tsv", by=request.user
            )
            if sheet.added:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s service was added to the catalogue.",
                        "%(count)s services were added to the catalogue.",
                        len(sheet.added),
                    )
                    % {"count": len(sheet.added)},
                )
                return redirect("dataset_service_list", slug=slug)
            # Someone changed the catalogue since the preview: show what stands in the way.
            return _sheet_page(request, membership, ServiceSheetForm(), sheet)
    form = ServiceSheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data, name = form.content()
        sheet = read_sheet(municipality, data, name)
        confirm = None
        if not sheet.refusal and not sheet.problems and sheet.new:
            confirm = ServiceSheetConfirmForm(initial={"confirmed": sheet.as_text()})
        return _sheet_page(request, membership, ServiceSheetForm(), sheet, confirm)
    return _sheet_page(request, membership, form)
