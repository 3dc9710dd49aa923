from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "esitlik.portal"
    verbose_name = _("Public portal")

    def ready(self):
        from esitlik.portal import edition

        edition.connect()
