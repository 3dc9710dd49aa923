from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from esitlik.core.models import Municipality
from esitlik.frameworks.models import Framework, FrameworkItem


def frameworks_for(municipality: Municipality) -> QuerySet[Framework]:
    """Shared reference frameworks first, then the municipality's own tag sets."""
    return (
        Framework.objects.filter(Q(municipality__isnull=True) | Q(municipality=municipality))
        .annotate(
            principle_count=Count("items", filter=Q(items__kind="principle")),
            article_count=Count("items", filter=Q(items__kind="article")),
            heading_count=Count("items", filter=Q(items__kind="heading")),
            target_count=Count("items", filter=Q(items__kind="target")),
            tag_count=Count("items", filter=Q(items__kind="tag")),
        )
        .order_by("municipality_id", "position", "code", "version")
    )


@dataclass(frozen=True)
class ItemRow:
    item: FrameworkItem
    depth: int


def item_tree(framework: Framework) -> list[ItemRow]:
    items = list(framework.items.all())
    by_parent: dict[int | None, list[FrameworkItem]] = {}
    for item in items:
        by_parent.setdefault(item.parent_id, []).append(item)
    rows: list[ItemRow] = []

    def walk(parent_id, depth):
        for item in by_parent.get(parent_id, []):
            rows.append(ItemRow(item, depth))
            walk(item.pk, depth + 1)

    walk(None, 0)
    return rows
