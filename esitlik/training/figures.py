"""The training figures: who has been trained, in what, by whom, how well, and how much of the
workforce is still untrained. They feed the training summary page, its sentence
(``sentence.py``) and its workbook (``figures_export.py``).

Reading only. Volumes are small (thousands of attendances), so a few queries fetch the rows
and Python counts them, which keeps the rules readable:

- Only held sessions count, by the day they start, both ends of the period included; planned
  and cancelled ones in the period are counted apart.
- People trained are distinct staff people from named sessions: a person at two sessions
  counts once. Attendances (one per person per session) and training hours (each attendance
  times its session's hours) are separate figures.
- A person is counted by the role category, directorate and sex the staff register holds now:
  it keeps no history, so someone promoted since is counted in their new category.
- Coverage is trained ÷ workforce, by role category and sex, with the workforce of the latest
  year with figures up to the period's last year (:func:`workforce_of`): the imported
  workforce data (``datasets.workforce``) where a file has landed for that year or a later
  one than the typed-in figures, else the figures typed in. The data's role categories are
  matched to the municipality's list by name (Turkish or English, any case); people of a
  category not on the list are shown apart, never silently left out. Trained people are
  counted whatever their status today: someone trained in the period who has left since was
  still trained in it (how many left is shown apart). The workforce's "other or not stated"
  column is compared with trained people of sex other and not stated together.
- Public reach is the counts of sessions recorded as counts (a Father Support Programme group),
  summed by sex and by target group for each programme; they hold no names.
- The trainer pool is as it stands today, whatever the filters.

Disclosure: the page is internal (``view_internal``) and shows every count, but no percentage
is worked out from fewer than ``PEOPLE_SHARES_MIN`` people (the participation summary's rule):
such a share says more about individuals than about a group. Staff names are never read here."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.sex import COUNT_FIELD, Sex
from esitlik.core.text import tr_casefold, tr_sort_key
from esitlik.participation.summary import PEOPLE_SHARES_MIN
from esitlik.plans.models import Action
from esitlik.training.evaluation import Evaluation, evaluation_of
from esitlik.training.models import (
    Attendance,
    Programme,
    RoleCategory,
    Trainer,
    TrainingSession,
    WorkforceFigure,
)

SEXES = tuple(Sex.values)  # woman, man, other, not_stated
# A certificate expiring within this many days is flagged for renewal.
EXPIRY_WARNING_DAYS = 90
NONE_KEY = ""  # the row of people with no role category, no directorate, no topic…
NOT_ASSIGNED = "_not_assigned"  # counted participants whose group the sheet did not say


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    programme: Programme | None = None
    topic: str = ""

    def end_year(self, today: date) -> int:
        """The year whose workforce coverage is measured against: the period's last."""
        return self.date_to.year if self.date_to else today.year


def share(part: int, base: int | None) -> float | None:
    """``part`` ÷ ``base``, or None when it would rest on fewer than PEOPLE_SHARES_MIN people."""
    if not base or base < PEOPLE_SHARES_MIN:
        return None
    return part / base


def sex_labels() -> dict[str, str]:
    return {
        Sex.WOMAN: pgettext("sex", "Women"),
        Sex.MAN: pgettext("sex", "Men"),
        Sex.OTHER: pgettext("sex", "Other"),
        Sex.NOT_STATED: pgettext("sex", "Not stated"),
    }


@dataclass
class SexRow:
    """A row counted by sex: people of a role category, of a directorate, reached by a
    programme. ``names`` keeps a role category's bilingual name for the sentence."""

    key: str
    label: str
    woman: int = 0
    man: int = 0
    other: int = 0
    not_stated: int = 0
    names: dict = field(default_factory=dict)
    bar: float = 0.0

    @property
    def total(self) -> int:
        return self.woman + self.man + self.other + self.not_stated

    @property
    def women_share(self) -> float | None:
        return share(self.woman, self.total)

    def add(self, sex: str, count: int = 1) -> None:
        setattr(self, sex, getattr(self, sex) + count)

    def by_sex(self) -> list[tuple[str, str, int]]:
        """(sex, label, count) for the four sexes, for a stacked bar or a table."""
        return [(sex, label, getattr(self, sex)) for sex, label in sex_labels().items()]


@dataclass
class CubeRow:
    """People trained in one role category and one directorate, by sex."""

    category: str
    directorate: str
    counts: SexRow


@dataclass
class CoverageCell:
    trained: int
    workforce: int | None  # None: no workforce figure for the category

    @property
    def share(self) -> float | None:
        return share(self.trained, self.workforce)

    @property
    def untrained(self) -> int | None:
        if self.workforce is None:
            return None
        return max(self.workforce - self.trained, 0)


@dataclass
class CoverageRow:
    """A role category's trained people against its workforce: women, men, other or not
    stated, and all (``cells`` in that order)."""

    key: str
    label: str
    cells: list[CoverageCell]
    bar: float = 0.0

    @property
    def total(self) -> CoverageCell:
        return self.cells[-1]


@dataclass
class Coverage:
    year: int | None  # the workforce figures' year, None when there are none
    rows: list[CoverageRow]
    total: CoverageRow | None  # over the categories that have workforce figures
    outside: int  # trained people in no category with a workforce figure
    # Whether the workforce comes from imported data (else from the typed-in figures).
    from_data: bool = False
    # The data's role categories not on the municipality's list: (as written, people).
    unmatched: list[tuple[str, int]] = field(default_factory=list)

    def labels(self) -> list[str]:
        return [pgettext("sex", "Women"), pgettext("sex", "Men"), _("Other or not stated")]


@dataclass
class ReachRow:
    """What the sessions of one programme recorded as counts reached."""

    key: str
    label: str
    title: dict
    audience: str
    partner: str
    sessions: int
    counts: SexRow
    groups: list[tuple[str, str, int]]  # (group, label, count), "not assigned" last
    bar: float = 0.0


@dataclass
class PoolRow:
    key: str
    label: str
    active: int = 0
    in_training: int = 0
    bar: float = 0.0

    @property
    def total(self) -> int:
        return self.active + self.in_training


@dataclass
class ExpiringRow:
    """A certificate to renew. The trainer is named by id and kind only: an internal
    trainer's name is a staff name."""

    trainer_id: int
    trainer_kind: str
    trainer_status: str
    title: str
    issuer: str
    expires_on: date
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    @property
    def days_ago(self) -> int:
        return -self.days_left


@dataclass
class ProgrammeRow:
    key: str
    label: str
    audience: str
    sessions: int = 0
    hours: Decimal = Decimal(0)  # the sessions' own hours
    sessions_without_hours: int = 0
    people: int = 0  # distinct named people
    attendances: int = 0
    person_hours: Decimal = Decimal(0)
    counted: int = 0  # people on sessions recorded as counts
    evaluation: Evaluation | None = None
    bar: float = 0.0


@dataclass
class TrainingFigures:
    filters: Filters
    today: date
    sessions: int  # held
    named_sessions: int
    counted_sessions: int
    planned: int  # in the period, not counted
    cancelled: int
    first_held: date | None
    last_held: date | None
    people: SexRow  # distinct staff people trained, by sex
    people_left: int  # of them, no longer working here
    attendances: int
    hours: Decimal  # training hours: each attendance times its session's hours
    sessions_without_hours: int
    topic: str  # the topic the sentence names: the filter's, or the one all shared
    by_role: list[SexRow]
    by_directorate: list[SexRow]
    cube: list[CubeRow]
    coverage: Coverage
    reach: list[ReachRow]
    reach_total: SexRow
    programmes: list[ProgrammeRow]
    pool_size: int
    pool_topics: list[PoolRow]
    pool_certification: list[PoolRow]
    expiring: list[ExpiringRow]

    @property
    def women_share(self) -> float | None:
        return self.people.women_share

    @property
    def public_reach(self) -> list[ReachRow]:
        return [row for row in self.reach if row.audience == Programme.Audience.PUBLIC]


def _with_bars(rows: list, value=lambda row: row.total) -> list:
    top = max((value(row) for row in rows), default=0)
    for row in rows:
        row.bar = round(float(value(row)) / float(top) * 100, 2) if top else 0.0
    return rows


# The seam to the data engine -----------------------------------------------------------------


@dataclass
class Workforce:
    """The workforce coverage is measured against (see :func:`workforce_of`)."""

    year: int | None
    from_data: bool = False
    # {role category id: (women, men, other or not stated)}
    by_category: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    unmatched: list[tuple[str, int]] = field(default_factory=list)


def _typed_year(municipality: Municipality, year: int) -> int | None:
    years = WorkforceFigure.objects.filter(municipality=municipality, year__lte=year)
    return years.order_by("-year").values_list("year", flat=True).first()


def workforce_year(municipality: Municipality, year: int) -> int | None:
    """The latest year up to ``year`` with workforce figures (imported or typed in), or None."""
    from esitlik.datasets.workforce import workforce_data_year

    found = [_typed_year(municipality, year), workforce_data_year(municipality.pk, year)]
    return max((y for y in found if y is not None), default=None)


def workforce_of(municipality: Municipality, year: int) -> Workforce:
    """The workforce of the latest year up to ``year`` that has one: the imported workforce
    data when its year is that year, else the typed-in figures (``WorkforceFigure``)."""
    from esitlik.datasets.workforce import workforce_by_role, workforce_data_year

    data_year = workforce_data_year(municipality.pk, year)
    typed_year = _typed_year(municipality, year)
    if data_year is not None and (typed_year is None or data_year >= typed_year):
        categories = {}
        for category in RoleCategory.objects.filter(municipality=municipality):
            for name in category.name.values():
                categories.setdefault(tr_casefold(" ".join(str(name).split())), category.pk)
        found = Workforce(data_year, from_data=True)
        for counts in workforce_by_role(municipality.pk, data_year):
            pk = categories.get(tr_casefold(" ".join(counts.role_category.split())))
            if pk is None:
                found.unmatched.append((counts.role_category, counts.total))
                continue
            before = found.by_category.get(pk, (0, 0, 0))
            found.by_category[pk] = (
                before[0] + counts.women,
                before[1] + counts.men,
                before[2] + counts.other,
            )
        return found
    if typed_year is None:
        return Workforce(None)
    rows = WorkforceFigure.objects.filter(municipality=municipality, year=typed_year)
    return Workforce(
        typed_year,
        by_category={row.role_category_id: (row.women, row.men, row.other) for row in rows},
    )


def workforce_for(municipality: Municipality, year: int) -> dict[int, tuple[int, int, int]]:
    """The workforce as {role category id: (women, men, other or not stated)}, from the
    latest year up to ``year`` that has figures ({} when none has)."""
    return workforce_of(municipality, year).by_category


# Counting ------------------------------------------------------------------------------------


def _sessions(municipality: Municipality, filters: Filters) -> list[TrainingSession]:
    sessions = TrainingSession.objects.filter(municipality=municipality)
    if filters.date_from:
        sessions = sessions.filter(starts_on__gte=filters.date_from)
    if filters.date_to:
        sessions = sessions.filter(starts_on__lte=filters.date_to)
    if filters.programme is not None:
        sessions = sessions.filter(programme=filters.programme)
    sessions = list(sessions.select_related("programme").order_by("starts_on", "id"))
    if filters.topic:
        # Topics are free tags in a JSON list; matched the Turkish way, in Python.
        wanted = tr_casefold(filters.topic)
        sessions = [s for s in sessions if wanted in {tr_casefold(t) for t in s.programme.topics}]
    return sessions


def _common_topic(sessions: list[TrainingSession]) -> str:
    """The topic every named session's programme shares (the first, if several), or ""."""
    programmes = {s.programme_id: s.programme for s in sessions}.values()
    common = None
    for programme in programmes:
        keys = {tr_casefold(topic): topic for topic in programme.topics}
        common = keys if common is None else {k: v for k, v in common.items() if k in keys}
    if not common:
        return ""
    first = next(iter(programmes))
    return next(topic for topic in first.topics if tr_casefold(topic) in common)


def _in_order(rows: dict, order: list) -> list[SexRow]:
    return _with_bars([rows[key] for key in order if key in rows])


def _coverage(
    municipality: Municipality,
    filters: Filters,
    today: date,
    people: dict[int, tuple],
    categories: dict[int, RoleCategory],
) -> Coverage:
    found = workforce_of(municipality, filters.end_year(today))
    year, workforce = found.year, found.by_category
    trained = defaultdict(lambda: [0, 0, 0])
    for sex, category_id, _directorate, _active in people.values():
        column = {Sex.WOMAN: 0, Sex.MAN: 1}.get(sex, 2)
        trained[category_id][column] += 1
    keys = [pk for pk in categories if pk in workforce or pk in trained]
    rows = []
    for pk in keys:
        counts, figures = trained[pk], workforce.get(pk)
        cells = [CoverageCell(counts[i], figures[i] if figures else None) for i in range(3)] + [
            CoverageCell(sum(counts), sum(figures) if figures else None)
        ]
        rows.append(CoverageRow(str(pk), localized(categories[pk].name), cells))
    for row in rows:
        row.bar = min(row.total.share or 0.0, 1.0) * 100
    covered = [row for row in rows if row.total.workforce is not None]
    total = None
    if covered:
        total = CoverageRow(
            "total",
            _("All role categories with workforce figures"),
            [
                CoverageCell(
                    sum(row.cells[i].trained for row in covered),
                    sum(row.cells[i].workforce for row in covered),
                )
                for i in range(4)
            ],
        )
    outside = len(people) - (total.total.trained if total else 0)
    return Coverage(
        year=year,
        rows=rows,
        total=total,
        outside=outside,
        from_data=found.from_data,
        unmatched=found.unmatched,
    )


def _reach(sessions: list[TrainingSession]) -> tuple[list[ReachRow], SexRow]:
    group_labels = {
        **dict(Action.TargetGroup.choices),
        NOT_ASSIGNED: _("Not assigned to a group"),
    }
    group_order = [*Action.TargetGroup.values, NOT_ASSIGNED]
    rows: dict[int, ReachRow] = {}
    groups_by_programme: dict[int, Counter] = defaultdict(Counter)
    total = SexRow("total", _("Total"))
    for session in sessions:
        programme = session.programme
        row = rows.get(programme.pk)
        if row is None:
            row = rows[programme.pk] = ReachRow(
                key=str(programme.pk),
                label=localized(programme.title),
                title=programme.title,
                audience=programme.audience,
                partner=programme.partner,
                sessions=0,
                counts=SexRow(str(programme.pk), localized(programme.title)),
                groups=[],
            )
        row.sessions += 1
        for sex, name in COUNT_FIELD.items():
            row.counts.add(sex, getattr(session, name))
            total.add(sex, getattr(session, name))
        groups_by_programme[programme.pk].update(session.group_counts)
    for pk, row in rows.items():
        groups = groups_by_programme[pk]
        unassigned = row.counts.total - sum(groups.values())
        if unassigned > 0:
            groups[NOT_ASSIGNED] = unassigned
        row.groups = [(g, str(group_labels[g]), groups[g]) for g in group_order if groups[g]]
    ordered = sorted(rows.values(), key=lambda r: (-r.counts.total, tr_sort_key(r.label)))
    return _with_bars(ordered, lambda r: r.counts.total), total


def _programmes(
    held: list[TrainingSession], attendance: Counter, attendees: dict[int, set]
) -> list[ProgrammeRow]:
    rows: dict[int, ProgrammeRow] = {}
    sessions_of: dict[int, list] = defaultdict(list)
    for session in held:
        programme = session.programme
        row = rows.setdefault(
            programme.pk,
            ProgrammeRow(
                str(programme.pk), localized(programme.title), programme.get_audience_display()
            ),
        )
        sessions_of[programme.pk].append(session)
        row.sessions += 1
        if session.hours is None:
            row.sessions_without_hours += 1
        else:
            row.hours += session.hours
        row.attendances += attendance[session.pk]
        row.person_hours += (session.hours or 0) * attendance[session.pk]
        row.counted += session.counted
    for pk, row in rows.items():
        people = set()
        for session in sessions_of[pk]:
            people |= attendees.get(session.pk, set())
        row.people = len(people)
        row.evaluation = evaluation_of(sessions_of[pk], attendance=dict(attendance))
    ordered = sorted(rows.values(), key=lambda r: (-r.sessions, tr_sort_key(r.label)))
    return _with_bars(ordered, lambda r: r.sessions)


def _certificate_state(trainer: Trainer, today: date) -> str:
    """valid, expiring, expired or none: the best of the trainer's certificates."""
    soon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    states = set()
    for cert in trainer.certifications.all():
        if cert.expires_on is None or cert.expires_on > soon:
            states.add("valid")
        elif cert.expires_on >= today:
            states.add("expiring")
        else:
            states.add("expired")
    return next((s for s in ("valid", "expiring", "expired") if s in states), "none")


def certificate_state_labels() -> dict[str, str]:
    return {
        "valid": _("Valid certificate"),
        "expiring": _("Expiring within %(days)d days") % {"days": EXPIRY_WARNING_DAYS},
        "expired": _("Expired certificate only"),
        "none": _("No certificate recorded"),
    }


def _pool(municipality: Municipality, today: date):
    trainers = list(
        Trainer.objects.filter(municipality=municipality)
        .exclude(status=Trainer.Status.INACTIVE)
        .prefetch_related("certifications")
    )
    attribute = {Trainer.Status.ACTIVE: "active", Trainer.Status.IN_TRAINING: "in_training"}
    topics: dict[str, PoolRow] = {}
    states = {key: PoolRow(key, label) for key, label in certificate_state_labels().items()}
    expiring = []
    soon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    for trainer in trainers:
        column = attribute[trainer.status]
        for topic in trainer.topics or [NONE_KEY]:
            key = tr_casefold(topic)
            row = topics.setdefault(key, PoolRow(key, topic or _("No topic given")))
            setattr(row, column, getattr(row, column) + 1)
        state = states[_certificate_state(trainer, today)]
        setattr(state, column, getattr(state, column) + 1)
        certifications = list(trainer.certifications.all())
        for cert in certifications:
            if cert.expires_on is None or cert.expires_on > soon:
                continue
            if cert.expires_on < today:
                # An expired certificate matters only for someone who still trains, and only
                # if it was not renewed (a later one of the same title still valid).
                renewed = any(
                    other.pk != cert.pk
                    and tr_casefold(other.title) == tr_casefold(cert.title)
                    and (other.expires_on is None or other.expires_on >= today)
                    for other in certifications
                )
                if trainer.status != Trainer.Status.ACTIVE or renewed:
                    continue
            expiring.append(
                ExpiringRow(
                    trainer_id=trainer.pk,
                    trainer_kind=trainer.get_kind_display(),
                    trainer_status=trainer.get_status_display(),
                    title=cert.title,
                    issuer=cert.issuer,
                    expires_on=cert.expires_on,
                    days_left=(cert.expires_on - today).days,
                )
            )
    topic_rows = sorted(
        topics.values(),
        key=lambda r: (r.key == NONE_KEY, -r.total, tr_sort_key(r.label)),
    )
    expiring.sort(key=lambda r: (r.expires_on, tr_sort_key(r.title)))
    return (
        len(trainers),
        _with_bars(topic_rows),
        _with_bars(list(states.values())),
        expiring,
    )


def training_figures(
    municipality: Municipality,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    programme: Programme | None = None,
    topic: str = "",
    today: date | None = None,
) -> TrainingFigures:
    """Every figure of the training summary for ``municipality``, optionally within a period
    (both ends included), for one programme and for one topic."""
    filters = Filters(date_from, date_to, programme, " ".join((topic or "").split()))
    today = today or timezone.localdate()
    sessions = _sessions(municipality, filters)
    held = [s for s in sessions if s.status == TrainingSession.Status.HELD]
    named = [s for s in held if s.attendance_kind == TrainingSession.AttendanceKind.NAMED]
    counted = [s for s in held if s.attendance_kind == TrainingSession.AttendanceKind.COUNTS]

    rows = Attendance.objects.filter(session__in=named).values_list(
        "session_id",
        "staff_id",
        "staff__sex",
        "staff__role_category_id",
        "staff__directorate_id",
        "staff__is_active",
    )
    attendance = Counter()  # attendances by session
    attendees: dict[int, set] = defaultdict(set)  # people by session
    people: dict[int, tuple] = {}  # staff id → (sex, category id, directorate id, active)
    for session_id, staff_id, sex, category_id, directorate_id, active in rows:
        attendance[session_id] += 1
        attendees[session_id].add(staff_id)
        people[staff_id] = (sex, category_id, directorate_id, active)
    hours_of = {s.pk: s.hours or Decimal(0) for s in named}

    categories = {
        c.pk: c for c in RoleCategory.objects.filter(municipality=municipality)
    }  # in their order
    directorate_ids = {d for _s, _c, d, _a in people.values() if d}
    directorates = {
        d.pk: localized(d.name) for d in Directorate.objects.filter(pk__in=directorate_ids)
    }
    no_category, no_directorate = _("No role category"), _("No directorate")

    total = SexRow("total", _("Total"))
    by_role: dict = {}
    by_directorate: dict = {}
    cube: dict = {}
    for sex, category_id, directorate_id, _active in people.values():
        total.add(sex)
        category = categories.get(category_id)
        role_key = category_id or NONE_KEY
        if role_key not in by_role:
            by_role[role_key] = SexRow(
                str(role_key),
                localized(category.name) if category else no_category,
                names=dict(category.name) if category else {},
            )
        by_role[role_key].add(sex)
        place_key = directorate_id or NONE_KEY
        if place_key not in by_directorate:
            by_directorate[place_key] = SexRow(
                str(place_key), directorates.get(directorate_id, no_directorate)
            )
        by_directorate[place_key].add(sex)
        cube_key = (role_key, place_key)
        if cube_key not in cube:
            cube[cube_key] = CubeRow(
                by_role[role_key].label,
                by_directorate[place_key].label,
                SexRow(f"{role_key}-{place_key}", ""),
            )
        cube[cube_key].counts.add(sex)

    role_order = [*categories, NONE_KEY]
    directorate_order = sorted(
        by_directorate,
        key=lambda k: (
            k == NONE_KEY,
            -by_directorate[k].total,
            tr_sort_key(by_directorate[k].label),
        ),
    )
    cube_rows = [
        cube[key]
        for key in sorted(
            cube,
            key=lambda k: (
                role_order.index(k[0]),
                k[1] == NONE_KEY,
                tr_sort_key(cube[k].directorate),
            ),
        )
    ]
    reach, reach_total = _reach(counted)
    pool_size, pool_topics, pool_certification, expiring = _pool(municipality, today)
    held_days = [s.starts_on for s in held]
    return TrainingFigures(
        filters=filters,
        today=today,
        sessions=len(held),
        named_sessions=len(named),
        counted_sessions=len(counted),
        planned=sum(s.status == TrainingSession.Status.PLANNED for s in sessions),
        cancelled=sum(s.status == TrainingSession.Status.CANCELLED for s in sessions),
        first_held=min(held_days, default=None),
        last_held=max(held_days, default=None),
        people=total,
        people_left=sum(1 for *_rest, active in people.values() if not active),
        attendances=sum(attendance.values()),
        hours=sum((hours_of[pk] * n for pk, n in attendance.items()), Decimal(0)),
        sessions_without_hours=sum(s.hours is None for s in held),
        topic=filters.topic or _common_topic(named),
        by_role=_in_order(by_role, role_order),
        by_directorate=_in_order(by_directorate, directorate_order),
        cube=cube_rows,
        coverage=_coverage(municipality, filters, today, people, categories),
        reach=reach,
        reach_total=reach_total,
        programmes=_programmes(held, attendance, attendees),
        pool_size=pool_size,
        pool_topics=pool_topics,
        pool_certification=pool_certification,
        expiring=expiring,
    )
