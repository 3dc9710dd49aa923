from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "esitlik.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "api.token.created": _("API token created"),
                "api.token.revoked": _("API token revoked"),
            }
        )
