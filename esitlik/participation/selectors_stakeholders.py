"""Reads for the stakeholder pages: the registry with its counts, its filters, and one
stakeholder's engagement history."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from esitlik.core.models import Municipality
from esitlik.core.text import tr_casefold, tr_sorted
from esitlik.participation.models import Event, Input, Stakeholder


def registry(municipality: Municipality) -> list[Stakeholder]:
    """Every stakeholder, Turkish-sorted by name, with ``event_count`` (events it took part in)
    and ``input_count`` (inputs it raised). Contact people are not loaded."""
    rows = (
        Stakeholder.objects.filter(municipality=municipality)
        .select_related("neighbourhood")
        .annotate(
            event_count=Count("events_attended", distinct=True),
            input_count=Count("inputs", distinct=True),
        )
    )
    return tr_sorted(rows, key=lambda row: row.name)


def kind_counts(stakeholders) -> list[tuple[str, str, int]]:
    """(kind, label, how many) for each type present, in the order of the type list."""
    counts = Counter(row.kind for row in stakeholders)
    return [(kind, label, counts[kind]) for kind, label in Stakeholder.Kind.choices if counts[kind]]


def _haystack(row: Stakeholder) -> str:
    parts = [row.name, row.notes, *row.tags]
    if row.neighbourhood is not None:
        parts += [row.neighbourhood.name, row.neighbourhood.district]
    return tr_casefold(" ".join(parts))


def filter_registry(
    stakeholders, *, q: str = "", kind: str = "", neighbourhood: int | None = None, tag: str = ""
) -> list[Stakeholder]:
    """The stakeholders matching every filter given. The search matches each typed word
    anywhere in the name, notes, tags or neighbourhood, Turkish-aware ("IĞDIR" finds
    "Iğdır", "izmit" finds "İzmit")."""
    words = tr_casefold(q or "").split()
    tag_key = tr_casefold(tag) if tag else ""
    result = []
    for row in stakeholders:
        if kind and row.kind != kind:
            continue
        if neighbourhood is not None and row.neighbourhood_id != neighbourhood:
            continue
        if tag_key and tag_key not in {tr_casefold(t) for t in row.tags}:
            continue
        if words:
            haystack = _haystack(row)
            if not all(word in haystack for word in words):
                continue
        result.append(row)
    return result


@dataclass(frozen=True)
class Engagement:
    event: Event
    invited: bool
    attended: bool


def engagement_events(stakeholder: Stakeholder) -> list[Engagement]:
    """Events the stakeholder was invited to or took part in, newest first."""
    invited = set(stakeholder.invited_to.values_list("pk", flat=True))
    attended = set(stakeholder.events_attended.values_list("pk", flat=True))
    events = Event.objects.filter(pk__in=invited | attended).order_by("-starts_at", "-id")
    return [Engagement(event, event.pk in invited, event.pk in attended) for event in events]


def engagement_inputs(stakeholder: Stakeholder):
    """Inputs the stakeholder raised, newest first, with the event they were raised at."""
    return (
        Input.objects.filter(stakeholder=stakeholder)
        .select_related("event")
        .order_by("-received_on", "-id")
    )
