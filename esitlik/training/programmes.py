"""Writes to training programmes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.models import Municipality
from esitlik.core.tags import clean_tags
from esitlik.training.models import Programme

PROGRAMME_FIELDS = ("title", "topics", "audience", "partner", "description", "is_active")
TITLE_MAX = 300


def _clean_title(title) -> dict:
    if isinstance(title, str):
        title = {"tr": title}
    cleaned = {lang: " ".join(str(text or "").split()) for lang, text in (title or {}).items()}
    return {lang: text for lang, text in cleaned.items() if text}


def _check(programme: Programme, actions) -> None:
    errors = {}
    if not programme.title.get("tr"):
        errors["title"] = _("Give the programme's Turkish title.")
    elif any(len(text) > TITLE_MAX for text in programme.title.values()):
        errors["title"] = _("A title can be at most %(max)d characters.") % {"max": TITLE_MAX}
    if programme.audience not in Programme.Audience.values:
        errors["audience"] = _("Choose staff or the public.")
    programme.partner = " ".join(programme.partner.split())
    if actions is not None and any(
        action.objective.aim.plan.municipality_id != programme.municipality_id for action in actions
    ):
        errors["actions"] = _("Choose actions from this municipality's plans.")
    if errors:
        raise ValidationError(errors)


def _codes(actions) -> list[str]:
    return sorted(action.code for action in actions)


@transaction.atomic
def programme_create(
    *,
    municipality: Municipality,
    by,
    title,
    audience: str = Programme.Audience.STAFF,
    topics=(),
    partner: str = "",
    description: str = "",
    actions=(),
) -> Programme:
    programme = Programme(
        municipality=municipality,
        title=_clean_title(title),
        topics=clean_tags(topics, field="topics"),
        audience=audience,
        partner=partner,
        description=description.strip(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    actions = list(actions)
    _check(programme, actions)
    programme.full_clean()
    programme.save()
    programme.actions.set(actions)
    changes = created(programme, PROGRAMME_FIELDS[:-1])
    if actions:
        changes["actions"] = {"old": None, "new": _codes(actions)}
    audit_record(
        action="training.programme.created",
        actor=by,
        municipality=municipality,
        obj=programme,
        changes=changes,
    )
    return programme


@transaction.atomic
def programme_update(
    *, programme: Programme, by, version: int | None = None, actions=None, **values
) -> Programme:
    check_version(programme, version)
    fields = [name for name in values if name in PROGRAMME_FIELDS]
    before = snapshot(programme, fields)
    for name in fields:
        value = values[name]
        if name == "title":
            value = _clean_title(value)
        elif name == "topics":
            value = clean_tags(value, field="topics")
        elif name == "description":
            value = value.strip()
        setattr(programme, name, value)
    new_actions = list(actions) if actions is not None else None
    _check(programme, new_actions)
    programme.full_clean()
    save_and_audit(
        programme,
        before,
        action="training.programme.updated",
        actor=by,
        municipality=programme.municipality,
    )
    if new_actions is not None:
        old_actions = list(programme.actions.all())
        if _codes(old_actions) != _codes(new_actions):
            programme.actions.set(new_actions)
            audit_record(
                action="training.programme.updated",
                actor=by,
                municipality=programme.municipality,
                obj=programme,
                changes={"actions": {"old": _codes(old_actions), "new": _codes(new_actions)}},
            )
    return programme
