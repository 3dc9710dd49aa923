"""Reads shaped for participation pages and forms."""

from __future__ import annotations

from esitlik.core.models import Municipality
from esitlik.frameworks.models import FrameworkItem
from esitlik.plans.models import Action


def headings():
    """The YEEP headings an input can be filed under."""
    return FrameworkItem.objects.filter(
        kind=FrameworkItem.Kind.HEADING, framework__municipality__isnull=True
    ).order_by("framework__position", "position")


def charter_articles(municipality: Municipality):
    """Articles of the Charter edition the municipality signed (both editions when it has not
    recorded which)."""
    items = FrameworkItem.objects.filter(
        kind=FrameworkItem.Kind.ARTICLE, framework__municipality__isnull=True
    ).select_related("framework")
    commitment = getattr(municipality, "commitment", None)
    charter = getattr(commitment, "charter_version", None)
    if charter is not None:
        items = items.filter(framework=charter)
    return items.order_by("framework__position", "position")


def linkable_actions(municipality: Municipality):
    """Actions an input can be traced to: those of the municipality's plans, newest first."""
    return (
        Action.objects.filter(objective__aim__plan__municipality=municipality)
        .exclude(objective__aim__plan__status="superseded")
        .select_related("objective__aim__plan")
        .order_by(
            "-objective__aim__plan__start_year",
            "objective__aim__position",
            "objective__position",
            "position",
        )
    )
