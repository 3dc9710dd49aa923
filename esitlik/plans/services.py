from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, diff, snapshot
from esitlik.core.models import Municipality
from esitlik.plans.models import Commitment

COMMITMENT_FIELDS = (
    "charter_signed_on",
    "charter_version",
    "council_decision_no",
    "council_decision_date",
    "unit_established",
    "unit_since",
    "unit_directorate",
    "unit_staff",
    "commission_exists",
    "commission_since",
    "commission_women",
    "commission_men",
    "commission_legal_basis",
)
UNIT_DETAILS = ("unit_since", "unit_directorate", "unit_staff")
COMMISSION_DETAILS = (
    "commission_since",
    "commission_women",
    "commission_men",
    "commission_legal_basis",
)


def commitment_of(municipality: Municipality) -> Commitment:
    """The municipality's record; an unsaved empty one until something is recorded."""
    return Commitment.objects.filter(municipality=municipality).first() or Commitment(
        municipality=municipality
    )


def _validate(commitment: Commitment) -> None:
    errors: dict[str, str] = {}
    today = timezone.localdate()
    for name in ("charter_signed_on", "council_decision_date", "unit_since", "commission_since"):
        value = getattr(commitment, name)
        if value is not None and value > today:
            errors[name] = _("This date is in the future.")
    # Details of a unit or commission that does not exist would be silently meaningless;
    # ask instead of dropping them.
    if not commitment.unit_established:
        for name in UNIT_DETAILS:
            if getattr(commitment, name) not in (None, ""):
                errors[name] = _("Tick “equality unit established” or clear this field.")
    if not commitment.commission_exists:
        for name in COMMISSION_DETAILS:
            if getattr(commitment, name) not in (None, ""):
                errors[name] = _("Tick “equality commission exists” or clear this field.")
    directorate = commitment.unit_directorate
    if directorate is not None and directorate.municipality_id != commitment.municipality_id:
        errors["unit_directorate"] = _("Choose a directorate of this municipality.")
    version = commitment.charter_version
    if version is not None and (version.kind != "charter" or version.municipality_id):
        errors["charter_version"] = _("Choose a version of the Charter.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def commitment_update(*, municipality: Municipality, by, **values) -> Commitment:
    commitment = commitment_of(municipality)
    fields = [name for name in values if name in COMMITMENT_FIELDS]
    before = snapshot(commitment, fields) if commitment.pk else {}
    for name in fields:
        value = values[name]
        setattr(commitment, name, value.strip() if isinstance(value, str) else value)
    _validate(commitment)
    commitment.full_clean()
    changes = diff(before, snapshot(commitment, fields))
    if changes:
        commitment.save()
        audit_record(
            action="plans.commitment.updated",
            actor=by,
            municipality=municipality,
            obj=commitment,
            changes=changes,
        )
    return commitment
