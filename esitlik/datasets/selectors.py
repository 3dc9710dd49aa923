"""Reads shaped for the datasets pages: the catalogue by directorate, the import runs with
their filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.selectors import directorate_tree
from esitlik.core.text import tr_sort_key
from esitlik.datasets.models import ImportRun, Service


@dataclass
class ServiceGroup:
    directorate: Directorate
    depth: int
    services: list[Service] = field(default_factory=list)


def services_by_directorate(
    municipality: Municipality, keep: Callable[[Service], bool] | None = None
) -> tuple[list[ServiceGroup], int]:
    """The catalogue in the directorate tree's order, each directorate's services in Turkish
    alphabetical order; directorates without a (kept) service are left out. Also returns how
    many services the catalogue holds in all."""
    services = list(Service.objects.filter(municipality=municipality))
    groups = {
        row.directorate.pk: ServiceGroup(row.directorate, row.depth)
        for row in directorate_tree(municipality)
    }
    for service in sorted(services, key=lambda s: tr_sort_key(localized(s.name))):
        if keep is None or keep(service):
            groups[service.directorate_id].services.append(service)
    return [group for group in groups.values() if group.services], len(services)


def runs_of(municipality: Municipality, *, kind="", year=None, status="", directorate=None):
    runs = ImportRun.objects.filter(municipality=municipality).select_related(
        "directorate", "created_by"
    )
    if kind:
        runs = runs.filter(kind=kind)
    if year:
        runs = runs.filter(year=year)
    if status:
        runs = runs.filter(status=status)
    if directorate is not None:
        runs = runs.filter(directorate=directorate)
    return runs.order_by("-created_at", "-id")


def run_years(municipality: Municipality) -> list[int]:
    return sorted(
        set(ImportRun.objects.filter(municipality=municipality).values_list("year", flat=True)),
        reverse=True,
    )
