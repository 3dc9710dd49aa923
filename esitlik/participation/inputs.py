"""Writes to inputs: the problems, needs and proposals people raise, and the equality unit's
decision on each — taken into the plan (with the actions it led to), partly taken, or not
taken, with a reason that is shown to the public.

Each input gets a reference when it is recorded ("G-2026-0042") that whoever raised it can
quote to follow it. Recording is the focal points' and the unit's work, done fast during a
workshop; deciding is the unit's."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.models import Municipality
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.models import Event, Input
from esitlik.plans.models import Action

INPUT_FIELDS = (
    "kind",
    "text",
    "target_groups",
    "heading",
    "article",
    "neighbourhood",
    "channel",
    "event",
    "stakeholder",
    "received_on",
)
TEXT_MAX = 5000
REASON_MAX = 2000
NEEDS_REASON = {Input.Status.PARTLY_TAKEN, Input.Status.NOT_TAKEN}
NEEDS_ACTION = {Input.Status.TAKEN, Input.Status.PARTLY_TAKEN}


def _next_reference(municipality: Municipality, year: int) -> str:
    """G-<year>-<n>, n one more than the highest of that year. The municipality row is locked
    first so two people saving at the same moment never get the same number."""
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    prefix = f"G-{year}-"
    # The highest number is the longest reference, then the last in text order ("…-10000"
    # after "…-9999"): one indexed row read, however many inputs the year has.
    last = (
        Input.objects.filter(municipality=municipality, reference__startswith=prefix)
        .annotate(length=Length("reference"))
        .order_by("-length", "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    tail = (last or "").removeprefix(prefix)
    numbers = [int(tail)] if tail.isdigit() else []
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _check(item: Input) -> None:
    errors: dict[str, str] = {}
    municipality_id = item.municipality_id
    item.text = (item.text or "").strip()
    if not item.text:
        errors["text"] = _("Write what was said: an input without text cannot be followed up.")
    elif len(item.text) > TEXT_MAX:
        errors["text"] = _(
            "The text is %(length)d characters; at most %(max)d fit. Split it into two inputs."
        ) % {"length": len(item.text), "max": TEXT_MAX}
    if item.kind not in Input.Kind.values:
        errors["kind"] = _("Choose whether it is a problem, a need or a proposal.")
    unknown = [g for g in item.target_groups if g not in Action.TargetGroup.values]
    if unknown:
        errors["target_groups"] = _("Choose target groups from the list.")
    if item.heading_id and item.heading.kind != FrameworkItem.Kind.HEADING:
        errors["heading"] = _("Choose one of the YEEP headings.")
    if item.article_id and item.article.kind != FrameworkItem.Kind.ARTICLE:
        errors["article"] = _("Choose an article of the Charter.")
    for name in ("neighbourhood", "event", "stakeholder"):
        related = getattr(item, name)
        if related is not None and related.municipality_id != municipality_id:
            errors[name] = _("Choose one of this municipality's records.")
    if item.received_on and item.received_on > timezone.localdate():
        errors["received_on"] = _("An input cannot be received in the future.")
    if item.event is not None and item.event.status == Event.Status.CANCELLED:
        errors["event"] = _("The event was cancelled; nothing was raised at it.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def input_create(*, municipality: Municipality, by, **values) -> Input:
    values = {name: value for name, value in values.items() if name in INPUT_FIELDS}
    event = values.get("event")
    if event is not None:
        values["channel"] = Input.Channel.EVENT
        values.setdefault("received_on", timezone.localtime(event.starts_at).date())
    values.setdefault("received_on", timezone.localdate())
    values.setdefault("target_groups", [])
    item = Input(municipality=municipality, **values)
    _check(item)
    item.reference = _next_reference(municipality, item.received_on.year)
    siblings = Input.objects.filter(municipality=municipality, event=event)
    item.position = (siblings.aggregate(top=Max("position"))["top"] or 0) + 1
    item.created_by = by if getattr(by, "is_authenticated", False) else None
    item.full_clean()
    item.save()
    audit_record(
        action="participation.input.created",
        actor=by,
        municipality=municipality,
        obj=item,
        changes=created(item, ("reference", *INPUT_FIELDS)),
    )
    return item


@transaction.atomic
def input_update(*, item: Input, by, version: int | None = None, **values) -> Input:
    check_version(item, version)
    fields = [name for name in values if name in INPUT_FIELDS]
    before = snapshot(item, fields)
    for name in fields:
        setattr(item, name, values[name])
    _check(item)
    item.full_clean()
    save_and_audit(
        item,
        before,
        action="participation.input.updated",
        actor=by,
        municipality=item.municipality,
    )
    return item


def _action_names(actions) -> list[str]:
    return sorted(f"{a.code} ({a.objective.aim.plan})" for a in actions)


@transaction.atomic
def input_decide(
    *,
    item: Input,
    by,
    status: str,
    reason: str = "",
    actions=(),
    version: int | None = None,
) -> Input:
    """Record what became of an input. Taking it into the plan names the actions it led to;
    taking it partly or not at all gives the reason the public will read."""
    check_version(item, version)
    actions = list(actions)
    reason = (reason or "").strip()
    errors: dict[str, str] = {}
    if status not in Input.Status.values:
        errors["status"] = _("Choose a decision from the list.")
    if status in NEEDS_REASON and not reason:
        errors["decision_reason"] = _(
            "Give the reason: it is shown to the public with the decision."
        )
    if len(reason) > REASON_MAX:
        errors["decision_reason"] = _("The reason can be at most %(max)d characters.") % {
            "max": REASON_MAX
        }
    if status in NEEDS_ACTION and not actions:
        errors["actions"] = _("Name the plan action(s) the input led to.")
    if status == Input.Status.NOT_TAKEN and actions:
        errors["actions"] = _("An input not taken into the plan cannot name actions it led to.")
    if any(a.objective.aim.plan.municipality_id != item.municipality_id for a in actions):
        errors["actions"] = _("Choose actions of this municipality's plans.")
    if errors:
        raise ValidationError(errors)
    old_actions = list(item.actions.select_related("objective__aim__plan"))
    status_changed = item.status != status
    before = snapshot(item, ("status", "decision_reason"))
    item.status, item.decision_reason = status, reason
    changes = save_and_audit(
        item,
        before,
        action="participation.input.decided",
        actor=by,
        municipality=item.municipality,
    )
    if status_changed:
        item.decided_at = None if status == Input.Status.UNDER_REVIEW else timezone.now()
        Input.objects.filter(pk=item.pk).update(decided_at=item.decided_at)
    old_names, new_names = _action_names(old_actions), _action_names(actions)
    if old_names != new_names:
        item.actions.set(actions)
        if not changes:
            item.version += 1
            Input.objects.filter(pk=item.pk).update(version=item.version)
        audit_record(
            action="participation.input.decided",
            actor=by,
            municipality=item.municipality,
            obj=item,
            changes={"actions": {"old": old_names, "new": new_names}},
        )
    return item


@transaction.atomic
def input_delete(*, item: Input, by) -> None:
    """Take back an input recorded by mistake (a row typed twice in a workshop). Once decided,
    an input stays: the public may already follow it."""
    if item.status != Input.Status.UNDER_REVIEW or item.actions.exists():
        raise ValidationError(_("A decided input cannot be deleted; change its decision instead."))
    audit_record(
        action="participation.input.deleted",
        actor=by,
        municipality=item.municipality,
        obj=item,
        changes={"text": {"old": item.text, "new": None}},
    )
    item.delete()
