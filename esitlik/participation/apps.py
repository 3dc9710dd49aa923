from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "esitlik.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions

        register_actions(
            {
                "participation.stakeholder.created": _("Stakeholder added"),
                "participation.stakeholder.updated": _("Stakeholder updated"),
                "participation.contact.added": _("Contact person added with consent"),
                "participation.contact.erased": _("Contact person erased"),
                "participation.event.created": _("Event recorded"),
                "participation.event.updated": _("Event updated"),
                "participation.attachment.added": _("Event attachment added"),
                "participation.input.created": _("Input recorded"),
                "participation.input.updated": _("Input updated"),
                "participation.input.decided": _("Decision on an input"),
                "participation.input.deleted": _("Input deleted"),
                "participation.imported": _("Participation records imported"),
                "participation.contacts.exported": _("Contact people exported"),
            }
        )
