"""Loading the records named in a datasets URL, always inside the membership's municipality
(another tenant's id is a 404), and who may act on an import.

Every member inside the municipality reads the catalogue, the imports and the completeness
table. Importing is the equality unit's for any directorate and a focal point's for their own
directorate (and the branches under it); the catalogue, the expected data and withdrawing
anyone's import are the equality unit's (``manage_data``), and so are the municipality's extra
dimensions."""

from __future__ import annotations

from django.http import Http404

from esitlik.core.models import Directorate, Membership
from esitlik.core.permissions import Perm, can
from esitlik.datasets.models import ColumnMapping, DataExpectation, Dimension, ImportRun, Service


def _get(queryset, membership: Membership, pk: int):
    try:
        return queryset.get(pk=pk, municipality_id=membership.municipality_id)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def access_service(membership: Membership, service_id: int) -> Service:
    return _get(Service.objects.select_related("directorate"), membership, service_id)


def access_run(membership: Membership, run_id: int) -> ImportRun:
    return _get(
        ImportRun.objects.select_related("directorate", "created_by", "withdrawn_by"),
        membership,
        run_id,
    )


def access_expectation(membership: Membership, expectation_id: int) -> DataExpectation:
    return _get(
        DataExpectation.objects.select_related("directorate", "service"),
        membership,
        expectation_id,
    )


def access_dimension(membership: Membership, dimension_id: int) -> Dimension:
    return _get(Dimension.objects.all(), membership, dimension_id)


def access_mapping(membership: Membership, mapping_id: int) -> ColumnMapping:
    return _get(ColumnMapping.objects.select_related("directorate"), membership, mapping_id)


def can_import_for(membership: Membership, directorate: Directorate | None) -> bool:
    """Whether the member may import data sent by ``directorate`` (None: by no directorate in
    particular, e.g. population figures from TÜİK — the equality unit's alone)."""
    if can(membership, Perm.MANAGE_DATA):
        return True
    if not can(membership, Perm.IMPORT_DATA) or directorate is None:
        return False
    return membership.directorate_id in {directorate.pk, *(d.pk for d in directorate.ancestors())}


def can_act_on_run(membership: Membership, run: ImportRun) -> bool:
    """Map, confirm, withdraw or download the problems of a run: the equality unit for every
    run, a focal point for the runs of their own directorate."""
    return can_import_for(membership, run.directorate)


def importable_directorates(membership: Membership) -> list[Directorate] | None:
    """The directorates a member may import for; None when every one (the equality unit)."""
    if can(membership, Perm.MANAGE_DATA):
        return None
    if not can(membership, Perm.IMPORT_DATA) or membership.directorate is None:
        return []
    own = membership.directorate
    mine = [own]
    children = list(Directorate.objects.filter(parent=own, is_active=True))
    while children:
        mine += children
        children = list(
            Directorate.objects.filter(parent__in=children, is_active=True).exclude(
                pk__in=[d.pk for d in mine]
            )
        )
    return mine
