"""Writes for indicators and their yearly targets. Each function is atomic and audited.

The rules that tie a value to its measure live in ``check_value`` because targets, baselines,
updates and spreadsheet imports all obey the same ones.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.plans.models import Action, ActionPlan, Indicator, IndicatorTarget, Objective
from esitlik.plans.structure import _editable, _next_code

M = Indicator.Measure

INDICATOR_FIELDS = (
    "title",
    "kind",
    "measure",
    "unit",
    "by_sex",
    "baseline_value",
    "baseline_year",
    "direction",
    "band_low",
    "band_high",
    "frequency",
    "source",
    "responsible_directorate",
)
# Splitting by sex makes sense for things counted or measured per person; a share of women or
# a gap between women and men already is a comparison of the sexes.
BY_SEX_MEASURES = {M.COUNT, M.PERCENTAGE, M.RATE_PER_1000}
# (lowest, highest) a value of each measure can take; None means open.
RANGES = {
    M.COUNT: (Decimal(0), None),
    M.PERCENTAGE: (Decimal(0), Decimal(100)),
    M.WOMEN_SHARE: (Decimal(0), Decimal(100)),
    M.PARITY_INDEX: (Decimal(0), None),
    M.GAP_PP: (Decimal(-100), Decimal(100)),
    M.REPRESENTATION_RATIO: (Decimal(0), None),
    M.RATE_PER_1000: (Decimal(0), Decimal(1000)),
    M.YES_NO: (Decimal(0), Decimal(1)),
}


def check_value(measure: str, value: Decimal | None) -> str | None:
    """What is wrong with ``value`` for ``measure``, in the user's language, or None."""
    if value is None:
        return None
    if measure == M.QUALITATIVE:
        return _("A qualitative indicator has no numbers; describe it in words instead.")
    if measure == M.YES_NO:
        return None if value in (0, 1) else _("A yes/no indicator takes 1 for yes or 0 for no.")
    if measure == M.COUNT and value != value.to_integral_value():
        return _("A count is a whole number.")
    low, high = RANGES[measure]
    if low is not None and value < low or high is not None and value > high:
        label = Indicator.Measure(measure).label
        if high is None:
            return _("For “%(measure)s” give a number of at least %(low)s.") % {
                "measure": label,
                "low": low,
            }
        return _("For “%(measure)s” give a number from %(low)s to %(high)s.") % {
            "measure": label,
            "low": low,
            "high": high,
        }
    return None


def check_split(measure: str, total, women, men) -> str | None:
    """Women and men may not add up to more than the total count (the rest is other or not
    stated); for percentages and rates each sex is its own figure and is not summed."""
    if measure == M.COUNT and None not in (total, women, men) and women + men > total:
        return _("Women and men together (%(sum)s) exceed the total (%(total)s).") % {
            "sum": women + men,
            "total": total,
        }
    return None


def _check_indicator(indicator: Indicator, plan: ActionPlan, targets: list[dict]) -> None:
    errors: dict[str, str] = {}
    measure = indicator.measure
    directorate = (
        indicator.responsible_directorate if indicator.responsible_directorate_id else None
    )
    if directorate is None:
        errors["responsible_directorate"] = _(
            "Choose the directorate whose focal point will report this indicator."
        )
    elif directorate.municipality_id != plan.municipality_id:
        errors["responsible_directorate"] = _("Choose a directorate of this municipality.")
    if indicator.by_sex and measure not in BY_SEX_MEASURES:
        errors["by_sex"] = _(
            "Values by sex apply to counts, percentages and rates; “%(measure)s” already "
            "compares women and men."
        ) % {"measure": Indicator.Measure(measure).label}
    if problem := check_value(measure, indicator.baseline_value):
        errors["baseline_value"] = problem
    if indicator.baseline_value is not None and indicator.baseline_year is None:
        errors["baseline_year"] = _("Give the year the baseline was measured.")
    if indicator.baseline_year is not None and not 2000 <= indicator.baseline_year <= plan.end_year:
        errors["baseline_year"] = _("Give a year between 2000 and the plan's last year.")
    if indicator.direction == Indicator.Direction.BAND:
        low, high = indicator.band_low, indicator.band_high
        if low is None or high is None:
            errors["band_low"] = _("A band needs both ends, e.g. 40 to 60.")
        elif low >= high:
            errors["band_high"] = _("The band's upper end must be above its lower end.")
        else:
            for name, end in (("band_low", low), ("band_high", high)):
                if problem := check_value(measure, end):
                    errors[name] = problem
    elif indicator.band_low is not None or indicator.band_high is not None:
        errors["direction"] = _("Choose “within a band” or clear the band's ends.")
    if measure == M.QUALITATIVE and indicator.direction == Indicator.Direction.BAND:
        errors["direction"] = _("A qualitative indicator has no band.")
    seen: set[int] = set()
    for target in targets:
        year = target["year"]
        where = _("Target for %(year)s: ") % {"year": year}
        if year in seen:
            errors["targets"] = where + _("this year is given twice.")
            break
        seen.add(year)
        if not plan.start_year <= year <= plan.end_year:
            errors["targets"] = where + _("the plan runs from %(start)s to %(end)s.") % {
                "start": plan.start_year,
                "end": plan.end_year,
            }
            break
        values = [target.get("value"), target.get("women"), target.get("men")]
        if measure == M.QUALITATIVE and any(v is not None for v in values):
            errors["targets"] = where + _("a qualitative indicator has no numeric targets.")
            break
        if not indicator.by_sex and (
            target.get("women") is not None or target.get("men") is not None
        ):
            errors["targets"] = where + _("tick “values by sex” to give targets for women and men.")
            break
        problem = next(filter(None, (check_value(measure, v) for v in values)), None)
        problem = problem or check_split(measure, *values)
        if problem:
            errors["targets"] = where + problem
            break
    if errors:
        raise ValidationError(errors)


def _complete(target: dict, measure: str) -> dict:
    """A count's total is the sum of women and men when only they were given."""
    value, women, men = target.get("value"), target.get("women"), target.get("men")
    if value is None and measure == M.COUNT and women is not None and men is not None:
        value = women + men
    return {"year": target["year"], "value": value, "women": women, "men": men}


def _set_targets(indicator: Indicator, targets: list[dict]) -> None:
    indicator.targets.all().delete()
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(indicator=indicator, **target)
        for target in targets
        if any(target.get(k) is not None for k in ("value", "women", "men"))
    )


def targets_of(indicator: Indicator) -> list[dict]:
    return [
        {"year": t.year, "value": t.value, "women": t.women, "men": t.men}
        for t in indicator.targets.all()
    ]


def _plan_of(parent: Objective | Action) -> ActionPlan:
    if isinstance(parent, Action):
        return parent.objective.aim.plan
    return parent.aim.plan


@transaction.atomic
def indicator_create(
    *, parent: Objective | Action, title: dict, by, targets=(), code: str | None = None, **values
) -> Indicator:
    plan = _editable(_plan_of(parent))
    is_action = isinstance(parent, Action)
    siblings = parent.indicators.all()
    indicator = Indicator(
        plan=plan,
        objective=None if is_action else parent,
        action=parent if is_action else None,
        title=title,
        code=_next_code(f"{parent.code}.G", siblings.values_list("code", flat=True), code),
        position=plan.indicators.count() + 1,
        **{name: value for name, value in values.items() if name in INDICATOR_FIELDS},
    )
    if indicator.responsible_directorate_id is None and is_action:
        indicator.responsible_directorate = parent.lead_directorate
    target_list = [_complete(t, indicator.measure) for t in targets]
    _check_indicator(indicator, plan, target_list)
    indicator.full_clean()
    indicator.save()
    _set_targets(indicator, target_list)
    changes = created(indicator, ("code", *INDICATOR_FIELDS))
    if target_list:
        changes["targets"] = {"old": None, "new": _printable(target_list)}
    audit_record(
        action="plans.indicator.created",
        actor=by,
        municipality=plan.municipality,
        obj=indicator,
        changes=changes,
    )
    return indicator


def _num(value) -> str:
    """12.50 → "12.5", 10.00 → "10": what a person typed, not how the column stores it."""
    return "—" if value is None else f"{Decimal(value).normalize():f}"


def _printable(targets: list[dict]) -> list[str]:
    """Targets as short lines for the audit log; K and E are kadın (women) and erkek (men)."""
    out = []
    for t in targets:
        line = f"{t['year']}: {_num(t['value'])}"
        if t.get("women") is not None or t.get("men") is not None:
            line += f" (K {_num(t.get('women'))} / E {_num(t.get('men'))})"
        out.append(line)
    return out


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, by, targets=None, version: int | None = None, **values
) -> Indicator:
    plan = _editable(indicator.plan)
    check_version(indicator, version)
    fields = [name for name in values if name in INDICATOR_FIELDS]
    before = snapshot(indicator, fields)
    old_targets = targets_of(indicator)
    for name in fields:
        setattr(indicator, name, values[name])
    target_list = (
        [_complete(t, indicator.measure) for t in targets] if targets is not None else old_targets
    )
    _check_indicator(indicator, plan, target_list)
    indicator.full_clean()
    changes = save_and_audit(
        indicator,
        before,
        action="plans.indicator.updated",
        actor=by,
        municipality=plan.municipality,
    )
    if targets is not None and _printable(target_list) != _printable(old_targets):
        _set_targets(indicator, target_list)
        if not changes:
            indicator.version += 1
            indicator.save(update_fields=["version"])
        audit_record(
            action="plans.indicator.updated",
            actor=by,
            municipality=plan.municipality,
            obj=indicator,
            changes={"targets": {"old": _printable(old_targets), "new": _printable(target_list)}},
        )
    return indicator
