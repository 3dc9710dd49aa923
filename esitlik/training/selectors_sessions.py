"""Reads behind the programme and session pages: who took part, counted by sex and role
category; what a programme reached; the staff list of the attendance page; and how a trainer
is named to someone who may not see staff names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.sex import COUNT_FIELD, Sex
from esitlik.core.text import tr_casefold, tr_sort_key, tr_sorted
from esitlik.training.models import (
    Attendance,
    Programme,
    RoleCategory,
    StaffMember,
    Trainer,
    TrainingSession,
)

SEXES = tuple(Sex)


@dataclass
class SexCounts:
    women: int = 0
    men: int = 0
    other: int = 0
    not_stated: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men + self.other + self.not_stated


def trainer_label(trainer: Trainer, show_staff: bool) -> str:
    """An external trainer by name and organisation; a municipal one by name only for those
    who may see staff names (``view_staff``), else as "Municipal trainer"."""
    if trainer.kind == Trainer.Kind.INTERNAL:
        return trainer.display_name if show_staff else _("Municipal trainer")
    if trainer.organisation:
        return f"{trainer.name} ({trainer.organisation})"
    return trainer.name


def trainer_labels(trainers, show_staff: bool) -> list[str]:
    return tr_sorted(trainer_label(trainer, show_staff) for trainer in trainers)


def sessions_with_people(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    """``sessions`` with their trainers read once, and each named session's attendance
    counted by sex (``named_women`` … ), for ``participants``."""
    counts = {
        f"named_{COUNT_FIELD[sex]}": Count("attendances", filter=Q(attendances__staff__sex=sex))
        for sex in SEXES
    }
    return (
        sessions.select_related("programme", "directorate")
        .annotate(**counts)
        .prefetch_related(Prefetch("trainers", queryset=Trainer.objects.select_related("staff")))
    )


def participants(session: TrainingSession) -> SexCounts:
    """Who took part by sex: a named session's attendance (annotated by
    ``sessions_with_people`` or counted here), a counts session's numbers."""
    if session.attendance_kind == TrainingSession.AttendanceKind.COUNTS:
        return SexCounts(session.women, session.men, session.other, session.not_stated)
    names = [f"named_{name}" for name in COUNT_FIELD.values()]
    if all(hasattr(session, name) for name in names):
        return SexCounts(*(getattr(session, name) for name in names))
    by_sex = Counter(session.attendances.values_list("staff__sex", flat=True))
    return SexCounts(*(by_sex[sex] for sex in SEXES))


def attendance_counts(sessions) -> dict[int, int]:
    """{session id: people listed} for named sessions: the weights of ``evaluation_of``."""
    rows = (
        Attendance.objects.filter(session__in=sessions)
        .values("session_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["session_id"]: row["n"] for row in rows}


@dataclass
class RoleRow:
    label: str
    counts: SexCounts = field(default_factory=SexCounts)


def by_role_and_sex(session: TrainingSession) -> tuple[list[RoleRow], SexCounts]:
    """A named session's attendance as counts by role category × sex, categories in their
    order (those nobody of came from are left out), people without one last; and the
    totals."""
    rows = (
        session.attendances.values("staff__role_category_id", "staff__sex")
        .annotate(n=Count("id"))
        .order_by()
    )
    cells: dict[int | None, SexCounts] = {}
    for row in rows:
        counts = cells.setdefault(row["staff__role_category_id"], SexCounts())
        name = COUNT_FIELD[row["staff__sex"]]
        setattr(counts, name, getattr(counts, name) + row["n"])
    result = [
        RoleRow(localized(category.name), cells[category.pk])
        for category in RoleCategory.objects.filter(municipality_id=session.municipality_id)
        if category.pk in cells
    ]
    if None in cells:
        result.append(RoleRow(_("No role category"), cells[None]))
    totals = SexCounts()
    for row in result:
        for name in COUNT_FIELD.values():
            setattr(totals, name, getattr(totals, name) + getattr(row.counts, name))
    return result, totals


def attendees(session: TrainingSession) -> list[StaffMember]:
    """The people listed on a named session, Turkish-sorted. Personal data: ``view_staff``."""
    people = StaffMember.objects.filter(attendances__session=session).select_related(
        "directorate", "role_category"
    )
    return tr_sorted(people, key=lambda person: person.name)


@dataclass
class ProgrammeRow:
    programme: Programme
    held: int = 0
    reached: int = 0


def programme_rows(programmes: QuerySet[Programme]) -> list[ProgrammeRow]:
    """Each programme with its held sessions and the people it reached: distinct staff on
    its named sessions (a person trained twice is one) plus the people counted on its counts
    sessions. Turkish-sorted by title."""
    held = {
        row["programme_id"]: row
        for row in TrainingSession.objects.filter(
            programme__in=programmes, status=TrainingSession.Status.HELD
        )
        .values("programme_id")
        .annotate(
            n=Count("id"),
            counted=Sum("women") + Sum("men") + Sum("other") + Sum("not_stated"),
        )
        .order_by()
    }
    staff = {
        row["session__programme_id"]: row["n"]
        for row in Attendance.objects.filter(session__programme__in=programmes)
        .values("session__programme_id")
        .annotate(n=Count("staff_id", distinct=True))
        .order_by()
    }
    rows = []
    for programme in programmes:
        counts = held.get(programme.pk, {})
        rows.append(
            ProgrammeRow(
                programme,
                held=counts.get("n", 0),
                reached=staff.get(programme.pk, 0) + (counts.get("counted") or 0),
            )
        )
    return sorted(rows, key=lambda row: tr_sort_key(str(row.programme)))


def topics_in_use(programmes) -> list[str]:
    """Every topic of ``programmes`` once ("TCE" and "tce" are one), Turkish-sorted."""
    spellings: dict[str, str] = {}
    for programme in programmes:
        for topic in programme.topics:
            spellings.setdefault(tr_casefold(topic), topic)
    return tr_sorted(spellings.values())


@dataclass
class StaffGroup:
    label: str
    people: list[StaffMember]


def attendance_choices(
    municipality: Municipality, attending: set[int], query: str = ""
) -> list[StaffGroup]:
    """The staff the attendance page offers, grouped by directorate (Turkish-sorted, people
    without one last): everyone still working here, and whoever is already listed on the
    session even if they have left. ``query`` keeps those whose name, staff number or
    directorate contains it, compared the Turkish way."""
    people = StaffMember.objects.filter(municipality=municipality).filter(
        Q(is_active=True) | Q(pk__in=attending)
    )
    people = people.select_related("directorate", "role_category")
    wanted = tr_casefold(query)
    groups: dict[int | None, StaffGroup] = {}
    for person in tr_sorted(people, key=lambda p: p.name):
        directorate = localized(person.directorate.name) if person.directorate else ""
        if wanted and not any(
            wanted in tr_casefold(text) for text in (person.name, person.staff_number, directorate)
        ):
            continue
        group = groups.setdefault(
            person.directorate_id, StaffGroup(directorate or _("No directorate"), [])
        )
        group.people.append(person)
    named = tr_sorted((g for key, g in groups.items() if key is not None), key=lambda g: g.label)
    return named + ([groups[None]] if None in groups else [])
