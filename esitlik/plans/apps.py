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
            }
        )
