"""Writes to the trainer pool and trainers' certifications."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.models import Municipality
from esitlik.core.sex import Sex
from esitlik.core.tags import clean_tags
from esitlik.training.models import Certification, StaffMember, Trainer

TRAINER_FIELDS = (
    "kind",
    "staff",
    "name",
    "organisation",
    "sex",
    "topics",
    "status",
    "training_for",
    "notes",
)
CERTIFICATION_FIELDS = ("title", "issuer", "issued_on", "expires_on")


def _check(trainer: Trainer) -> None:
    errors = {}
    trainer.name = " ".join(trainer.name.split())
    trainer.organisation = " ".join(trainer.organisation.split())
    trainer.training_for = " ".join(trainer.training_for.split())
    if trainer.kind == Trainer.Kind.INTERNAL:
        if trainer.staff_id is None:
            errors["staff"] = _("Choose the staff person who trains.")
        elif trainer.staff.municipality_id != trainer.municipality_id:
            errors["staff"] = _("Choose staff of this municipality.")
        else:
            # Name and sex live on the staff record; keeping a copy here would drift.
            trainer.name, trainer.sex = "", Sex.NOT_STATED
            other = Trainer.objects.filter(staff_id=trainer.staff_id).exclude(pk=trainer.pk)
            if other.exists():
                errors["staff"] = _("%(name)s is already in the trainer pool.") % {
                    "name": trainer.staff.name
                }
    elif trainer.kind == Trainer.Kind.EXTERNAL:
        trainer.staff = None
        if not trainer.name:
            errors["name"] = _("Give the trainer's name.")
    else:
        errors["kind"] = _("Choose municipal staff or external trainer.")
    if trainer.sex not in Sex.values:
        errors["sex"] = _("Choose woman, man, other or not stated.")
    if trainer.status not in Trainer.Status.values:
        errors["status"] = _("Choose a status from the list.")
    if trainer.status == Trainer.Status.IN_TRAINING and not trainer.training_for:
        errors["training_for"] = _("Say what the person is being trained to deliver.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def trainer_create(
    *,
    municipality: Municipality,
    by,
    kind: str = Trainer.Kind.INTERNAL,
    staff: StaffMember | None = None,
    name: str = "",
    organisation: str = "",
    sex: str = Sex.NOT_STATED,
    topics=(),
    status: str = Trainer.Status.ACTIVE,
    training_for: str = "",
    notes: str = "",
) -> Trainer:
    trainer = Trainer(
        municipality=municipality,
        kind=kind,
        staff=staff,
        name=name,
        organisation=organisation,
        sex=sex,
        topics=clean_tags(topics, field="topics"),
        status=status,
        training_for=training_for,
        notes=notes.strip(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    _check(trainer)
    trainer.full_clean()
    trainer.save()
    audit_record(
        action="training.trainer.created",
        actor=by,
        municipality=municipality,
        obj=trainer,
        changes=created(trainer, TRAINER_FIELDS),
    )
    return trainer


@transaction.atomic
def trainer_update(*, trainer: Trainer, by, version: int | None = None, **values) -> Trainer:
    check_version(trainer, version)
    fields = [name for name in values if name in TRAINER_FIELDS]
    before = snapshot(trainer, TRAINER_FIELDS)
    for name in fields:
        value = values[name]
        if name == "topics":
            value = clean_tags(value, field="topics")
        elif name == "notes":
            value = value.strip()
        setattr(trainer, name, value)
    _check(trainer)
    trainer.full_clean()
    save_and_audit(
        trainer,
        before,
        action="training.trainer.updated",
        actor=by,
        municipality=trainer.municipality,
    )
    return trainer


def _check_certification(certification: Certification) -> None:
    errors = {}
    certification.title = " ".join(certification.title.split())
    certification.issuer = " ".join(certification.issuer.split())
    if not certification.title:
        errors["title"] = _("Give the certificate's title.")
    if not certification.issuer:
        errors["issuer"] = _("Say who issued it.")
    if certification.issued_on is None:
        errors["issued_on"] = _("Give the date it was issued.")
    elif certification.issued_on > date.today():
        errors["issued_on"] = _("The date issued cannot be in the future.")
    elif certification.expires_on and certification.expires_on < certification.issued_on:
        errors["expires_on"] = _("It cannot expire before it was issued.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def certification_add(*, trainer: Trainer, by, **values) -> Certification:
    certification = Certification(
        trainer=trainer,
        **{name: value for name, value in values.items() if name in CERTIFICATION_FIELDS},
    )
    _check_certification(certification)
    certification.full_clean()
    certification.save()
    audit_record(
        action="training.certification.added",
        actor=by,
        municipality=trainer.municipality,
        obj=certification,
        changes={"trainer": str(trainer), **created(certification, CERTIFICATION_FIELDS)},
    )
    return certification


@transaction.atomic
def certification_update(*, certification: Certification, by, **values) -> Certification:
    fields = [name for name in values if name in CERTIFICATION_FIELDS]
    before = snapshot(certification, fields)
    for name in fields:
        setattr(certification, name, values[name])
    _check_certification(certification)
    certification.full_clean()
    save_and_audit(
        certification,
        before,
        action="training.certification.updated",
        actor=by,
        municipality=certification.trainer.municipality,
    )
    return certification


@transaction.atomic
def certification_delete(*, certification: Certification, by) -> None:
    trainer = certification.trainer
    audit_record(
        action="training.certification.deleted",
        actor=by,
        municipality=trainer.municipality,
        obj=certification,
        changes={"trainer": str(trainer), **created(certification, CERTIFICATION_FIELDS)},
    )
    certification.delete()
