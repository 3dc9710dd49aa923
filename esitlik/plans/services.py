from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, created, diff, save_and_audit, snapshot
from esitlik.core.models import Municipality
from esitlik.plans import lifecycle
from esitlik.plans.models import ActionPlan, Commitment

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
    save_and_audit(
        commitment,
        before,
        fields=fields,
        action="plans.commitment.updated",
        actor=by,
        municipality=municipality,
    )
    return commitment


PLAN_FIELDS = ("title", "start_year", "end_year", "charter_version")
EDITABLE_STATUSES = {"draft", "consultation", "commission_review"}


def _check_period(start_year: int, end_year: int) -> None:
    errors = {}
    for name, year in (("start_year", start_year), ("end_year", end_year)):
        if not 2000 <= year <= 2100:
            errors[name] = _("Give a year between 2000 and 2100.")
    if not errors and end_year < start_year:
        errors["end_year"] = _("The last year cannot be before the first year.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_create(
    *,
    municipality: Municipality,
    title: dict[str, str],
    start_year: int,
    end_year: int,
    charter_version=None,
    previous: ActionPlan | None = None,
    carry_over: bool = False,
    by,
) -> ActionPlan:
    """A new draft edition, numbered after the municipality's latest one; with ``carry_over``
    it starts with the previous edition's unfinished actions and their indicators."""
    _check_period(start_year, end_year)
    if previous is not None and previous.municipality_id != municipality.pk:
        raise ValidationError({"previous": _("Choose an edition of this municipality.")})
    if carry_over and previous is None:
        raise ValidationError({"previous": _("Choose the edition to carry unfinished work from.")})
    # Lock the municipality's plans so two people starting an edition at once get 3 and 4,
    # not a clash on 3.
    latest = (
        ActionPlan.objects.select_for_update()
        .filter(municipality=municipality)
        .order_by("-edition")
        .values_list("edition", flat=True)
        .first()
    )
    plan = ActionPlan(
        municipality=municipality,
        edition=(latest or 0) + 1,
        title=title,
        start_year=start_year,
        end_year=end_year,
        charter_version=charter_version or (previous.charter_version if previous else None),
        previous=previous,
    )
    plan.full_clean()
    plan.save()
    audit_record(
        action="plans.plan.created",
        actor=by,
        municipality=municipality,
        obj=plan,
        changes=created(plan, ("edition", "title", "start_year", "end_year", "previous")),
    )
    if carry_over:
        from esitlik.plans.carry_over import carry_over as copy_unfinished

        plan.carried = copy_unfinished(source=previous, target=plan, by=by)
    return plan


@transaction.atomic
def plan_update(*, plan: ActionPlan, by, **values) -> ActionPlan:
    if plan.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("An approved plan is not edited any more; its progress is reported instead.")
        )
    fields = [name for name in values if name in PLAN_FIELDS]
    before = snapshot(plan, fields)
    for name in fields:
        setattr(plan, name, values[name])
    _check_period(plan.start_year, plan.end_year)
    plan.full_clean()
    save_and_audit(
        plan, before, action="plans.plan.updated", actor=by, municipality=plan.municipality
    )
    return plan


@transaction.atomic
def plan_transition(
    *,
    plan: ActionPlan,
    target: str,
    expected_status: str,
    by,
    decision_no: str = "",
    decision_date=None,
    final_evaluation: str = "",
) -> ActionPlan:
    """Move a plan along its lifecycle (see lifecycle.py).

    ``expected_status`` is the status the user saw; if someone else moved the plan meanwhile,
    the move is refused instead of silently applied to a plan in another state.
    """
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != expected_status:
        raise ValidationError(
            _(
                "Someone changed this plan's status to “%(status)s” meanwhile. Check it and "
                "try again."
            )
            % {"status": plan.get_status_display()}
        )
    move = lifecycle.find(plan.status, target)
    if move is None:
        raise ValidationError(
            _("A plan in “%(status)s” cannot move to that status.")
            % {"status": plan.get_status_display()}
        )
    fields = ["status"]
    if move.needs_decision:
        fields += ["decision_no", "decision_date"]
    if move.needs_evaluation:
        fields.append("final_evaluation")
    before = snapshot(plan, fields)
    errors = {}
    if move.needs_decision:
        if not decision_no.strip():
            errors["decision_no"] = _("Enter the council decision number.")
        if decision_date is None:
            errors["decision_date"] = _("Enter the council decision date.")
        elif decision_date > timezone.localdate():
            errors["decision_date"] = _("This date is in the future.")
        plan.decision_no, plan.decision_date = decision_no.strip(), decision_date
    if move.needs_evaluation:
        if not final_evaluation.strip():
            errors["final_evaluation"] = _("Write the final evaluation before completing.")
        plan.final_evaluation = final_evaluation.strip()
    if errors:
        raise ValidationError(errors)
    plan.status = target
    plan.save(update_fields=fields)
    audit_record(
        action="plans.plan.status_changed",
        actor=by,
        municipality=plan.municipality,
        obj=plan,
        changes=diff(before, snapshot(plan, fields)),
    )
    if target == ActionPlan.Status.APPROVED:
        _supersede_older(plan, by)
    return plan


def _supersede_older(plan: ActionPlan, by) -> None:
    """Completed earlier editions give way to a newly approved one."""
    older = ActionPlan.objects.select_for_update().filter(
        municipality=plan.municipality,
        edition__lt=plan.edition,
        status=ActionPlan.Status.COMPLETED,
    )
    for earlier in older:
        earlier.status = ActionPlan.Status.SUPERSEDED
        earlier.save(update_fields=["status"])
        audit_record(
            action="plans.plan.status_changed",
            actor=by,
            municipality=plan.municipality,
            obj=earlier,
            changes={"status": {"old": "completed", "new": "superseded"}},
        )
