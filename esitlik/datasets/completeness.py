"""Completeness of a year's data: per directorate and kind, what was expected (and by when),
what arrived (landed imports), and what cannot be split by sex. Read by the completeness page
and, through :func:`overdue_expectations`, by the reminder e-mails."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.selectors import directorate_tree
from esitlik.core.text import tr_sort_key
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import DataExpectation, ImportRun
from esitlik.datasets.runs import has_sex, lacks_sex


class State:
    """A row's state, worst first. Each has words of its own: the page never relies on
    colour alone."""

    OVERDUE = "overdue"
    NOT_BY_SEX = "not_by_sex"
    AWAITED = "awaited"
    RECEIVED = "received"
    ARRIVED = "arrived"  # data that has no sex to split by (budget lines)

    LABELS = {
        OVERDUE: _("Overdue: not arrived"),
        NOT_BY_SEX: _("Arrived, not split by sex"),
        AWAITED: _("Awaited"),
        RECEIVED: _("Arrived, split by sex"),
        ARRIVED: pgettext_lazy("data state", "Arrived"),
    }
    ORDER = (OVERDUE, NOT_BY_SEX, AWAITED, RECEIVED, ARRIVED)


@dataclass
class Arrived:
    run: ImportRun
    lacks_sex: str  # why it is not split by sex, or ""


@dataclass
class Row:
    directorate: Directorate | None
    kind: Kind
    expected: list[DataExpectation] = field(default_factory=list)
    arrived: list[Arrived] = field(default_factory=list)
    today: date | None = None

    @property
    def rows(self) -> int:
        return sum(item.run.rows_read for item in self.arrived)

    def met(self, expectation: DataExpectation) -> bool:
        return arrived_for(expectation, [item.run for item in self.arrived])

    def late(self, expectation: DataExpectation) -> bool:
        """Past its due date with nothing arrived for it."""
        return bool(expectation.due and expectation.due < self.today and not self.met(expectation))

    @property
    def overdue(self) -> bool:
        return bool(self.late_list)

    @property
    def late_list(self) -> list[DataExpectation]:
        return [e for e in self.expected if self.late(e)]

    @property
    def missing_list(self) -> list[DataExpectation]:
        """Expected data not in what arrived (only worth saying once something arrived)."""
        return [e for e in self.expected if not self.met(e)]

    @property
    def not_by_sex(self) -> list[Arrived]:
        return [item for item in self.arrived if item.lacks_sex]

    @property
    def state(self) -> str:
        if self.overdue:
            return State.OVERDUE
        if not self.arrived:
            return State.AWAITED
        if self.not_by_sex:
            return State.NOT_BY_SEX
        return State.RECEIVED if self.has_sex else State.ARRIVED

    @property
    def has_sex(self) -> bool:
        return has_sex(self.kind)

    @property
    def state_label(self):
        return State.LABELS[self.state]


@dataclass
class Completeness:
    year: int
    rows: list[Row]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    @property
    def counts(self) -> list[tuple[str, object, int]]:
        return [(state, State.LABELS[state], self.count(state)) for state in State.ORDER]


def completeness(municipality: Municipality, year: int, today: date) -> Completeness:
    """Every directorate × kind that was expected for ``year`` or sent data for it, in the
    directorate tree's order (data sent by no directorate, such as TÜİK's population, last)."""
    rows: dict[tuple[int | None, str], Row] = {}

    def row(directorate, kind) -> Row:
        key = (directorate.pk if directorate else None, kind)
        if key not in rows:
            rows[key] = Row(directorate, Kind(kind), today=today)
        return rows[key]

    expectations = DataExpectation.objects.filter(municipality=municipality, year=year)
    for expectation in expectations.select_related("directorate", "service"):
        row(expectation.directorate, expectation.kind).expected.append(expectation)
    runs = ImportRun.objects.filter(
        municipality=municipality, year=year, status=ImportRun.Status.LANDED
    ).select_related("directorate", "created_by")
    for run in runs.order_by("created_at", "id"):
        row(run.directorate, run.kind).arrived.append(Arrived(run, lacks_sex(run)))

    order = {r.directorate.pk: i for i, r in enumerate(directorate_tree(municipality))}
    kinds = list(Kind.values)
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            r.directorate is None,
            order.get(r.directorate.pk, len(order)) if r.directorate else 0,
            kinds.index(r.kind.value),
        ),
    )
    for item in ordered:
        item.expected.sort(key=lambda e: (e.service is not None, tr_sort_key(str(e.service or ""))))
    return Completeness(year, ordered)


def arrived_for(expectation: DataExpectation, runs: list[ImportRun]) -> bool:
    """Whether landed ``runs`` (of the expectation's directorate, kind and year) hold what it
    asks for: anything, or — for one service — records of that service. A run whose summary
    does not say its services counts for every service."""
    if expectation.service_id is None:
        return bool(runs)
    for run in runs:
        services = (run.summary or {}).get("by_service")
        if services is None or str(expectation.service_id) in services:
            return True
    return False


def overdue_expectations(municipality: Municipality, today: date) -> list[DataExpectation]:
    """Expected data past its due date that has not arrived (nothing of that directorate,
    kind and year has landed, or nothing of the service it names): what the reminders ask
    the directorates' focal points for."""
    landed: dict[tuple, list[ImportRun]] = {}
    for run in ImportRun.objects.filter(municipality=municipality, status=ImportRun.Status.LANDED):
        landed.setdefault((run.directorate_id, run.kind, run.year), []).append(run)
    due = DataExpectation.objects.filter(municipality=municipality, due__lt=today)
    return sorted(
        (
            e
            for e in due.select_related("directorate", "service")
            if not arrived_for(e, landed.get((e.directorate_id, e.kind, e.year), []))
        ),
        key=lambda e: (e.due, tr_sort_key(localized(e.directorate.name)), e.kind),
    )


def years_with_data(municipality: Municipality, today: date) -> list[int]:
    """Years offered by the year picker: those with expectations or imports, and the last two."""
    years = set(
        DataExpectation.objects.filter(municipality=municipality).values_list("year", flat=True)
    )
    years |= set(ImportRun.objects.filter(municipality=municipality).values_list("year", flat=True))
    years |= {today.year, today.year - 1}
    return sorted(years, reverse=True)


def default_year(municipality: Municipality, today: date) -> int:
    """The year the page opens on: the latest year with expected data not later than this
    one, else last year (data about a year arrives in the next)."""
    expected = (
        DataExpectation.objects.filter(municipality=municipality, year__lte=today.year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return expected or today.year - 1
