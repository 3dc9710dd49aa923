"""The participation summary's figures, checked against counts made independently: the
events and inputs are described as plain data here, recorded through the services, and the
expected figures are counted from the description with loops (and the distinct stakeholders
once more with SQL), never with the code under test."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from esitlik.core.models import Neighbourhood
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create, input_decide
from esitlik.participation.models import Event, Stakeholder
from esitlik.participation.summary import (
    CONFIDENTIAL,
    NOT_ASSIGNED,
    NOT_GIVEN,
    TRUE_ZERO,
    participation_summary,
    published,
)
from tests.participation.helpers import neighbourhood, stakeholder
from tests.plans.helpers import build, make_plan

TODAY = timezone.localdate()


def day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


# Organisations: name → type.
ORGS = {
    "Kadın Dayanışma Derneği": Stakeholder.Kind.WOMENS_ORGANISATION,
    "Mor Çatı İzmir": Stakeholder.Kind.WOMENS_ORGANISATION,
    "İzmir Barosu": Stakeholder.Kind.BAR,
    "Ege Üniversitesi": Stakeholder.Kind.UNIVERSITY,
    "Alaybey Muhtarlığı": Stakeholder.Kind.HEADMAN,
    "Eğitim-Sen": Stakeholder.Kind.UNION,  # invited, never came
}


@dataclass
class EventSpec:
    key: str
    kind: str
    status: str
    days_ago: int
    for_plan: bool = False
    women: int = 0
    men: int = 0
    other: int = 0
    not_stated: int = 0
    groups: dict | None = None
    attended: tuple = ()
    phase: str = Event.Phase.PREPARATION


EVENTS = [
    EventSpec(
        "headmen",
        "workshop",
        "held",
        100,
        True,
        30,
        52,
        1,
        2,
        {"headmen": 70, "staff": 5},
        ("Alaybey Muhtarlığı", "Kadın Dayanışma Derneği"),
    ),
    EventSpec(
        "ngo",
        "meeting",
        "held",
        60,
        True,
        8,
        4,
        0,
        0,
        {"ngo": 6},
        ("Kadın Dayanışma Derneği", "İzmir Barosu", "Mor Çatı İzmir"),
    ),
    EventSpec(
        "women",
        "focus_group",
        "held",
        20,
        False,
        7,
        0,
        0,
        0,
        {"residents": 7},
        ("Ege Üniversitesi",),
    ),
    EventSpec(
        "old", "meeting", "held", 400, False, 3, 3, 0, 0, None, ("İzmir Barosu",), "monitoring"
    ),
    EventSpec("soon", "meeting", "planned", -10, True),
    EventSpec("rained", "focus_group", "cancelled", 30, True),
]


@dataclass
class InputSpec:
    text: str
    kind: str
    event: str | None
    days_ago: int | None = None  # when not raised at an event
    groups: tuple = ()
    heading: str | None = None
    article: str | None = None
    place: str | None = None
    decision: str = "under_review"
    to_action: bool = False


INPUTS = [
    InputSpec(
        "Parklarda aydınlatma yetersiz",
        "problem",
        "headmen",
        None,
        ("women", "girls"),
        "6",
        "21",
        "Alaybey",
        "taken",
        True,
    ),
    InputSpec(
        "Muhtarlıklara kadın danışma masası",
        "proposal",
        "headmen",
        None,
        ("women",),
        "5",
        "22",
        "Alaybey",
        "partly_taken",
        True,
    ),
    InputSpec(
        "Engelli rampası yok",
        "problem",
        "headmen",
        None,
        ("disabled",),
        "6",
        None,
        "Karşıyaka",
        "not_taken",
    ),
    InputSpec(
        "Yaşlılara evde bakım",
        "need",
        "headmen",
        None,
        ("elderly", "women"),
        "2",
        "15",
        "Karşıyaka",
    ),
    InputSpec(
        "Kreş saatleri uzasın",
        "proposal",
        "ngo",
        None,
        ("children", "women"),
        "3",
        "16",
        None,
        "taken",
        True,
    ),
    InputSpec(
        "Barodan ücretsiz hukuk danışmanlığı",
        "proposal",
        "ngo",
        None,
        ("women",),
        "5",
        "22",
        None,
        "not_taken",
    ),
    InputSpec("Genç kadınlara staj", "proposal", "women", None, ("women",), "3", "27", "Bostanlı"),
    InputSpec(
        "Gece otobüsü az",
        "problem",
        "women",
        None,
        (),
        None,
        None,
        "Bostanlı",
        "partly_taken",
        True,
    ),
    # Sent in on their own: one traced to the plan's action, one not yet decided.
    InputSpec(
        "Kadın kooperatifine satış yeri",
        "proposal",
        None,
        45,
        ("women",),
        "3",
        "27",
        None,
        "taken",
        True,
    ),
    InputSpec("Sokak hayvanları", "problem", None, 5, (), None, None, "Karşıyaka"),
    InputSpec("Eski öneri", "proposal", "old", None, ("everyone",), "4", "3", None, "not_taken"),
]


@pytest.fixture
def recorded(world):
    plan = make_plan(world)
    _, _, action = build(plan, world)
    places = {name: neighbourhood(world, name) for name in ("Alaybey", "Karşıyaka", "Bostanlı")}
    orgs = {name: stakeholder(world, name=name, kind=kind) for name, kind in ORGS.items()}
    headings = {i.code: i for i in FrameworkItem.objects.filter(kind="heading")}
    articles = {
        i.code: i
        for i in FrameworkItem.objects.filter(
            kind="article", framework__code="cemr-charter", framework__version="2006"
        )
    }
    events = {}
    for spec in EVENTS:
        starts = timezone.make_aware(datetime.combine(day(spec.days_ago), time(10)))
        events[spec.key] = event_create(
            municipality=world.home,
            by=world.alice,
            kind=spec.kind,
            title=spec.key,
            starts_at=starts,
            status=spec.status,
            phase=spec.phase,
            plan=plan if spec.for_plan else None,
            women=spec.women,
            men=spec.men,
            other=spec.other,
            not_stated=spec.not_stated,
            group_counts=spec.groups or {},
            invited=[orgs["Eğitim-Sen"]],
            attended=[orgs[name] for name in spec.attended],
        )
    for spec in INPUTS:
        values = {}
        if spec.event:
            values["event"] = events[spec.event]
        else:
            values.update(channel="stakeholder", received_on=day(spec.days_ago))
        item = input_create(
            municipality=world.home,
            by=world.alice,
            kind=spec.kind,
            text=spec.text,
            target_groups=list(spec.groups),
            heading=headings[spec.heading] if spec.heading else None,
            article=articles[spec.article] if spec.article else None,
            neighbourhood=places[spec.place] if spec.place else None,
            **values,
        )
        if spec.decision != "under_review":
            input_decide(
                item=item,
                by=world.alice,
                status=spec.decision,
                reason="" if spec.decision == "taken" else "Bütçe yetersiz",
                actions=[action] if spec.to_action else [],
            )
    # Another municipality's records never count.
    other_event = event_create(
        municipality=world.other,
        by=world.oscar,
        kind="meeting",
        title="Başka",
        starts_at=timezone.now() - timedelta(days=3),
        status="held",
        women=50,
    )
    input_create(municipality=world.other, by=world.oscar, event=other_event, kind="need", text="x")
    return plan


def event_day(spec: EventSpec) -> date:
    return day(spec.days_ago)


def input_day(spec: InputSpec) -> date:
    if spec.event:
        return event_day(next(e for e in EVENTS if e.key == spec.event))
    return day(spec.days_ago)


def expected(date_from=None, date_to=None, for_plan=False) -> dict:
    """The figures counted by hand from EVENTS and INPUTS."""

    def in_period(value):
        return (date_from is None or value >= date_from) and (date_to is None or value <= date_to)

    events = [e for e in EVENTS if in_period(event_day(e)) and (e.for_plan or not for_plan)]
    held = [e for e in events if e.status == "held"]
    kinds = {}
    for e in events:
        kinds.setdefault(e.kind, Counter())[e.status] += 1
    orgs = set()
    for e in held:
        orgs.update(e.attended)
    by_type = Counter(ORGS[name] for name in orgs)
    sexes = Counter()
    groups = Counter()
    for e in held:
        for name in ("women", "men", "other", "not_stated"):
            sexes[name] += getattr(e, name)
        for group, count in (e.groups or {}).items():
            groups[group] += count
    participants = sum(sexes.values())
    if participants - sum(groups.values()):
        groups[NOT_ASSIGNED] = participants - sum(groups.values())
    plan_events = {e.key for e in EVENTS if e.for_plan}
    inputs = []
    for i in INPUTS:
        if not in_period(input_day(i)):
            continue
        if for_plan and not (i.event in plan_events or i.to_action):
            continue
        inputs.append(i)
    targets = Counter()
    for i in inputs:
        for group in i.groups or [NOT_GIVEN]:
            targets[group] += 1
    decisions = Counter(i.decision for i in inputs)
    taken = decisions["taken"] + decisions["partly_taken"]
    decided = len(inputs) - decisions["under_review"]
    return {
        "held": len(held),
        "kinds": {k: (c["held"], c["planned"], c["cancelled"]) for k, c in kinds.items()},
        "stakeholders": len(orgs),
        "by_type": dict(by_type),
        "participants": participants,
        "sexes": dict(sexes),
        "groups": {k: v for k, v in groups.items() if v},
        "inputs": len(inputs),
        "input_kinds": dict(Counter(i.kind for i in inputs)),
        "targets": dict(targets),
        "headings": dict(Counter(i.heading or NOT_GIVEN for i in inputs)),
        "articles": dict(Counter(i.article or NOT_GIVEN for i in inputs)),
        "places": dict(Counter(i.place or NOT_GIVEN for i in inputs)),
        "decisions": dict(decisions),
        "taken": taken,
        "decided": decided,
        "taken_share": taken / decided if decided else None,
        "taken_share_of_all": taken / len(inputs) if inputs else None,
    }


def actual(summary) -> dict:
    """The same figures read from the summary, keyed the way ``expected`` keys them."""

    def counts(rows, key=lambda row: row.key):
        return {key(row): row.count for row in rows if row.count}

    heading_codes = {str(i.pk): i.code for i in FrameworkItem.objects.all()}
    place_names = {str(n.pk): n.name for n in summary_places()}

    def code(row):
        return heading_codes.get(row.key, row.key)

    return {
        "held": summary.held,
        "kinds": {r.key: (r.held, r.planned, r.cancelled) for r in summary.events},
        "stakeholders": summary.stakeholder_count,
        "by_type": counts(summary.stakeholders),
        "participants": summary.participants,
        "sexes": {r.key: r.count for r in summary.sexes if r.count},
        "groups": counts(summary.groups),
        "inputs": summary.inputs,
        "input_kinds": counts(summary.kinds),
        "targets": counts(summary.target_groups),
        "headings": counts(summary.headings, code),
        "articles": counts(summary.articles, code),
        "places": counts(summary.neighbourhoods, lambda r: place_names.get(r.key, r.key)),
        "decisions": counts(summary.decisions),
        "taken": summary.taken,
        "decided": summary.decided,
        "taken_share": summary.taken_share,
        "taken_share_of_all": summary.taken_share_of_all,
    }


def summary_places():
    return Neighbourhood.objects.all()


def test_it_counts_every_figure_as_an_independent_count_does(recorded, world):
    want = expected()
    assert actual(participation_summary(world.home)) == {
        **want,
        "sexes": {k: v for k, v in want["sexes"].items() if v},
    }
    # The description is rich enough to test what it should.
    assert want["held"] == 4 and want["kinds"]["focus_group"] == (1, 0, 1)
    assert want["targets"]["women"] >= 5 and want["targets"][NOT_GIVEN] == 2


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [(day(90), None), (None, day(50)), (day(70), day(10)), (day(1), day(0))],
)
def test_it_counts_within_a_period(recorded, world, date_from, date_to):
    want = expected(date_from, date_to)
    got = actual(participation_summary(world.home, date_from=date_from, date_to=date_to))
    want["sexes"] = {k: v for k, v in want["sexes"].items() if v}
    assert got == want


def test_it_counts_for_one_plan_edition(recorded, world):
    want = expected(for_plan=True)
    want["sexes"] = {k: v for k, v in want["sexes"].items() if v}
    assert actual(participation_summary(world.home, plan=recorded)) == want
    # An input sent in on its own counts for the plan once it is traced to its action.
    assert want["inputs"] == 8


def test_it_combines_a_period_with_a_plan(recorded, world):
    want = expected(day(80), None, for_plan=True)
    want["sexes"] = {k: v for k, v in want["sexes"].items() if v}
    summary = participation_summary(world.home, date_from=day(80), plan=recorded)
    assert actual(summary) == want


def test_a_stakeholder_at_several_events_counts_once(recorded, world):
    summary = participation_summary(world.home)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(DISTINCT a.stakeholder_id) FROM participation_event_attended a "
            "JOIN participation_event e ON e.id = a.event_id "
            "WHERE e.status = 'held' AND e.municipality_id = %s",
            [world.home.pk],
        )
        (distinct,) = cursor.fetchone()
        cursor.execute(
            "SELECT COUNT(*) FROM participation_event_attended a "
            "JOIN participation_event e ON e.id = a.event_id "
            "WHERE e.status = 'held' AND e.municipality_id = %s",
            [world.home.pk],
        )
        (attendances,) = cursor.fetchone()
    assert summary.stakeholder_count == distinct == 5
    assert attendances == 7  # the women's association and the bar came twice
    kinds = {row.key: row.count for row in summary.stakeholders}
    assert kinds["women"] == 2 and kinds["bar"] == 1
    assert "union" not in kinds  # invited is not taking part


def test_shares_of_people_are_left_out_under_ten_participants(world):
    event_create(
        municipality=world.home,
        by=world.alice,
        kind="focus_group",
        title="Küçük grup",
        starts_at=timezone.now() - timedelta(days=2),
        status="held",
        women=6,
        men=3,
        group_counts={"residents": 9},
    )
    summary = participation_summary(world.home)
    assert summary.participants == 9 and not summary.people_shares
    assert all(row.share is None for row in summary.sexes + summary.groups)
    assert summary.women_share is None


def test_the_published_version_hides_small_counts_of_people(world):
    event_create(
        municipality=world.home,
        by=world.alice,
        kind="workshop",
        title="Çalıştay",
        starts_at=timezone.now() - timedelta(days=2),
        status="held",
        women=40,
        men=20,
        other=2,
        group_counts={"headmen": 30, "ngo": 27, "staff": 3},
    )
    internal = participation_summary(world.home)
    public = published(internal)
    sexes = {row.key: row.count for row in public.sexes}
    # "other" (2) is hidden, and with it the next smallest (men), so it cannot be worked out
    # from the total; the true zero shows as "-".
    assert sexes == {
        "women": 40,
        "men": CONFIDENTIAL,
        "other": CONFIDENTIAL,
        "not_stated": TRUE_ZERO,
    }
    groups = {row.key: row.count for row in public.groups}
    assert groups["staff"] == CONFIDENTIAL and groups[NOT_ASSIGNED] == CONFIDENTIAL  # 2 unassigned
    assert groups["headmen"] == 30
    assert set(public.suppressed) == {
        "sex:men",
        "sex:other",
        "group:staff",
        f"group:{NOT_ASSIGNED}",
    }
    assert [r.share for r in public.sexes if r.key == "men"] == [None]
    assert public.participants == 62 and public.not_held == []
    # The internal figures are untouched.
    assert {row.key: row.count for row in internal.sexes}["other"] == 2


def test_the_published_version_hides_a_tiny_total(world):
    event_create(
        municipality=world.home,
        by=world.alice,
        kind="meeting",
        title="Görüşme",
        starts_at=timezone.now() - timedelta(days=2),
        status="held",
        women=3,
    )
    public = published(participation_summary(world.home))
    assert public.participants == CONFIDENTIAL and "participants" in public.suppressed
    assert {row.key: row.count for row in public.sexes}["women"] == CONFIDENTIAL


def test_an_empty_municipality_has_an_empty_summary(world):
    summary = participation_summary(world.home)
    assert (summary.held, summary.inputs, summary.participants) == (0, 0, 0)
    assert summary.taken_share is None and summary.events == []
    assert [row.count for row in summary.decisions] == [0, 0, 0, 0]


def test_inputs_without_a_decision_have_no_share_taken(world):
    input_create(municipality=world.home, by=world.alice, kind="need", text="Kreş")
    summary = participation_summary(world.home)
    assert summary.inputs == 1 and summary.decided == 0
    assert summary.taken_share is None and summary.taken_share_of_all == 0
