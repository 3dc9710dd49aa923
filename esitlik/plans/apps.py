from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "esitlik.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions({"plans.commitment.updated": _("Commitment record updated")})
