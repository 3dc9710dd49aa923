"""Numbers for the charts drawn as SVG from attributes (``core/_bar.html``,
``core/_stack.html``): no inline styles, so a strict CSP needs no exception, and every chart
sits beside a table holding the same numbers."""

from __future__ import annotations

from collections.abc import Iterable


def stack(parts: Iterable[tuple[str, int | str]]) -> list[dict]:
    """The parts of a stacked bar from (label, count) pairs: where each non-zero part starts
    and how wide it is, in percent of the whole. Counts that are not numbers (a hidden "c")
    are left out."""
    parts = [(label, count) for label, count in parts if isinstance(count, int) and count]
    total = sum(count for _label, count in parts)
    result, x = [], 0.0
    for label, count in parts:
        width = count / total * 100
        result.append({"label": label, "count": count, "x": round(x, 2), "width": round(width, 2)})
        x += width
    return result
