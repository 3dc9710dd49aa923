"""Writes of the privacy app: consents, requests and their answers. Each is audited; the log
says what was agreed or asked and when, never the person's details."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record
from esitlik.core.models import Municipality
from esitlik.participation.models import ContactPerson
from esitlik.participation.stakeholders import contact_erase
from esitlik.privacy.models import Consent, DataRequest
from esitlik.privacy.people import PLACES, Findings
from esitlik.training.models import Trainer


def _by(user):
    return user if getattr(user, "is_authenticated", False) else None


def _check_date(value: date | None, field: str, errors: dict) -> None:
    if value is None:
        errors[field] = _("Give the date.")
    elif value > timezone.localdate():
        errors[field] = _("The date cannot be in the future.")


@transaction.atomic
def consent_record(
    *,
    by,
    purpose: str,
    text_version: str,
    given_on: date,
    method: str,
    contact: ContactPerson | None = None,
    trainer: Trainer | None = None,
) -> Consent:
    if (contact is None) == (trainer is None):
        raise ValueError("a consent covers one contact person or one trainer")
    municipality = contact.stakeholder.municipality if contact else trainer.municipality
    errors: dict = {}
    _check_date(given_on, "given_on", errors)
    if not (purpose or "").strip():
        errors["purpose"] = _("Say what the person agreed to.")
    if not (text_version or "").strip():
        errors["text_version"] = _("Name the consent text the person agreed to.")
    if errors:
        raise ValidationError(errors)
    consent = Consent(
        municipality=municipality,
        subject=Consent.Subject.CONTACT if contact else Consent.Subject.TRAINER,
        contact=contact,
        trainer=trainer,
        purpose=purpose.strip(),
        text_version=text_version.strip(),
        given_on=given_on,
        method=method,
        recorded_by=_by(by),
    )
    consent.full_clean()
    consent.save()
    audit_record(
        action="privacy.consent.recorded",
        actor=by,
        municipality=municipality,
        obj=consent,
        changes={
            "subject": {"old": None, "new": consent.subject},
            "purpose": {"old": None, "new": consent.purpose},
            "text_version": {"old": None, "new": consent.text_version},
            "given_on": {"old": None, "new": given_on.isoformat()},
            "method": {"old": None, "new": method},
        },
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, by, withdrawn_on: date, method: str) -> str:
    """Record the withdrawal and act on it. Returns what was done, for the page's message.

    A contact person is kept only by consent: when no consent of theirs is left, the contact
    is erased at once. A trainer is in the pool because they train; what needed the consent
    (the notes kept about them) is cleared, and the unit is told to erase the rest on the
    personal data requests page if the person asks for it."""
    errors: dict = {}
    _check_date(withdrawn_on, "withdrawn_on", errors)
    if consent.withdrawn_on is not None:
        errors["withdrawn_on"] = _("This consent was already withdrawn.")
    elif withdrawn_on and withdrawn_on < consent.given_on:
        errors["withdrawn_on"] = _("A consent cannot be withdrawn before it was given.")
    if errors:
        raise ValidationError(errors)
    consent.withdrawn_on = withdrawn_on
    consent.withdrawal_method = method
    consent.withdrawn_by = _by(by)
    consent.save(update_fields=["withdrawn_on", "withdrawal_method", "withdrawn_by"])
    audit_record(
        action="privacy.consent.withdrawn",
        actor=by,
        municipality=consent.municipality,
        obj=consent,
        changes={"withdrawn_on": {"old": None, "new": withdrawn_on.isoformat()}},
    )
    if consent.contact_id:
        contact = consent.contact
        if not contact.consents.filter(withdrawn_on__isnull=True).exists():
            contact_erase(contact=contact, by=by)
            return _(
                "Consent withdrawn. The contact person had no other consent, so their "
                "details were erased."
            )
        return _("Consent withdrawn. The contact person has another consent and was kept.")
    trainer = consent.trainer
    if trainer is not None and trainer.notes:
        trainer.notes = ""
        trainer.version += 1
        trainer.save(update_fields=["notes", "version"])
    return _(
        "Consent withdrawn. The notes kept about the trainer were cleared. If the person "
        "asks for the rest of their data to be erased, record the request on the Personal "
        "data requests page."
    )


@transaction.atomic
def request_create(
    *, municipality: Municipality, by, kind: str, requester: str, channel: str, received_on: date
) -> DataRequest:
    errors: dict = {}
    _check_date(received_on, "received_on", errors)
    if not " ".join((requester or "").split()):
        errors["requester"] = _("Say who asked.")
    if errors:
        raise ValidationError(errors)
    request = DataRequest(
        municipality=municipality,
        kind=kind,
        requester=" ".join(requester.split()),
        channel=channel,
        received_on=received_on,
        handled_by=_by(by),
    )
    request.full_clean(exclude=["due_on"])
    request.save()
    # Who asked is left out of the log: it names the person.
    audit_record(
        action="privacy.request.created",
        actor=by,
        municipality=municipality,
        obj=request,
        changes={
            "kind": {"old": None, "new": kind},
            "channel": {"old": None, "new": channel},
            "received_on": {"old": None, "new": received_on.isoformat()},
            "due_on": {"old": None, "new": request.due_on.isoformat()},
        },
    )
    return request


@transaction.atomic
def request_answer(*, request: DataRequest, by, outcome: str) -> DataRequest:
    if not (outcome or "").strip():
        raise ValidationError({"outcome": _("Say what was done.")})
    request.outcome = "\n".join(filter(None, [request.outcome, outcome.strip()]))
    request.status = DataRequest.Status.ANSWERED
    request.answered_on = timezone.localdate()
    request.handled_by = _by(by)
    request.save(update_fields=["outcome", "status", "answered_on", "handled_by"])
    audit_record(
        action="privacy.request.answered",
        actor=by,
        municipality=request.municipality,
        obj=request,
        changes={"answered_on": {"old": None, "new": request.answered_on.isoformat()}},
    )
    return request


@transaction.atomic
def person_exported(*, request: DataRequest, found: Findings, by, fmt: str) -> None:
    """Note on the request and in the log that the person's data was handed over."""
    counts = {key: n for key, n in found.counts().items() if n}
    line = _("%(date)s: exported as %(format)s (%(items)s).") % {
        "date": timezone.localdate().strftime("%d.%m.%Y"),
        "format": fmt.upper(),
        "items": ", ".join(f"{PLACES[k]}: {n}" for k, n in counts.items()) or "—",
    }
    request.outcome = "\n".join(filter(None, [request.outcome, line]))
    request.save(update_fields=["outcome"])
    audit_record(
        action="privacy.person.exported",
        actor=by,
        municipality=request.municipality,
        obj=request,
        changes={"format": {"old": None, "new": fmt}, "counts": {"old": None, "new": counts}},
    )
