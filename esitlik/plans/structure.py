"""Writes for the plan's structure: aims → objectives → actions, and the focal points'
reports on their actions. Each function is atomic and audited, like every service."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from esitlik.core.audit import (
    audit_record,
    check_version,
    created,
    diff,
    save_and_audit,
    snapshot,
)
from esitlik.frameworks.models import FrameworkItem
from esitlik.plans.models import Action, ActionPlan, Aim, Objective, Partner
from esitlik.plans.services import EDITABLE_STATUSES

ACTION_FIELDS = (
    "title",
    "lead_directorate",
    "start_date",
    "end_date",
    "budget_planned",
    "target_groups",
    "status",
    "progress",
    "weight",
)
REPORT_FIELDS = ("status", "progress", "budget_actual")
REPORTABLE_STATUSES = {"approved", "in_implementation"}


def _editable(plan: ActionPlan) -> ActionPlan:
    """The plan, locked and re-read, if its structure may still change.

    Re-reading matters: the plan object reached through an action may be older than a status
    change made meanwhile; locking also serialises code numbering.
    """
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("The structure of an approved plan is fixed; report progress on its actions.")
        )
    return plan


def _next_code(prefix: str, codes, given: str | None = None) -> str:
    """The next free number after ``prefix``: "2.3." with 2.3.1 and 2.3.4 taken gives 2.3.5.

    ``given`` is a code the caller chose (a spreadsheet row names its own); it is kept when it
    is ``prefix`` followed by a number not yet taken, so "2.3.7" may be added under 2.3 but
    "2.4.1" may not.
    """
    codes = list(codes)
    if given is not None:
        tail = given.removeprefix(prefix)
        if not given.startswith(prefix) or not tail.isdigit() or tail.startswith("0"):
            raise ValidationError(
                {
                    "code": _("The code %(code)s does not fit here; it should be %(prefix)sN.")
                    % {"code": given, "prefix": prefix}
                }
            )
        if given in codes:
            raise ValidationError({"code": _("The code %(code)s is taken.") % {"code": given}})
        return given
    tails = (code.removeprefix(prefix) for code in codes if code.startswith(prefix))
    numbers = [int(tail) for tail in tails if tail.isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _partners(plan: ActionPlan, names) -> list[Partner]:
    """Partner records for the given names, created for the municipality when new."""
    partners = []
    for raw in names:
        name = " ".join(str(raw).split())
        if not name:
            continue
        if len(name) > 200:
            raise ValidationError(
                {
                    "partners": _("A partner's name can be at most 200 characters: %(name)s")
                    % {"name": name[:40] + "…"}
                }
            )
        partner, _created = Partner.objects.get_or_create(
            municipality_id=plan.municipality_id, name=name
        )
        partners.append(partner)
    return partners


def _audit(action: str, obj, plan: ActionPlan, by, changes) -> None:
    audit_record(action=action, actor=by, municipality=plan.municipality, obj=obj, changes=changes)


@transaction.atomic
def aim_create(
    *,
    plan: ActionPlan,
    title: dict,
    heading: FrameworkItem | None = None,
    by,
    code: str | None = None,
) -> Aim:
    """A new aim, numbered after the last one unless ``code`` names a free number."""
    plan = _editable(plan)
    if heading is not None and heading.kind != FrameworkItem.Kind.HEADING:
        raise ValidationError({"heading": _("Choose one of the YEEP headings.")})
    aim = Aim(
        plan=plan,
        title=title,
        heading=heading,
        code=_next_code("", plan.aims.values_list("code", flat=True), code),
        position=plan.aims.count() + 1,
    )
    aim.full_clean()
    aim.save()
    _audit("plans.aim.created", aim, plan, by, created(aim, ("code", "title", "heading")))
    return aim


@transaction.atomic
def aim_update(*, aim: Aim, by, title: dict, heading: FrameworkItem | None = None) -> Aim:
    _editable(aim.plan)
    before = snapshot(aim, ("title", "heading"))
    aim.title, aim.heading = title, heading
    aim.full_clean()
    save_and_audit(
        aim, before, action="plans.aim.updated", actor=by, municipality=aim.plan.municipality
    )
    return aim


@transaction.atomic
def objective_create(*, aim: Aim, title: dict, by, code: str | None = None) -> Objective:
    _editable(aim.plan)
    objective = Objective(
        aim=aim,
        title=title,
        code=_next_code(f"{aim.code}.", aim.objectives.values_list("code", flat=True), code),
        position=aim.objectives.count() + 1,
    )
    objective.full_clean()
    objective.save()
    _audit(
        "plans.objective.created", objective, aim.plan, by, created(objective, ("code", "title"))
    )
    return objective


@transaction.atomic
def objective_update(*, objective: Objective, by, title: dict) -> Objective:
    _editable(objective.aim.plan)
    before = snapshot(objective, ("title",))
    objective.title = title
    objective.full_clean()
    save_and_audit(
        objective,
        before,
        action="plans.objective.updated",
        actor=by,
        municipality=objective.aim.plan.municipality,
    )
    return objective


def _check_action(action: Action, plan: ActionPlan, supporting, tags) -> None:
    errors: dict[str, str] = {}
    municipality_id = plan.municipality_id
    if action.lead_directorate_id and action.lead_directorate.municipality_id != municipality_id:
        errors["lead_directorate"] = _("Choose a directorate of this municipality.")
    if any(d.municipality_id != municipality_id for d in supporting):
        errors["supporting_directorates"] = _("Choose directorates of this municipality.")
    allowed_tags = FrameworkItem.objects.filter(
        Q(framework__municipality__isnull=True) | Q(framework__municipality_id=municipality_id)
    ).exclude(kind=FrameworkItem.Kind.SECTION)
    if tags and allowed_tags.filter(pk__in=[t.pk for t in tags]).count() != len(set(tags)):
        errors["tags"] = _("Choose tags from the reference frameworks or this municipality's sets.")
    if action.start_date and action.end_date and action.end_date < action.start_date:
        errors["end_date"] = _("The end cannot be before the start.")
    for name in ("budget_planned", "budget_actual"):
        value = getattr(action, name)
        if value is not None and value < Decimal("0"):
            errors[name] = _("An amount cannot be negative.")
    if not 0 <= action.progress <= 100:
        errors["progress"] = _("Progress is a percentage between 0 and 100.")
    elif action.status == Action.Status.COMPLETED and action.progress != 100:
        errors["progress"] = _(
            "A completed action has 100 percent progress; change the status or the progress."
        )
    unknown = set(action.target_groups) - set(Action.TargetGroup.values)
    if unknown:
        errors["target_groups"] = _("Choose target groups from the list.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def action_create(
    *,
    objective: Objective,
    title: dict,
    lead_directorate,
    by,
    supporting_directorates=(),
    tags=(),
    partners=(),
    code: str | None = None,
    **values,
) -> Action:
    plan = _editable(objective.aim.plan)
    action = Action(
        objective=objective,
        title=title,
        lead_directorate=lead_directorate,
        code=_next_code(
            f"{objective.code}.", objective.actions.values_list("code", flat=True), code
        ),
        position=objective.actions.count() + 1,
        **{name: value for name, value in values.items() if name in ACTION_FIELDS},
    )
    supporting, tags = list(supporting_directorates), list(tags)
    _check_action(action, plan, supporting, tags)
    action.full_clean()
    action.save()
    action.supporting_directorates.set(supporting)
    action.tags.set(tags)
    partner_list = _partners(plan, partners)
    action.partners.set(partner_list)
    changes = created(action, ("code", *ACTION_FIELDS))
    if partner_list:
        changes["partners"] = {"old": None, "new": [p.name for p in partner_list]}
    if supporting:
        changes["supporting_directorates"] = {"old": None, "new": [str(d) for d in supporting]}
    if tags:
        changes["tags"] = {"old": None, "new": [t.code for t in tags]}
    _audit("plans.action.created", action, plan, by, changes)
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    by,
    supporting_directorates=None,
    tags=None,
    partners=None,
    version: int | None = None,
    **values,
) -> Action:
    plan = _editable(action.objective.aim.plan)
    check_version(action, version)
    fields = [name for name in values if name in ACTION_FIELDS]
    before = snapshot(action, fields)
    old_supporting = [str(d) for d in action.supporting_directorates.all()]
    old_tags = [t.code for t in action.tags.all()]
    old_partners = [p.name for p in action.partners.all()]
    for name in fields:
        setattr(action, name, values[name])
    supporting = (
        list(supporting_directorates)
        if supporting_directorates is not None
        else list(action.supporting_directorates.all())
    )
    tag_list = list(tags) if tags is not None else list(action.tags.all())
    _check_action(action, plan, supporting, tag_list)
    action.full_clean()
    changes = diff(before, snapshot(action, fields))
    if changes:
        action.save(update_fields=list(changes))
    if supporting_directorates is not None:
        action.supporting_directorates.set(supporting)
        new = [str(d) for d in supporting]
        if sorted(new) != sorted(old_supporting):
            changes["supporting_directorates"] = {"old": old_supporting, "new": new}
    if tags is not None:
        action.tags.set(tag_list)
        new = [t.code for t in tag_list]
        if sorted(new) != sorted(old_tags):
            changes["tags"] = {"old": old_tags, "new": new}
    if partners is not None:
        partner_list = _partners(plan, partners)
        action.partners.set(partner_list)
        new = [p.name for p in partner_list]
        if sorted(new) != sorted(old_partners):
            changes["partners"] = {"old": old_partners, "new": new}
    if changes:
        # Any change moves the version on, a change to the lists alone too: otherwise a form
        # opened before it would save its old lists over it without a word.
        action.version += 1
        action.save(update_fields=["version"])
        _audit("plans.action.updated", action, plan, by, changes)
    return action


@transaction.atomic
def action_report(
    *,
    action: Action,
    by,
    status: str,
    progress: int,
    budget_actual: Decimal | None,
    version: int | None = None,
) -> Action:
    """A focal point's (or the admin's) report on an action of an approved plan."""
    plan = ActionPlan.objects.select_for_update().get(pk=action.objective.aim.plan_id)
    if plan.status not in REPORTABLE_STATUSES:
        raise ValidationError(_("Progress is reported on approved plans in implementation."))
    check_version(action, version)
    before = snapshot(action, REPORT_FIELDS)
    action.status, action.progress, action.budget_actual = status, progress, budget_actual
    _check_action(action, plan, [], [])
    action.full_clean()
    save_and_audit(
        action, before, action="plans.action.reported", actor=by, municipality=plan.municipality
    )
    return action
