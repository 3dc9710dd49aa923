from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "esitlik.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "plans.commitment.updated": _("Commitment record updated"),
                "plans.plan.created": _("Plan edition created"),
                "plans.plan.updated": _("Plan edition updated"),
                "plans.plan.status_changed": _("Plan status changed"),
                "plans.aim.created": _("Aim added"),
                "plans.aim.updated": _("Aim updated"),
                "plans.objective.created": _("Objective added"),
                "plans.objective.updated": _("Objective updated"),
                "plans.action.created": _("Action added"),
                "plans.action.updated": _("Action updated"),
                "plans.action.reported": _("Action progress reported"),
                "plans.indicator.created": _("Indicator added"),
                "plans.indicator.updated": _("Indicator updated"),
                "plans.update.saved": _("Indicator update saved"),
                "plans.update.submitted": _("Indicator update submitted"),
                "plans.update.approved": _("Indicator update approved"),
                "plans.update.returned": _("Indicator update returned"),
                "plans.update.reopened": _("Approved indicator update reopened"),
                "plans.evidence.added": _("Evidence attached"),
                "plans.plan.carried_over": _("Unfinished work carried over"),
                "plans.plan.decision_uploaded": _("Council decision document attached"),
                "plans.plan.imported": _("Plan changed by a spreadsheet import"),
                "plans.reminders.sent": _("Reminders sent to focal points"),
            }
        )
