"""Writes to events: recording a meeting, its attendance counts, the organisations that took
part, and its attachments.

Attendance is counts, never names. The counts must agree with one another: by sex they make
the total; by group they may leave people out (a sign-in sheet does not always say who
someone was) but can never add up to more than the total. An event that has not happened yet
cannot be marked as held, and only a held event has attendance."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.counts import clean_group_counts as _clean_group_counts
from esitlik.core.counts import count_errors, with_total
from esitlik.core.models import Municipality
from esitlik.core.uploads import checked_document_name
from esitlik.participation.models import Event, EventAttachment
from esitlik.participation.models.events import SEX_FIELDS

EVENT_FIELDS = (
    "kind",
    "title",
    "starts_at",
    "ends_at",
    "place",
    "link",
    "directorate",
    "moderator",
    "plan",
    "phase",
    "status",
    *SEX_FIELDS,
    "group_counts",
    "minutes",
)


def clean_group_counts(counts) -> dict[str, int]:
    return _clean_group_counts(counts, Event.Group)


def _check(event: Event, invited, attended, total: int | None) -> None:
    errors: dict[str, str] = {}
    municipality_id = event.municipality_id
    event.title = " ".join(event.title.split())
    if not event.title:
        errors["title"] = _("Give the event a title.")
    if event.kind not in Event.Kind.values:
        errors["kind"] = _("Choose a kind from the list.")
    if event.starts_at is None:
        errors["starts_at"] = _("Give the date and time the event starts.")
    elif event.ends_at is not None and event.ends_at < event.starts_at:
        errors["ends_at"] = _("The end cannot be before the start.")
    if (
        event.status == Event.Status.HELD
        and event.starts_at is not None
        and event.starts_at > timezone.now()
    ):
        errors["status"] = _(
            "An event that has not happened yet cannot be marked as held; keep it planned."
        )
    if event.link and not event.link.lower().startswith(("https://", "http://")):
        errors["link"] = _("A link starts with https:// or http://.")
    if event.directorate_id and event.directorate.municipality_id != municipality_id:
        errors["directorate"] = _("Choose a directorate of this municipality.")
    if event.plan_id and event.plan.municipality_id != municipality_id:
        errors["plan"] = _("Choose a plan edition of this municipality.")
    for people, field in ((invited, "invited"), (attended, "attended")):
        if any(s.municipality_id != municipality_id for s in people):
            errors[field] = _("Choose stakeholders of this municipality.")
    errors.update(count_errors(event, total))
    participants = sum(getattr(event, name) for name in SEX_FIELDS)
    if event.status != Event.Status.HELD and (participants or attended):
        errors["status"] = _(
            "Attendance is recorded for a held event; mark the event as held or clear "
            "the counts and the organisations that took part."
        )
    if errors:
        raise ValidationError(errors)


def _names(stakeholders) -> list[str]:
    return sorted(s.name for s in stakeholders)


@transaction.atomic
def event_create(
    *,
    municipality: Municipality,
    by,
    invited=(),
    attended=(),
    total: int | None = None,
    **values,
) -> Event:
    values = with_total(values, total)
    values["group_counts"] = clean_group_counts(values.get("group_counts"))
    event = Event(
        municipality=municipality,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        **{name: value for name, value in values.items() if name in EVENT_FIELDS},
    )
    invited, attended = list(invited), list(attended)
    _check(event, invited, attended, total)
    event.full_clean()
    event.save()
    event.invited.set(invited)
    event.attended.set(attended)
    changes = created(event, EVENT_FIELDS)
    if invited:
        changes["invited"] = {"old": None, "new": _names(invited)}
    if attended:
        changes["attended"] = {"old": None, "new": _names(attended)}
    audit_record(
        action="participation.event.created",
        actor=by,
        municipality=municipality,
        obj=event,
        changes=changes,
    )
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    by,
    version: int | None = None,
    invited=None,
    attended=None,
    total: int | None = None,
    **values,
) -> Event:
    check_version(event, version)
    values = with_total(values, total)
    if "group_counts" in values:
        values["group_counts"] = clean_group_counts(values["group_counts"])
    fields = [name for name in values if name in EVENT_FIELDS]
    before = snapshot(event, fields)
    for name in fields:
        setattr(event, name, values[name])
    old_invited, old_attended = list(event.invited.all()), list(event.attended.all())
    new_invited = list(invited) if invited is not None else old_invited
    new_attended = list(attended) if attended is not None else old_attended
    _check(event, new_invited, new_attended, total)
    event.full_clean()
    changes = save_and_audit(
        event,
        before,
        action="participation.event.updated",
        actor=by,
        municipality=event.municipality,
    )
    extra = {}
    for field, old, new in (
        ("invited", old_invited, new_invited),
        ("attended", old_attended, new_attended),
    ):
        if _names(old) != _names(new):
            getattr(event, field).set(new)
            extra[field] = {"old": _names(old), "new": _names(new)}
    if extra:
        if not changes:
            Event.objects.filter(pk=event.pk).update(version=event.version + 1)
            event.version += 1
        audit_record(
            action="participation.event.updated",
            actor=by,
            municipality=event.municipality,
            obj=event,
            changes=extra,
        )
    return event


@transaction.atomic
def attachment_add(*, event: Event, upload, by) -> EventAttachment:
    name = checked_document_name(upload)
    attachment = EventAttachment(event=event, name=name[:200], uploaded_by=by)
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit_record(
        action="participation.attachment.added",
        actor=by,
        municipality=event.municipality,
        obj=event,
        changes={"attachments": {"old": None, "new": attachment.name}},
    )
    return attachment
