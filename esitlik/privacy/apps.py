from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "esitlik.privacy"
    label = "privacy"
    verbose_name = _("Personal data (KVKK)")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "privacy.consent.recorded": _("Consent recorded"),
                "privacy.consent.withdrawn": _("Consent withdrawn"),
                "privacy.request.created": _("Personal data request recorded"),
                "privacy.request.answered": _("Personal data request answered"),
                "privacy.person.exported": _("A person's data exported"),
                "privacy.person.erased": _("A person's data erased"),
                "privacy.retention.applied": _("Retention periods applied"),
            }
        )
