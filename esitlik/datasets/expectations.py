"""Expected data: what the equality unit asks each directorate to send for a year, and by
when. Every write is audited; the completeness table and the reminders read them."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, created, save_and_audit, snapshot
from esitlik.core.models import Directorate, Municipality
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import DataExpectation, Service

FIELDS = ("directorate", "kind", "year", "service", "due", "note")
YEARS = range(2000, 2101)


def _clean(expectation: DataExpectation) -> None:
    expectation.note = " ".join((expectation.note or "").split())
    municipality_id = expectation.municipality_id
    if expectation.directorate.municipality_id != municipality_id:
        raise ValidationError({"directorate": _("Choose one of this municipality's directorates.")})
    if expectation.kind not in Kind.values:
        raise ValidationError({"kind": _("Choose a kind of data.")})
    if expectation.year not in YEARS:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
    service = expectation.service
    if service is not None:
        if service.municipality_id != municipality_id:
            raise ValidationError({"service": _("Choose a service of this municipality.")})
        if expectation.kind not in (Kind.SERVICE_RECORDS, Kind.SERVICE_COUNTS):
            raise ValidationError(
                {"service": _("Only service records and service counts are about one service.")}
            )
    same = DataExpectation.objects.filter(
        municipality_id=municipality_id,
        directorate=expectation.directorate,
        kind=expectation.kind,
        year=expectation.year,
        service=service,
    ).exclude(pk=expectation.pk)
    if same.exists():
        raise ValidationError(
            _(
                "%(directorate)s is already expected to send %(kind)s for %(year)s; change "
                "that entry instead."
            )
            % {
                "directorate": expectation.directorate,
                "kind": Kind(expectation.kind).label.lower() if service is None else service,
                "year": expectation.year,
            }
        )
    expectation.full_clean()


@transaction.atomic
def expectation_create(
    *,
    municipality: Municipality,
    directorate: Directorate,
    kind: Kind | str,
    year: int,
    by,
    service: Service | None = None,
    due: date | None = None,
    note: str = "",
) -> DataExpectation:
    expectation = DataExpectation(
        municipality=municipality,
        directorate=directorate,
        kind=str(kind),
        year=year,
        service=service,
        due=due,
        note=note,
    )
    _clean(expectation)
    expectation.save()
    audit_record(
        action="datasets.expectation.created",
        actor=by,
        municipality=municipality,
        obj=expectation,
        changes=created(expectation, FIELDS),
    )
    return expectation


@transaction.atomic
def expectation_update(*, expectation: DataExpectation, by, **values) -> DataExpectation:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    # Lock the row: two people editing the same entry save one after the other.
    DataExpectation.objects.select_for_update().filter(pk=expectation.pk).first()
    before = snapshot(expectation, FIELDS)
    for field, value in values.items():
        setattr(expectation, field, str(value) if field == "kind" else value)
    _clean(expectation)
    save_and_audit(
        expectation,
        before,
        action="datasets.expectation.updated",
        actor=by,
        municipality=expectation.municipality,
    )
    return expectation


@transaction.atomic
def expectation_delete(*, expectation: DataExpectation, by) -> None:
    audit_record(
        action="datasets.expectation.deleted",
        actor=by,
        municipality=expectation.municipality,
        obj=expectation,
        changes={
            name: {"old": value, "new": None}
            for name, value in snapshot(expectation, FIELDS).items()
            if value not in (None, "")
        },
    )
    expectation.delete()
