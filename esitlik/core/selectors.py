"""Reads for core views: what a user belongs to, the directorate tree, members, the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from esitlik.core.i18n_text import localized
from esitlik.core.models import (
    AuditEntry,
    Directorate,
    Invitation,
    Membership,
    Municipality,
    Network,
    Role,
)
from esitlik.core.text import tr_sort_key, tr_sorted


def memberships_of(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    rows = Membership.objects.filter(user=user).select_related("municipality")
    return tr_sorted(rows, key=lambda m: m.municipality.name)


def coordinated_networks(user) -> list[Network]:
    """The networks ``user`` coordinates: those holding a municipality where the user is a
    network coordinator, Turkish-sorted. Their comparison pages live under ``/n/``."""
    if not user.is_authenticated:
        return []
    municipalities = Membership.objects.filter(user=user, role=Role.NETWORK_COORDINATOR).values(
        "municipality_id"
    )
    networks = Network.objects.filter(municipalities__in=municipalities).distinct()
    return tr_sorted(networks, key=lambda network: network.name)


@dataclass(frozen=True)
class TreeRow:
    directorate: Directorate
    depth: int


def directorate_tree(municipality: Municipality, *, active_only: bool = False) -> list[TreeRow]:
    """Directorates depth-first, siblings in Turkish alphabetical order of the shown name."""
    qs = Directorate.objects.filter(municipality=municipality).annotate(
        member_count=Count("focal_points")
    )
    if active_only:
        qs = qs.filter(is_active=True)
    by_parent: dict[int | None, list[Directorate]] = {}
    for directorate in qs:
        by_parent.setdefault(directorate.parent_id, []).append(directorate)
    rows: list[TreeRow] = []

    def walk(parent_id: int | None, depth: int) -> None:
        children = sorted(
            by_parent.get(parent_id, []), key=lambda d: tr_sort_key(localized(d.name))
        )
        for child in children:
            rows.append(TreeRow(child, depth))
            walk(child.pk, depth + 1)

    walk(None, 0)
    return rows


def directorate_choices(municipality: Municipality) -> list[tuple[int, str]]:
    """Choices for a select box, indented to show the tree."""
    return [
        (row.directorate.pk, "\u2003" * row.depth + localized(row.directorate.name))
        for row in directorate_tree(municipality, active_only=True)
    ]


def members_of(municipality: Municipality) -> list[Membership]:
    rows = Membership.objects.filter(municipality=municipality).select_related(
        "user", "directorate"
    )
    return tr_sorted(rows, key=lambda m: m.user.get_full_name() or m.user.username)


def open_invitations(municipality: Municipality) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        municipality=municipality, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("directorate")


def role_counts(municipality: Municipality) -> dict[str, int]:
    rows = (
        Membership.objects.filter(municipality=municipality).values("role").annotate(n=Count("id"))
    )
    return {row["role"]: row["n"] for row in rows}


def audit_entries(
    municipality: Municipality,
    *,
    action: str = "",
    actor: str = "",
    date_from=None,
    date_to=None,
) -> QuerySet[AuditEntry]:
    # User-level events (sign-ins) carry no municipality; show those of this municipality's
    # members so the admin sees who used the space, and failed sign-ins under their user
    # names, which is how someone guessing a colleague's password shows up.
    member_names = Membership.objects.filter(municipality=municipality).values("user__username")
    qs = (
        AuditEntry.objects.filter(
            Q(municipality=municipality)
            | Q(municipality__isnull=True, actor__memberships__municipality=municipality)
            | Q(action="core.user.login_failed", object_repr__in=member_names)
        )
        .select_related("actor")
        .distinct()
    )
    if action:
        qs = qs.filter(action__startswith=action)
    if actor:
        qs = qs.filter(actor_repr__icontains=actor)
    if date_from:
        qs = qs.filter(created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(created_at__date__lte=date_to)
    return qs
