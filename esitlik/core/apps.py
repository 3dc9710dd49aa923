from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "esitlik.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from esitlik.core import (
            signals,  # noqa: F401  (connects the login audit handlers)
            two_factor,  # noqa: F401  (registers its settings check)
        )
