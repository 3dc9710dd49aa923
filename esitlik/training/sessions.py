"""Writes to training sessions and their attendance.

A session is recorded either with named staff (each a row of ``Attendance``) or with counts
by sex and group, never both. Only a held session has attendance, and a session that has not
started yet cannot be held. Evaluation is the session's averages: pre- and post-test scores out
of 100 and satisfaction from 1 to 5."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.counts import SEX_FIELDS, clean_group_counts, count_errors, with_total
from esitlik.core.models import Municipality
from esitlik.plans.models import Action
from esitlik.training.models import Attendance, Programme, StaffMember, TrainingSession
from esitlik.training.staff import name_key, staff_create

SESSION_FIELDS = (
    "programme",
    "title",
    "starts_on",
    "ends_on",
    "hours",
    "place",
    "online",
    "link",
    "directorate",
    "status",
    "attendance_kind",
    *SEX_FIELDS,
    "group_counts",
    "pre_score",
    "post_score",
    "satisfaction",
    "evaluation_responses",
    "notes",
)
HOURS_MAX = Decimal("999")


def _check(session: TrainingSession, trainers, total: int | None) -> None:
    errors: dict[str, str] = {}
    municipality_id = session.municipality_id
    session.title = " ".join(session.title.split())
    session.place = " ".join(session.place.split())
    if session.programme_id is None:
        errors["programme"] = _("Choose the programme this session delivers.")
    elif session.programme.municipality_id != municipality_id:
        errors["programme"] = _("Choose a programme of this municipality.")
    if session.starts_on is None:
        errors["starts_on"] = _("Give the session's first day.")
    elif session.ends_on is not None and session.ends_on < session.starts_on:
        errors["ends_on"] = _("The last day cannot be before the first.")
    elif session.status == TrainingSession.Status.HELD and session.starts_on > timezone.localdate():
        errors["status"] = _(
            "A session that has not started yet cannot be marked as held; keep it planned."
        )
    if session.hours is not None and not Decimal("0") < session.hours <= HOURS_MAX:
        errors["hours"] = _("Give the teaching hours as a number above 0, up to 999.")
    if session.link and not session.link.lower().startswith(("https://", "http://")):
        errors["link"] = _("A link starts with https:// or http://.")
    if session.directorate_id and session.directorate.municipality_id != municipality_id:
        errors["directorate"] = _("Choose a directorate of this municipality.")
    if any(trainer.municipality_id != municipality_id for trainer in trainers):
        errors["trainers"] = _("Choose trainers from this municipality's pool.")
    if session.attendance_kind == TrainingSession.AttendanceKind.NAMED:
        if session.counted or session.group_counts:
            errors["attendance_kind"] = _(
                "This session lists its participants by name; counts are taken from the list."
            )
    else:
        if session.pk and session.attendances.exists():
            errors["attendance_kind"] = _(
                "Participants are listed by name; remove them before recording counts instead."
            )
        errors.update(count_errors(session, total))
    if session.status != TrainingSession.Status.HELD and session.counted:
        errors["status"] = _(
            "Attendance is recorded for a held session; mark it as held or clear the counts."
        )
    for field in ("pre_score", "post_score"):
        value = getattr(session, field)
        if value is not None and not 0 <= value <= 100:
            errors[field] = _("Give an average score from 0 to 100.")
    if session.satisfaction is not None and not 1 <= session.satisfaction <= 5:
        errors["satisfaction"] = _("Give the average satisfaction from 1 to 5.")
    if errors:
        raise ValidationError(errors)


def _names(trainers) -> list[str]:
    return sorted(trainer.display_name for trainer in trainers)


def _prepare(values: dict, total: int | None) -> dict:
    values = with_total(values, total)
    if "group_counts" in values:
        values["group_counts"] = clean_group_counts(values["group_counts"], Action.TargetGroup)
    return values


@transaction.atomic
def session_create(
    *,
    municipality: Municipality,
    programme: Programme,
    by,
    trainers=(),
    total: int | None = None,
    **values,
) -> TrainingSession:
    values = _prepare(values, total)
    values.setdefault(
        "attendance_kind",
        TrainingSession.AttendanceKind.COUNTS
        if programme.audience == Programme.Audience.PUBLIC
        else TrainingSession.AttendanceKind.NAMED,
    )
    session = TrainingSession(
        municipality=municipality,
        programme=programme,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        **{name: value for name, value in values.items() if name in SESSION_FIELDS},
    )
    trainers = list(trainers)
    _check(session, trainers, total)
    session.full_clean()
    session.save()
    session.trainers.set(trainers)
    changes = created(session, SESSION_FIELDS)
    if trainers:
        changes["trainers"] = {"old": None, "new": _names(trainers)}
    audit_record(
        action="training.session.created",
        actor=by,
        municipality=municipality,
        obj=session,
        changes=changes,
    )
    return session


@transaction.atomic
def session_update(
    *,
    session: TrainingSession,
    by,
    version: int | None = None,
    trainers=None,
    total: int | None = None,
    **values,
) -> TrainingSession:
    check_version(session, version)
    values = _prepare(values, total)
    fields = [name for name in values if name in SESSION_FIELDS]
    before = snapshot(session, fields)
    for name in fields:
        setattr(session, name, values[name])
    old_trainers = list(session.trainers.all())
    new_trainers = list(trainers) if trainers is not None else old_trainers
    _check(session, new_trainers, total)
    if (
        session.status != TrainingSession.Status.HELD
        and session.pk
        and session.attendances.exists()
    ):
        raise ValidationError(
            {
                "status": _(
                    "People are listed as having attended; a session with attendance stays held."
                )
            }
        )
    session.full_clean()
    save_and_audit(
        session,
        before,
        action="training.session.updated",
        actor=by,
        municipality=session.municipality,
    )
    if _names(old_trainers) != _names(new_trainers):
        session.trainers.set(new_trainers)
        audit_record(
            action="training.session.updated",
            actor=by,
            municipality=session.municipality,
            obj=session,
            changes={"trainers": {"old": _names(old_trainers), "new": _names(new_trainers)}},
        )
    return session


def _check_attendance(session: TrainingSession, people) -> None:
    if session.attendance_kind != TrainingSession.AttendanceKind.NAMED:
        raise ValidationError(_("This session records its participants as counts, not names."))
    if session.status != TrainingSession.Status.HELD:
        raise ValidationError(_("Mark the session as held before recording who attended."))
    if any(person.municipality_id != session.municipality_id for person in people):
        raise ValidationError(_("Choose staff of this municipality."))


@transaction.atomic
def attendance_add(
    *, session: TrainingSession, people, by, audit_action: str = "training.attendance.added"
) -> list[StaffMember]:
    """Record that ``people`` attended; those already listed are left as they are. Returns
    the people newly added."""
    people = list(people)
    _check_attendance(session, people)
    present = set(session.attendances.values_list("staff_id", flat=True))
    added, seen = [], set(present)
    for person in people:
        if person.pk in seen:
            continue
        seen.add(person.pk)
        added.append(person)
    creator = by if getattr(by, "is_authenticated", False) else None
    Attendance.objects.bulk_create(
        Attendance(session=session, staff=person, created_by=creator) for person in added
    )
    if added:
        audit_record(
            action=audit_action,
            actor=by,
            municipality=session.municipality,
            obj=session,
            changes={"attendance": {"old": None, "new": sorted(p.name for p in added)}},
        )
    return added


@transaction.atomic
def attendance_remove(*, session: TrainingSession, people, by) -> int:
    people = list(people)
    removed = Attendance.objects.filter(session=session, staff__in=people)
    names = sorted(a.staff.name for a in removed.select_related("staff"))
    count, _details = removed.delete()
    if names:
        audit_record(
            action="training.attendance.removed",
            actor=by,
            municipality=session.municipality,
            obj=session,
            changes={"attendance": {"old": names, "new": None}},
        )
    return count


def _check_newcomer(session: TrainingSession, values: dict) -> None:
    """Refuse a "new" person who is already on the staff list: the same name in the same
    directorate, with no staff number to tell the two apart."""
    key = name_key(values.get("name") or "")
    if not key:
        return
    number = "".join(str(values.get("staff_number") or "").split())
    twins = StaffMember.objects.filter(
        municipality_id=session.municipality_id,
        name_key=key,
        directorate=values.get("directorate"),
    )
    if number:
        twins = twins.filter(staff_number__in=("", number))
    twin = twins.first()
    if twin is not None:
        raise ValidationError(
            {
                "name": _(
                    "%(name)s is already on the staff list: tick them in the list instead, "
                    "or give a staff number to tell two people of that name apart."
                )
                % {"name": twin.name}
            }
        )


@transaction.atomic
def attendance_change(
    *, session: TrainingSession, by, add=(), remove=(), newcomers=()
) -> tuple[list[StaffMember], int]:
    """One save of the attendance page: add ``add``, remove ``remove``, and put each of
    ``newcomers`` (the keyword arguments of ``staff_create``) on the staff list and on the
    session. All of it or nothing: a refused newcomer leaves the attendance as it was.
    Returns the people added (newcomers among them) and how many were removed."""
    _check_attendance(session, [*add, *remove])
    people = list(add)
    for values in newcomers:
        _check_newcomer(session, values)
        people.append(staff_create(municipality=session.municipality, by=by, **values))
    added = attendance_add(session=session, people=people, by=by) if people else []
    removed = attendance_remove(session=session, people=remove, by=by) if remove else 0
    return added, removed
