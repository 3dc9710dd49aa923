"""The participation summary: what the municipality did with people in a period or for a plan
edition, as the figures behind the summary page, its charts, the press-release sentence
(``press.py``) and the XLSX export (``summary_export.py``).

Reading only. Volumes are small (hundreds of events, thousands of inputs per municipality),
so a few queries fetch the rows and Python counts them: the rules stay readable.

- Events count only when held; planned and cancelled ones are counted apart and listed.
- Stakeholders are distinct organisations that took part in a held event: one NGO at three
  meetings counts once.
- Participants are the sums of the held events' counts by sex and by group. Groups need not
  cover everyone, so the rest is shown as "not assigned to a group".
- An input with several target groups counts under each, so those shares add up to more than
  100%; every other input table counts an input once.
- The share taken into the plan is (taken + partly taken) ÷ decided, and also ÷ all inputs.

Filters: events by the day they start, inputs by the day they were received; a plan edition
selects the events recorded for it and the inputs raised at them or traced to its actions (an
input sent in on its own and not yet decided belongs to no edition).

Disclosure: this summary is internal (members with ``view_internal``) and shows every count,
but no percentage by sex or group when fewer than ``PEOPLE_SHARES_MIN`` people took part, as
such a share says more about individuals than about a group. :func:`published` gives the
version fit to leave the unit (portal, reports): small counts of people hidden as "c" with
complementary suppression, true zeros as "-", shares derived from hidden cells dropped, and
what was hidden listed so the caller can log it. Organisations and inputs are not people and
are shown as they are."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.core.models import Municipality
from esitlik.core.text import tr_sort_key
from esitlik.participation.models import Event, Input, Stakeholder
from esitlik.participation.models.events import SEX_FIELDS
from esitlik.plans.models import Action, ActionPlan

# Below this many participants, no percentage by sex or group is shown, even internally.
PEOPLE_SHARES_MIN = 10
# Published figures hide counts of people from 1 to this minus one (threshold 5 is common).
PUBLISH_THRESHOLD = 5
CONFIDENTIAL, TRUE_ZERO = "c", "-"
# Phases of preparing a plan: a summary of only these speaks of "plan hazırlığında".
BEFORE_ADOPTION = (Event.Phase.PREPARATION, Event.Phase.CONSULTATION)
NOT_GIVEN = ""  # the key of a row for inputs that name no target group, heading, …
NOT_ASSIGNED = "_not_assigned"  # participants whose group the sign-in sheet did not say


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    plan: ActionPlan | None = None

    @property
    def period_given(self) -> bool:
        return self.date_from is not None or self.date_to is not None


@dataclass
class Row:
    """One line of a table: what is counted (``key`` and its ``label``), how many, its share
    of the table's base, and its bar's length in percent of the table's largest count. In the
    published version ``count`` may be "c" (hidden) or "-" (a true zero)."""

    key: str
    label: str
    count: int | str
    share: float | None = None
    bar: float = 0.0


@dataclass
class EventRow:
    key: str
    label: str
    held: int
    planned: int
    cancelled: int
    bar: float = 0.0


@dataclass
class Summary:
    filters: Filters
    events: list[EventRow]
    held: int
    planned: int
    cancelled: int
    not_held: list[Event]  # planned and cancelled events, listed apart and not counted
    first_held: date | None
    last_held: date | None
    all_preparation: bool  # every held event was held before the plan's adoption
    stakeholder_count: int
    stakeholders: list[Row]
    participants: int | str
    people_shares: bool  # whether shares by sex and group are shown
    sexes: list[Row]
    groups: list[Row]
    inputs: int
    kinds: list[Row]
    target_groups: list[Row]
    headings: list[Row]
    articles: list[Row]
    neighbourhoods: list[Row]
    decisions: list[Row]
    decided: int
    taken: int  # taken or partly taken
    partly: int
    under_review: int
    taken_share: float | None  # of the decided inputs
    taken_share_of_all: float | None
    published: bool = False
    suppressed: list[str] = field(default_factory=list)

    @property
    def women_share(self) -> float | None:
        return next((row.share for row in self.sexes if row.key == "women"), None)


def _share(count, base) -> float | None:
    if not isinstance(count, int) or not isinstance(base, int) or base <= 0:
        return None
    return count / base


def _with_bars(rows: list, attribute: str = "count") -> list:
    counts = [getattr(row, attribute) for row in rows]
    top = max((c for c in counts if isinstance(c, int)), default=0)
    for row, count in zip(rows, counts, strict=True):
        row.bar = round(count / top * 100, 2) if top and isinstance(count, int) else 0.0
    return rows


def _rows(counts: Counter, labels: dict, base: int, order=None, none_label: str = "") -> list:
    """Rows for the keys counted, in ``order`` (a list of keys) or else by count, largest
    first, then by label the Turkish way; the row of inputs that name nothing comes last."""
    keys = [key for key in counts if key != NOT_GIVEN]
    if order is not None:
        position = {key: index for index, key in enumerate(order)}
        keys.sort(key=lambda key: position.get(key, len(position)))
    else:
        keys.sort(key=lambda key: (-counts[key], tr_sort_key(str(labels.get(key, key)))))
    rows = [Row(str(key), str(labels.get(key, key)), counts[key]) for key in keys]
    if counts.get(NOT_GIVEN):
        rows.append(Row(NOT_GIVEN, none_label, counts[NOT_GIVEN]))
    for row in rows:
        row.share = _share(row.count, base)
    return _with_bars(rows)


def _events(municipality: Municipality, filters: Filters):
    events = Event.objects.filter(municipality=municipality)
    if filters.date_from:
        events = events.filter(starts_at__date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(starts_at__date__lte=filters.date_to)
    if filters.plan is not None:
        events = events.filter(plan=filters.plan)
    return list(events.order_by("starts_at", "id"))


def _inputs(municipality: Municipality, filters: Filters):
    inputs = Input.objects.filter(municipality=municipality)
    if filters.date_from:
        inputs = inputs.filter(received_on__gte=filters.date_from)
    if filters.date_to:
        inputs = inputs.filter(received_on__lte=filters.date_to)
    if filters.plan is not None:
        plan = filters.plan
        inputs = inputs.filter(Q(event__plan=plan) | Q(actions__objective__aim__plan=plan))
        inputs = inputs.distinct()
    return list(inputs.select_related("heading", "article", "neighbourhood").order_by("id"))


def sex_labels() -> dict[str, str]:
    return {
        "women": pgettext("sex", "Women"),
        "men": pgettext("sex", "Men"),
        "other": pgettext("sex", "Other"),
        "not_stated": pgettext("sex", "Not stated"),
    }


def participation_summary(
    municipality: Municipality,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    plan: ActionPlan | None = None,
) -> Summary:
    """Every figure of the summary for ``municipality``, optionally within a period (both
    ends included) and for one plan edition."""
    filters = Filters(date_from=date_from, date_to=date_to, plan=plan)
    events = _events(municipality, filters)
    held = [e for e in events if e.status == Event.Status.HELD]

    by_status = {status: Counter() for status in Event.Status.values}
    for event in events:
        by_status[event.status][event.kind] += 1
    event_rows = [
        EventRow(
            kind,
            str(label),
            by_status[Event.Status.HELD][kind],
            by_status[Event.Status.PLANNED][kind],
            by_status[Event.Status.CANCELLED][kind],
        )
        for kind, label in Event.Kind.choices
        if any(by_status[status][kind] for status in by_status)
    ]
    _with_bars(event_rows, "held")
    held_days = [timezone.localtime(e.starts_at).date() for e in held]

    # Distinct organisations, not distinct types: the pk must be part of what is made distinct.
    attended = Stakeholder.objects.filter(events_attended__in=held).values_list("pk", "kind")
    stakeholder_kinds = Counter(kind for _pk, kind in attended.distinct().order_by())
    stakeholder_count = sum(stakeholder_kinds.values())

    participants = sum(e.participants for e in held)
    people_shares = participants >= PEOPLE_SHARES_MIN
    people_base = participants if people_shares else 0
    sexes = Counter({name: sum(getattr(e, name) for e in held) for name in SEX_FIELDS})
    sex_rows = [
        Row(name, label, sexes[name], _share(sexes[name], people_base))
        for name, label in sex_labels().items()
    ]
    groups = Counter()
    for event in held:
        groups.update(event.group_counts)
    group_labels = {**dict(Event.Group.choices), NOT_ASSIGNED: _("Not assigned to a group")}
    unassigned = participants - sum(groups.values())
    if unassigned:
        groups[NOT_ASSIGNED] = unassigned
    group_rows = _rows(groups, group_labels, people_base, order=[*Event.Group.values, NOT_ASSIGNED])

    inputs = _inputs(municipality, filters)
    total = len(inputs)
    kinds = Counter(i.kind for i in inputs)
    targets, headings, articles, places = Counter(), Counter(), Counter(), Counter()
    heading_items, article_items, place_items = {}, {}, {}
    for item in inputs:
        targets.update(item.target_groups or [NOT_GIVEN])
        for counter, items, related in (
            (headings, heading_items, item.heading),
            (articles, article_items, item.article),
            (places, place_items, item.neighbourhood),
        ):
            key = related.pk if related is not None else NOT_GIVEN
            counter[key] += 1
            if related is not None:
                items[key] = related
    heading_order = sorted(heading_items, key=lambda pk: heading_items[pk].position)
    decisions = Counter(i.status for i in inputs)
    S = Input.Status
    taken = decisions[S.TAKEN] + decisions[S.PARTLY_TAKEN]
    decided = total - decisions[S.UNDER_REVIEW]

    return Summary(
        filters=filters,
        events=event_rows,
        held=len(held),
        planned=sum(by_status[Event.Status.PLANNED].values()),
        cancelled=sum(by_status[Event.Status.CANCELLED].values()),
        not_held=[e for e in events if e.status != Event.Status.HELD],
        first_held=min(held_days, default=None),
        last_held=max(held_days, default=None),
        all_preparation=bool(held) and all(e.phase in BEFORE_ADOPTION for e in held),
        stakeholder_count=stakeholder_count,
        stakeholders=_rows(stakeholder_kinds, dict(Stakeholder.Kind.choices), stakeholder_count),
        participants=participants,
        people_shares=people_shares,
        sexes=_with_bars(sex_rows),
        groups=group_rows,
        inputs=total,
        kinds=_rows(kinds, dict(Input.Kind.choices), total, order=Input.Kind.values),
        target_groups=_rows(
            targets,
            dict(Action.TargetGroup.choices),
            total,
            none_label=_("No target group given"),
        ),
        headings=_rows(
            headings,
            {pk: str(item) for pk, item in heading_items.items()},
            total,
            order=heading_order,
            none_label=_("No YEEP heading given"),
        ),
        articles=_rows(
            articles,
            {pk: str(item) for pk, item in article_items.items()},
            total,
            none_label=_("No Charter article given"),
        ),
        neighbourhoods=_rows(
            places,
            {pk: str(item) for pk, item in place_items.items()},
            total,
            none_label=_("No neighbourhood (city-wide or not given)"),
        ),
        # Every decision is listed, a zero too: "none not taken" is worth saying.
        decisions=_with_bars(
            [
                Row(
                    str(status),
                    str(status.label),
                    decisions[status],
                    _share(decisions[status], total),
                )
                for status in (S.TAKEN, S.PARTLY_TAKEN, S.NOT_TAKEN, S.UNDER_REVIEW)
            ]
        ),
        decided=decided,
        taken=taken,
        partly=decisions[S.PARTLY_TAKEN],
        under_review=decisions[S.UNDER_REVIEW],
        taken_share=_share(taken, decided),
        taken_share_of_all=_share(taken, total),
    )


def _suppress(rows: list[Row], threshold: int, total_hidden: bool, base) -> tuple[list, list]:
    """Rows of people counts fit to publish, and the keys hidden. A count from 1 to
    threshold − 1 is hidden; when the total is shown and only one row would be hidden, the
    smallest other count is hidden too, so the hidden one cannot be worked out from the total."""
    hidden = {row.key for row in rows if isinstance(row.count, int) and 0 < row.count < threshold}
    if len(hidden) == 1 and not total_hidden:
        others = [r for r in rows if r.key not in hidden and isinstance(r.count, int) and r.count]
        if others:
            hidden.add(min(others, key=lambda r: r.count).key)
    result = []
    for row in rows:
        if row.key in hidden:
            result.append(Row(row.key, row.label, CONFIDENTIAL))
        elif row.count == 0:
            result.append(Row(row.key, row.label, TRUE_ZERO))
        else:
            share = None if total_hidden else _share(row.count, base)
            result.append(Row(row.key, row.label, row.count, share))
    return _with_bars(result), [row.key for row in rows if row.key in hidden]


def published(summary: Summary, threshold: int = PUBLISH_THRESHOLD) -> Summary:
    """The summary fit to leave the equality unit (the public portal, a report).

    Counts of people (participants by sex and by group) from 1 to ``threshold`` − 1 become
    "c", with complementary suppression within each table; zeros become "-"; a total under the
    threshold is hidden too, and with it every share. Shares by sex and group are shown only
    from ``PEOPLE_SHARES_MIN`` participants, as internally. The list of planned and cancelled
    events (internal titles) is left out. ``suppressed`` names every hidden cell
    ("participants", "sex:men", "group:headmen") for the caller to log."""
    participants = summary.participants
    total_hidden = isinstance(participants, int) and 0 < participants < threshold
    base = participants if summary.people_shares else 0
    sexes, hidden_sexes = _suppress(summary.sexes, threshold, total_hidden, base)
    groups, hidden_groups = _suppress(summary.groups, threshold, total_hidden, base)
    suppressed = (["participants"] if total_hidden else []) + [
        *(f"sex:{key}" for key in hidden_sexes),
        *(f"group:{key}" for key in hidden_groups),
    ]
    return dataclasses.replace(
        summary,
        participants=CONFIDENTIAL if total_hidden else participants,
        people_shares=summary.people_shares and not total_hidden,
        sexes=sexes,
        groups=groups,
        not_held=[],
        published=True,
        suppressed=suppressed,
    )
