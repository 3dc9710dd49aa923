"""Downloads of the stakeholder and input registers."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone

from esitlik.core.access import access_membership_for
from esitlik.core.audit import audit_record
from esitlik.core.permissions import Perm, can
from esitlik.participation.registers import input_register, stakeholder_register

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def stakeholder_export(request, slug):
    """The registry; with ``?contacts=1`` also the contact people, which only an equality unit
    admin may ask for, and which the audit log records."""
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    with_contacts = request.GET.get("contacts") == "1"
    if with_contacts and not can(membership, Perm.EXPORT_CONTACTS):
        raise PermissionDenied
    content = stakeholder_register(membership.municipality, with_contacts=with_contacts)
    if with_contacts:
        audit_record(
            action="participation.contacts.exported",
            actor=request.user,
            municipality=membership.municipality,
        )
    stamp = timezone.localdate().isoformat()
    return _download(content, f"paydaslar-{membership.municipality.slug}-{stamp}.xlsx")


@login_required
def input_export(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    stamp = timezone.localdate().isoformat()
    return _download(
        input_register(membership.municipality),
        f"gorusler-{membership.municipality.slug}-{stamp}.xlsx",
    )
