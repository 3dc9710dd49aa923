"""Reads of the staff register and its role categories, shaped for the staff pages.

A person counts as trained once they attended a held session; their trainings are counted
and their hours summed over held sessions only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from esitlik.core.models import Directorate, Municipality
from esitlik.core.text import tr_casefold, tr_sort_key
from esitlik.training.models import (
    Attendance,
    RoleCategory,
    StaffMember,
    TrainingSession,
    WorkforceFigure,
)

HELD = TrainingSession.Status.HELD


def _with_sub_units(directorate: Directorate) -> set[int]:
    """The directorate and every unit under it: a department's list includes its branches."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Directorate.objects.filter(
        municipality_id=directorate.municipality_id
    ).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [directorate.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


def staff_rows(
    municipality: Municipality,
    *,
    q: str = "",
    directorate: Directorate | None = None,
    role_category: RoleCategory | None = None,
    sex: str = "",
    trained: str = "",
    active: str = "",
) -> list[StaffMember]:
    """The register filtered, in Turkish alphabetical order, each person with ``trainings``
    (held sessions attended). The search matches every typed word in the name or the staff
    number, Turkish-aware: "AYŞE YILMAZ" and "ayşe yılmaz" find "Ayşe Yılmaz"."""
    rows = (
        StaffMember.objects.filter(municipality=municipality)
        .select_related("directorate", "role_category")
        .annotate(trainings=Count("attendances", filter=Q(attendances__session__status=HELD)))
    )
    for word in tr_casefold(q or "").split():
        rows = rows.filter(Q(name_key__contains=word) | Q(staff_number__icontains=word))
    if directorate is not None:
        rows = rows.filter(directorate_id__in=_with_sub_units(directorate))
    if role_category is not None:
        rows = rows.filter(role_category=role_category)
    if sex:
        rows = rows.filter(sex=sex)
    if trained == "yes":
        rows = rows.filter(trainings__gt=0)
    elif trained == "no":
        rows = rows.filter(trainings=0)
    if active == "yes":
        rows = rows.filter(is_active=True)
    elif active == "no":
        rows = rows.filter(is_active=False)
    return sorted(rows, key=lambda person: (tr_sort_key(person.name), person.pk))


@dataclass(frozen=True)
class TrainingRecord:
    """What a person's page lists: the held sessions they attended and the hours in all."""

    attendances: list[Attendance]
    hours: Decimal
    without_hours: int  # sessions whose hours were not recorded


def trainings_of(staff: StaffMember) -> TrainingRecord:
    attendances = list(
        Attendance.objects.filter(staff=staff, session__status=HELD)
        .select_related("session__programme")
        .order_by("-session__starts_on", "-session_id")
    )
    hours = sum((a.session.hours for a in attendances if a.session.hours is not None), Decimal(0))
    missing = sum(1 for a in attendances if a.session.hours is None)
    return TrainingRecord(attendances=attendances, hours=hours, without_hours=missing)


def role_category_usage(municipality: Municipality) -> list[RoleCategory]:
    """The categories in their order, each with ``staff_count`` (people in the register)
    and ``figure_years`` (years of workforce figures that name it)."""
    return list(
        RoleCategory.objects.filter(municipality=municipality).annotate(
            staff_count=Count("staff_members", distinct=True),
            figure_years=Count("workforce_figures", distinct=True),
        )
    )


def category_usage(category: RoleCategory) -> tuple[int, int]:
    """How many staff and how many years of workforce figures name ``category``."""
    return (
        StaffMember.objects.filter(role_category=category).count(),
        WorkforceFigure.objects.filter(role_category=category).count(),
    )


def workforce_years(municipality: Municipality) -> list[int]:
    """Years with workforce figures, latest first."""
    return sorted(
        set(
            WorkforceFigure.objects.filter(municipality=municipality).values_list("year", flat=True)
        ),
        reverse=True,
    )


def workforce_of(municipality: Municipality, year: int) -> dict[int, WorkforceFigure]:
    """The year's figures by role category id."""
    return {
        figure.role_category_id: figure
        for figure in WorkforceFigure.objects.filter(municipality=municipality, year=year)
    }
