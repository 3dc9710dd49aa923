from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatasetsConfig(AppConfig):
    name = "esitlik.datasets"
    label = "datasets"
    verbose_name = _("Datasets")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "datasets.service.created": _("Service added to the catalogue"),
                "datasets.service.updated": _("Service updated"),
                "datasets.import.landed": _("Data imported"),
                "datasets.import.failed": _("Data import refused"),
                "datasets.import.withdrawn": _("Data import withdrawn"),
                "datasets.mapping.saved": _("Column mapping remembered"),
                "datasets.mapping.forgotten": _("Remembered column mapping forgotten"),
                "datasets.expectation.created": _("Expected data added"),
                "datasets.expectation.updated": _("Expected data updated"),
                "datasets.expectation.deleted": _("Expected data removed"),
                "datasets.indicator_source.set": _("Indicator's data source set"),
                "datasets.indicator_source.removed": _("Indicator's data source removed"),
                "datasets.dimension.created": _("Extra dimension added"),
                "datasets.dimension.updated": _("Extra dimension updated"),
                "datasets.dimension.deleted": _("Extra dimension removed"),
            }
        )
