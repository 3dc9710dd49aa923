"""The audit log: every state change is recorded through :func:`audit_record`.

Action codes are namespaced ``<app>.<entity>.<verb>`` (``core.directorate.updated``) and listed
in :data:`ACTION_LABELS` so the log can be shown and filtered in the user's language.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import AuditEntry, Municipality, person_name

# Set by AuditContextMiddleware for the duration of a request.
request_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_ip", default=None)

ACTION_LABELS = {
    "core.municipality.created": _("Municipality created"),
    "core.municipality.updated": _("Municipality updated"),
    "core.directorate.created": _("Directorate created"),
    "core.directorate.updated": _("Directorate updated"),
    "core.membership.created": _("Member added"),
    "core.membership.role_changed": _("Member's role changed"),
    "core.membership.removed": _("Member removed"),
    "core.invitation.created": _("Invitation sent"),
    "core.invitation.accepted": _("Invitation accepted"),
    "core.invitation.revoked": _("Invitation withdrawn"),
    "core.user.created": _("User account created"),
    "core.user.logged_in": _("Signed in"),
    "core.user.logged_out": _("Signed out"),
    "core.user.login_failed": _("Failed sign-in"),
    "core.user.password_changed": _("Password changed"),
    "core.user.password_reset": _("Password reset by e-mail link"),
    "core.2fa.enabled": _("Two-step sign-in turned on"),
    "core.2fa.disabled": _("Two-step sign-in turned off"),
    "core.2fa.failed": _("Wrong two-step sign-in code"),
    "core.2fa.recovery_used": _("Signed in with a recovery code"),
    "core.2fa.recovery_renewed": _("New recovery codes made"),
    "core.network.created": _("Network created"),
    "core.neighbourhood.created": _("Neighbourhood added"),
    "core.neighbourhood.updated": _("Neighbourhood updated"),
    "core.backup.created": _("Backup made"),
    "core.backup.restored": _("Backup restored"),
}


def register_actions(labels: dict[str, Any]) -> None:
    """Other apps add their action codes here (from their AppConfig.ready)."""
    clashes = set(labels) & set(ACTION_LABELS)
    if clashes:
        raise ValueError(f"Audit action codes registered twice: {sorted(clashes)}")
    ACTION_LABELS.update(labels)


def _plain(value: Any) -> Any:
    """A JSON-friendly copy of a field value."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Only the fields whose values differ, as {"field": {"old": ..., "new": ...}}."""
    return {
        name: {"old": before.get(name), "new": after.get(name)}
        for name in after
        if before.get(name) != after.get(name)
    }


def created(obj: models.Model, fields: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The values a new object starts with; empty ones are left out, there is nothing to say."""
    return {
        name: {"old": None, "new": value}
        for name, value in snapshot(obj, fields).items()
        if value not in (None, "", [], {})
    }


def save_and_audit(
    obj: models.Model,
    before: dict[str, Any],
    *,
    action: str,
    actor,
    municipality: Municipality | None,
    fields: Iterable[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Save what changed in ``obj`` since ``before`` (a :func:`snapshot`) and audit it.

    Only the changed fields are written; nothing is written or logged when nothing changed.
    ``fields`` defaults to the snapshot's keys; give it when ``before`` is empty because the
    object is new, which is then saved whole. Models with a ``version`` counter (optimistic
    locking, see ``plans.structure.check_version``) get it bumped with every saved change.
    """
    fields = list(before) if fields is None else list(fields)
    changes = diff(before, snapshot(obj, fields))
    if changes:
        if obj.pk is None:
            obj.save()
        elif hasattr(obj, "version"):
            obj.version += 1
            obj.save(update_fields=[*changes, "version"])
        else:
            obj.save(update_fields=list(changes))
        audit_record(
            action=action, actor=actor, municipality=municipality, obj=obj, changes=changes
        )
    return changes


def check_version(obj, expected: int | None) -> None:
    """Refuse a write made from a form opened before someone else's change.

    ``expected`` is the version the user's form was drawn from; None means the caller is not
    a form (a script, an import) and has just read the object itself.
    """
    if expected is None:
        return
    rows = type(obj).objects.filter(pk=obj.pk)
    if transaction.get_connection().in_atomic_block:
        # Held until the caller's write commits: a second request checking at the same moment
        # waits, then reads the version the first one wrote, and is refused (PostgreSQL;
        # SQLite's IMMEDIATE transactions already let one writer in at a time).
        rows = rows.select_for_update()
    current = rows.values_list("version", flat=True).first()
    if current != expected:
        raise ValidationError(
            _(
                "Someone else saved a change to this while you were editing it. Open it again "
                "to see their change, then make yours."
            ),
            code="stale",
        )


def _describe(obj: models.Model | None) -> str:
    if obj is None:
        return ""
    if isinstance(obj, get_user_model()):
        return person_name(obj)
    return str(obj)


def _show(value: Any) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, dict):
        return localized(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(_show(item) for item in value)
    return str(value)


def _choice(choices: dict, value: Any) -> Any:
    """The display label of a stored choice value; other values (texts, lists) unchanged."""
    if isinstance(value, str | int) and value in choices:
        return choices[value]
    return value


def change_rows(entry: AuditEntry) -> list[tuple[str, str]]:
    """The entry's changes as (field label, "old → new") in the active language.

    Labels and choice values come from the model the entry is about, so the log reads
    "Rol: Odak kişi → İzleyici" rather than "role: focal_point → monitor".
    """
    try:
        model = apps.get_model(entry.object_type) if entry.object_type else None
    except (LookupError, ValueError):
        model = None
    rows = []
    for name, change in entry.changes.items():
        label, choices = name, {}
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                pass
            else:
                label = str(getattr(field, "verbose_name", name))
                choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
        if isinstance(change, dict) and {"old", "new"} <= change.keys():
            old, new = (_choice(choices, change[key]) for key in ("old", "new"))
            text = f"{_show(old)} → {_show(new)}"
        else:
            text = _show(change)
        rows.append((label[:1].upper() + label[1:], text))
    return rows


def audit_record(
    *,
    action: str,
    actor=None,
    municipality: Municipality | None = None,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    object_repr: str = "",
) -> AuditEntry:
    if action not in ACTION_LABELS:
        # An unknown code would show up untranslated and unfilterable; fail loudly in tests.
        raise ValueError(f"Unknown audit action code: {action}")
    actor_ok = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        action=action,
        actor=actor if actor_ok else None,
        actor_repr=actor.get_username() if actor_ok else "",
        municipality=municipality,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=(object_repr or _describe(obj))[:300],
        changes=changes or {},
        ip_address=request_ip.get(),
    )
