from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "esitlik.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "reports.report.requested": _("Report requested"),
                "reports.report.ready": _("Report prepared"),
                "reports.report.failed": _("Report could not be prepared"),
                "reports.report.published": _("Report published"),
                "reports.report.withdrawn": _("Report withdrawn from publication"),
                "reports.report.deleted": _("Report deleted"),
            }
        )
