"""The reporting cycle of an indicator: each period's value is saved and submitted by the focal
point of the responsible directorate, then approved or returned by the equality unit. An
approved period is locked; reopening it is a separate, audited step with a reason.

Every write takes the ``version`` the user's form was drawn from, so two people working on the
same period never silently overwrite each other.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.uploads import checked_document_name
from esitlik.plans.indicators import check_split, check_value
from esitlik.plans.models import ActionPlan, Evidence, Indicator, IndicatorUpdate
from esitlik.plans.structure import REPORTABLE_STATUSES

S = IndicatorUpdate.Status
# A period's figures are due this many days after it ends: directorates close their books
# first.
GRACE_DAYS = 30
VALUE_FIELDS = ("value", "women", "men", "narrative", "evidence_links")


@dataclass(frozen=True)
class Period:
    year: int
    half: int  # 0 for a whole year

    @property
    def start(self) -> date:
        return date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def due(self) -> date:
        return self.end + timedelta(days=GRACE_DAYS)

    @property
    def label(self) -> str:
        return f"{self.year}/{self.half}" if self.half else str(self.year)


def periods(indicator: Indicator, plan: ActionPlan | None = None) -> list[Period]:
    """Every reporting period of the indicator over its plan's years."""
    plan = plan or indicator.plan
    halves = (1, 2) if indicator.frequency == Indicator.Frequency.HALF_YEARLY else (0,)
    return [Period(y, h) for y in range(plan.start_year, plan.end_year + 1) for h in halves]


def _period(indicator: Indicator, plan: ActionPlan, year: int, half: int) -> Period:
    period = Period(year, half)
    if period not in periods(indicator, plan):
        raise ValidationError(
            _("%(period)s is not a reporting period of this indicator.") % {"period": period.label}
        )
    if period.start > timezone.localdate():
        raise ValidationError(
            _("%(period)s has not started yet; report it once it has.") % {"period": period.label}
        )
    return period


def _check_values(indicator: Indicator, update: IndicatorUpdate, submitting: bool) -> None:
    errors: dict[str, str] = {}
    measure = indicator.measure
    if not indicator.by_sex:
        for name in ("women", "men"):
            if getattr(update, name) is not None:
                errors[name] = _("This indicator is not reported by sex; clear this field.")
    if (
        indicator.by_sex
        and measure == Indicator.Measure.COUNT
        and update.value is None
        and None not in (update.women, update.men)
    ):
        update.value = update.women + update.men
    for name in ("value", "women", "men"):
        if problem := check_value(measure, getattr(update, name)):
            errors[name] = problem
    if not errors and (problem := check_split(measure, update.value, update.women, update.men)):
        errors["value"] = problem
    if submitting:
        if indicator.is_numeric and update.value is None:
            errors.setdefault("value", _("Give this period's value before submitting."))
        if indicator.by_sex:
            for name in ("women", "men"):
                if getattr(update, name) is None:
                    errors.setdefault(name, _("This indicator is reported by sex; give it."))
        if not indicator.is_numeric and not update.narrative.strip():
            errors["narrative"] = _("Describe what was achieved in this period.")
    for line in update.evidence_links.splitlines():
        line = line.strip()
        if line and not line.startswith(("http://", "https://")):
            errors["evidence_links"] = _(
                "Each line must be a web address starting with https:// — this one is not: %(line)s"
            ) % {"line": line[:80]}
            break
    if errors:
        raise ValidationError(errors)


def _reportable(indicator: Indicator) -> ActionPlan:
    plan = ActionPlan.objects.select_for_update().get(pk=indicator.plan_id)
    if plan.status not in REPORTABLE_STATUSES:
        raise ValidationError(_("Indicators are reported on approved plans in implementation."))
    return plan


@transaction.atomic
def update_save(
    *,
    indicator: Indicator,
    year: int,
    half: int,
    by,
    value: Decimal | None = None,
    women: Decimal | None = None,
    men: Decimal | None = None,
    narrative: str = "",
    evidence_links: str = "",
    submit: bool = False,
    version: int | None = None,
) -> IndicatorUpdate:
    """Save a period's figures as a draft, or submit them for the equality unit's review."""
    plan = _reportable(indicator)
    _period(indicator, plan, year, half)
    update = (
        IndicatorUpdate.objects.select_for_update()
        .filter(indicator=indicator, year=year, half=half)
        .first()
    )
    is_new = update is None
    if is_new:
        update = IndicatorUpdate(indicator=indicator, year=year, half=half)
    else:
        check_version(update, version)
        if update.status == S.APPROVED:
            raise ValidationError(
                _("%(period)s is approved and locked. Ask the equality unit to reopen it.")
                % {"period": update.period_label}
            )
    fields = [*VALUE_FIELDS, "status"]
    before = {} if is_new else snapshot(update, fields)
    update.value, update.women, update.men = value, women, men
    update.narrative, update.evidence_links = narrative.strip(), evidence_links.strip()
    _check_values(indicator, update, submitting=submit)
    if submit:
        update.status = S.SUBMITTED
        update.submitted_by, update.submitted_at = by, timezone.now()
    elif update.status == S.SUBMITTED:
        # Saving without submitting takes a submitted update back to draft, so the unit does
        # not review figures their author is still changing.
        update.status = S.DRAFT
    update.full_clean()
    action = "plans.update.submitted" if submit else "plans.update.saved"
    if is_new:
        update.save()
        audit_record(
            action=action,
            actor=by,
            municipality=plan.municipality,
            obj=update,
            changes=created(update, fields),
        )
    else:
        changes = save_and_audit(
            update, before, action=action, actor=by, municipality=plan.municipality
        )
        if submit and changes:
            update.save(update_fields=["submitted_by", "submitted_at"])
    return update


@transaction.atomic
def update_review(
    *, update: IndicatorUpdate, by, approve: bool, comment: str = "", version: int | None = None
) -> IndicatorUpdate:
    """The equality unit approves a submitted update (locking it) or returns it with a
    comment saying what to change."""
    plan = _reportable(update.indicator)
    update = IndicatorUpdate.objects.select_for_update().get(pk=update.pk)
    check_version(update, version)
    if update.status != S.SUBMITTED:
        raise ValidationError(
            _("Only submitted updates are reviewed; this one is “%(status)s”.")
            % {"status": update.get_status_display()}
        )
    comment = comment.strip()
    if not approve and not comment:
        raise ValidationError({"comment": _("Say what should change before returning it.")})
    before = snapshot(update, ("status", "review_comment"))
    update.status = S.APPROVED if approve else S.RETURNED
    update.review_comment = comment
    update.reviewed_by, update.reviewed_at = by, timezone.now()
    save_and_audit(
        update,
        before,
        action="plans.update.approved" if approve else "plans.update.returned",
        actor=by,
        municipality=plan.municipality,
    )
    update.save(update_fields=["reviewed_by", "reviewed_at"])
    return update


@transaction.atomic
def update_reopen(
    *, update: IndicatorUpdate, by, reason: str, version: int | None = None
) -> IndicatorUpdate:
    """Unlock an approved period so its figures can be corrected; the reason is recorded."""
    plan = _reportable(update.indicator)
    update = IndicatorUpdate.objects.select_for_update().get(pk=update.pk)
    check_version(update, version)
    if update.status != S.APPROVED:
        raise ValidationError(_("Only an approved period can be reopened."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for reopening an approved period.")})
    before = snapshot(update, ("status", "review_comment"))
    update.status, update.review_comment = S.RETURNED, reason
    save_and_audit(
        update, before, action="plans.update.reopened", actor=by, municipality=plan.municipality
    )
    return update


@transaction.atomic
def evidence_add(*, update: IndicatorUpdate, upload, by) -> Evidence:
    plan = _reportable(update.indicator)
    update = IndicatorUpdate.objects.select_for_update().get(pk=update.pk)
    if update.status == S.APPROVED:
        raise ValidationError(_("This period is approved and locked."))
    name = checked_document_name(upload)
    evidence = Evidence(update=update, name=name[:200], uploaded_by=by)
    evidence.file.save(name, upload, save=False)
    evidence.save()
    audit_record(
        action="plans.evidence.added",
        actor=by,
        municipality=plan.municipality,
        obj=update,
        changes={"files": {"old": None, "new": evidence.name}},
    )
    return evidence
