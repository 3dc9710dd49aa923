"""Gaps worth a sentence: where a service reaches women and men out of proportion.

A group (a service as a whole, or a service within one age group, neighbourhood, disability
status, migration status…) is a finding when

- its representation ratio (women's share ÷ the residents' women's share) is below 0.8 or
  above 1.25, or
- women's share W/(W+M) falls outside EIGE's 40–60 balance,

and it is large enough to be read: at least ``MIN_SIZE`` women and men together, and at least
``MIN_EXPECTED`` women and ``MIN_EXPECTED`` men expected under the reference share (50% when
there is no reference). Why these numbers: the standard error of a share is at most
√(0.25/n), 9 percentage points at n = 30, so below 30 a share says little; and the normal
approximation behind any reading of a share needs n·p ≥ 5 and n·(1−p) ≥ 5. A group of 30 near
an edge may still be chance, which is why findings are ranked by people, not by ratio.

Ranking: by ``shortfall``, in people, largest first. For a representation finding it is the
distance from proportional: |expected women − women|, where expected women = reference share
× (women + men). For a balance-only finding it is the distance to the nearer edge of 40–60 in
people. A ratio alone would put a group of 31 with 5 women above a service missing 2,000
women; counting people puts first the gaps that affect most people.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from esitlik.analytics.metrics import BALANCE, REPRESENTATION

MIN_SIZE = 30
MIN_EXPECTED = 5

UNDER = "fewer_women"
OVER = "more_women"


@dataclass(frozen=True)
class Finding:
    """One gap, with the figures a sentence needs: "Women are 31% of the beneficiaries of
    <service> in <group>, against 52% of residents (ratio 0.60): about 420 women fewer than
    proportional." ``group`` is () for the service as a whole, else pairs such as
    (("neighbourhood_id", 12),)."""

    service_id: int
    group: tuple[tuple[str, object], ...]
    women: int
    men: int
    share_women: float
    reference_share: float | None
    representation: float | None
    # The rules broken: "representation", "balance", or both.
    checks: tuple[str, ...]
    # UNDER: fewer women than the rule wants; OVER: more.
    direction: str
    # People: see the module's docstring.
    shortfall: float
    municipality_id: int | None = None
    rank: int = 0

    @property
    def people(self) -> int:
        return self.women + self.men

    @property
    def group_dict(self) -> dict[str, object]:
        return dict(self.group)

    @property
    def expected_women(self) -> float | None:
        if self.reference_share is None:
            return None
        return self.reference_share * self.people

    @property
    def within_reference(self) -> bool:
        """True for a balance finding the residents explain: the service's women's share is
        out of 40–60 but proportional to who lives there (e.g. care for the oldest, among
        whom women are many)."""
        return "representation" not in self.checks and self.representation is not None


def _number(value) -> float | None:
    if value is None or value is pd.NA:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def find_gaps(
    rows: pd.DataFrame,
    group_dims: Sequence[str] = (),
    *,
    min_size: int = MIN_SIZE,
    min_expected: int = MIN_EXPECTED,
) -> list[Finding]:
    """The findings among ``rows``: a frame with service_id, the ``group_dims``, women, men
    and, where there is a reference, reference_share (and municipality_id, if present). Groups
    whose dims hold a missing value (unknown neighbourhood…) are not findings. Unranked: see
    :func:`rank`."""
    found = []
    low, high = REPRESENTATION
    balance_low, balance_high = BALANCE
    for row in rows.to_dict("records"):
        if any(pd.isna(row[dim]) for dim in group_dims):
            continue
        women, men = int(row["women"]), int(row["men"])
        people = women + men
        reference = _number(row.get("reference_share"))
        expected_share = reference if reference is not None else 0.5
        if people < min_size or min(expected_share, 1 - expected_share) * people < min_expected:
            continue
        share = women / people
        ratio = share / reference if reference else None
        checks, direction, shortfall = [], None, 0.0
        if ratio is not None and not low <= ratio <= high:
            checks.append("representation")
            direction = UNDER if ratio < low else OVER
            shortfall = abs(reference * people - women)
        if not balance_low <= share <= balance_high:
            checks.append("balance")
            if direction is None:
                direction = UNDER if share < balance_low else OVER
                edge = balance_low if share < balance_low else balance_high
                shortfall = abs(edge * people - women)
        if not checks:
            continue
        municipality = row.get("municipality_id")
        found.append(
            Finding(
                service_id=int(row["service_id"]),
                group=tuple((dim, _plain(row[dim])) for dim in group_dims),
                women=women,
                men=men,
                share_women=share,
                reference_share=reference,
                representation=ratio,
                checks=tuple(checks),
                direction=direction,
                shortfall=shortfall,
                municipality_id=None if municipality is None else int(municipality),
            )
        )
    return found


def _plain(value):
    """numpy scalars as plain Python values, so a finding compares and serialises simply."""
    return value.item() if hasattr(value, "item") else value


def rank(findings: Iterable[Finding]) -> list[Finding]:
    """Findings largest shortfall first (ties: service, then group), numbered from 1."""
    ordered = sorted(findings, key=lambda f: (-f.shortfall, f.service_id, tuple(map(str, f.group))))
    return [replace(finding, rank=index) for index, finding in enumerate(ordered, 1)]


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """Findings as a table, one row each, the group written as "dim=value; …"."""
    columns = [
        "rank",
        "municipality_id",
        "service_id",
        "group",
        "women",
        "men",
        "share_women",
        "reference_share",
        "representation",
        "checks",
        "direction",
        "shortfall",
    ]
    return pd.DataFrame(
        [
            {
                "rank": f.rank,
                "municipality_id": f.municipality_id,
                "service_id": f.service_id,
                "group": "; ".join(f"{dim}={value}" for dim, value in f.group),
                "women": f.women,
                "men": f.men,
                "share_women": f.share_women,
                "reference_share": f.reference_share,
                "representation": f.representation,
                "checks": ",".join(f.checks),
                "direction": f.direction,
                "shortfall": f.shortfall,
            }
            for f in findings
        ],
        columns=columns,
    )
