from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "esitlik.frameworks"
    label = "frameworks"
    verbose_name = _("Reference frameworks")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "frameworks.tag_set.created": _("Tag set created"),
                "frameworks.tag_set.updated": _("Tag set updated"),
                "frameworks.tag.created": _("Tag added"),
                "frameworks.tag.updated": _("Tag updated"),
            }
        )
