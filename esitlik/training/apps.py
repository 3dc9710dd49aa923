from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "esitlik.training"
    label = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from esitlik.core.audit import register_actions
        from esitlik.training import signals  # noqa: F401  (connects the receivers)

        register_actions(
            {
                "training.role_category.created": _("Role category added"),
                "training.role_category.updated": _("Role category updated"),
                "training.role_category.deleted": _("Role category deleted"),
                "training.staff.created": _("Staff person added"),
                "training.staff.updated": _("Staff person updated"),
                "training.workforce.set": _("Workforce figures entered"),
                "training.programme.created": _("Training programme added"),
                "training.programme.updated": _("Training programme updated"),
                "training.session.created": _("Training session recorded"),
                "training.session.updated": _("Training session updated"),
                "training.attendance.added": _("Attendance recorded"),
                "training.attendance.removed": _("Attendance removed"),
                "training.attendance.imported": _("Attendance list imported"),
                "training.trainer.created": _("Trainer added to the pool"),
                "training.trainer.updated": _("Trainer updated"),
                "training.certification.added": _("Trainer certification added"),
                "training.certification.updated": _("Trainer certification updated"),
                "training.certification.deleted": _("Trainer certification deleted"),
            }
        )
