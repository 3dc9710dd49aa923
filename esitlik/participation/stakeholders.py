"""Writes to the stakeholder registry and its contact people.

Contact people are personal data: kept only with a recorded consent (its date and purpose),
never exported unless an equality unit admin asks for it, and erased outright, not hidden,
when the person withdraws consent. The audit log keeps that a contact was erased, not who."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.models import Municipality, Neighbourhood
from esitlik.core.tags import clean_tags
from esitlik.core.text import tr_casefold
from esitlik.participation.models import ContactPerson, Stakeholder

STAKEHOLDER_FIELDS = ("name", "kind", "neighbourhood", "tags", "notes", "is_active")


def _check(stakeholder: Stakeholder) -> None:
    errors = {}
    stakeholder.name = " ".join(stakeholder.name.split())
    if not stakeholder.name:
        errors["name"] = _("Give the organisation's name.")
    elif tr_casefold(stakeholder.name) in {
        tr_casefold(name)
        for name in Stakeholder.objects.filter(municipality_id=stakeholder.municipality_id)
        .exclude(pk=stakeholder.pk)
        .values_list("name", flat=True)
    }:
        errors["name"] = _("“%(name)s” is already in the registry.") % {"name": stakeholder.name}
    if stakeholder.kind not in Stakeholder.Kind.values:
        errors["kind"] = _("Choose a type from the list.")
    neighbourhood = stakeholder.neighbourhood
    if neighbourhood is not None and neighbourhood.municipality_id != stakeholder.municipality_id:
        errors["neighbourhood"] = _("Choose a neighbourhood of this municipality.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def stakeholder_create(
    *,
    municipality: Municipality,
    name: str,
    kind: str,
    by,
    neighbourhood: Neighbourhood | None = None,
    tags=(),
    notes: str = "",
) -> Stakeholder:
    stakeholder = Stakeholder(
        municipality=municipality,
        name=name,
        kind=kind,
        neighbourhood=neighbourhood,
        tags=clean_tags(tags),
        notes=notes.strip(),
    )
    _check(stakeholder)
    stakeholder.full_clean()
    stakeholder.save()
    audit_record(
        action="participation.stakeholder.created",
        actor=by,
        municipality=municipality,
        obj=stakeholder,
        changes=created(stakeholder, STAKEHOLDER_FIELDS[:-1]),
    )
    return stakeholder


@transaction.atomic
def stakeholder_update(
    *, stakeholder: Stakeholder, by, version: int | None = None, **values
) -> Stakeholder:
    check_version(stakeholder, version)
    fields = [name for name in values if name in STAKEHOLDER_FIELDS]
    before = snapshot(stakeholder, fields)
    for name in fields:
        value = values[name]
        if name == "tags":
            value = clean_tags(value)
        elif name == "notes":
            value = value.strip()
        setattr(stakeholder, name, value)
    _check(stakeholder)
    stakeholder.full_clean()
    save_and_audit(
        stakeholder,
        before,
        action="participation.stakeholder.updated",
        actor=by,
        municipality=stakeholder.municipality,
    )
    return stakeholder


@transaction.atomic
def contact_add(
    *,
    stakeholder: Stakeholder,
    by,
    name: str,
    consent_date: date,
    consent_purpose: str,
    position: str = "",
    email: str = "",
    phone: str = "",
) -> ContactPerson:
    errors = {}
    if not " ".join((name or "").split()):
        errors["name"] = _("Give the person's name.")
    if consent_date is None:
        errors["consent_date"] = _(
            "Record when the person agreed to be contacted; without consent, keep no contact."
        )
    elif consent_date > timezone.localdate():
        errors["consent_date"] = _("Consent cannot be dated in the future.")
    if not (consent_purpose or "").strip():
        errors["consent_purpose"] = _("Say what the person agreed to.")
    if errors:
        raise ValidationError(errors)
    contact = ContactPerson(
        stakeholder=stakeholder,
        name=" ".join(name.split()),
        position=position.strip(),
        email=email.strip(),
        phone=phone.strip(),
        consent_date=consent_date,
        consent_purpose=consent_purpose.strip(),
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    contact.full_clean()
    contact.save()
    # The log names the organisation and the consent, never the person's details.
    audit_record(
        action="participation.contact.added",
        actor=by,
        municipality=stakeholder.municipality,
        obj=stakeholder,
        changes={
            "consent_date": {"old": None, "new": consent_date.isoformat()},
            "consent_purpose": {"old": None, "new": contact.consent_purpose},
        },
    )
    return contact


@transaction.atomic
def contact_erase(*, contact: ContactPerson, by) -> None:
    """Erase a contact person on request: the row goes, the audit says only that it went."""
    stakeholder = contact.stakeholder
    contact.delete()
    audit_record(
        action="participation.contact.erased",
        actor=by,
        municipality=stakeholder.municipality,
        obj=stakeholder,
    )
