"""The service catalogue: every write to it, and how a spreadsheet's service name finds its
service."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.models import Directorate, Municipality
from esitlik.core.tabular import match_key
from esitlik.datasets.models import Service

FIELDS = ("name", "directorate", "code", "sensitive", "single_sex", "description", "is_active")
NAME_MAX = 200


def service_key(name: dict) -> str:
    return match_key((name or {}).get("tr", ""))


def _clean(service: Service) -> None:
    name = {k: " ".join(str(v or "").split()) for k, v in (service.name or {}).items() if v}
    if not name.get("tr"):
        raise ValidationError({"name": _("Give the service's Turkish name.")})
    if any(len(v) > NAME_MAX for v in name.values()):
        raise ValidationError(
            {"name": _("A name can be at most %(max)d characters.") % {"max": NAME_MAX}}
        )
    service.name = name
    service.key = service_key(name)
    service.code = " ".join((service.code or "").split())
    if service.directorate.municipality_id != service.municipality_id:
        raise ValidationError({"directorate": _("Choose one of this municipality's directorates.")})
    others = Service.objects.filter(municipality_id=service.municipality_id).exclude(pk=service.pk)
    if others.filter(key=service.key).exists():
        raise ValidationError(
            {"name": _("“%(name)s” is already in the catalogue.") % {"name": name["tr"]}}
        )
    if service.code and others.filter(code=service.code).exists():
        raise ValidationError(
            {"code": _("Another service has the code “%(code)s”.") % {"code": service.code}}
        )
    service.full_clean()


@transaction.atomic
def service_create(
    *,
    municipality: Municipality,
    directorate: Directorate,
    name: dict | str,
    by,
    code: str = "",
    sensitive: bool = False,
    single_sex: str = "",
    description: str = "",
) -> Service:
    service = Service(
        municipality=municipality,
        directorate=directorate,
        name={"tr": name} if isinstance(name, str) else dict(name),
        code=code,
        sensitive=sensitive,
        single_sex=single_sex,
        description=description.strip(),
    )
    _clean(service)
    service.save()
    audit_record(
        action="datasets.service.created",
        actor=by,
        municipality=municipality,
        obj=service,
        changes=created(service, FIELDS),
    )
    return service


@transaction.atomic
def service_update(*, service: Service, by, version: int | None = None, **values) -> Service:
    check_version(service, version)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    before = snapshot(service, FIELDS)
    for field, value in values.items():
        setattr(service, field, value)
    _clean(service)
    save_and_audit(
        service,
        before,
        action="datasets.service.updated",
        actor=by,
        municipality=service.municipality,
    )
    if service.key != Service.objects.get(pk=service.pk).key:
        Service.objects.filter(pk=service.pk).update(key=service.key)
    return service


def service_lookup(municipality: Municipality) -> dict[str, Service]:
    """match_key of every Turkish name, English name and code → service: how a file's
    "SPOR KURSLARI" or "SH-04" finds its service."""
    table: dict[str, Service] = {}
    for service in Service.objects.filter(municipality=municipality).select_related("directorate"):
        for written in (service.name.get("tr"), service.name.get("en"), service.code):
            if written:
                table.setdefault(match_key(written), service)
    return table
