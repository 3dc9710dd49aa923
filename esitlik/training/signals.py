"""Every new municipality starts with the default role categories (``staff.py``)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from esitlik.core.models import Municipality


@receiver(post_save, sender=Municipality, dispatch_uid="training_role_categories_seed")
def seed_role_categories(sender, instance: Municipality, created: bool, raw=False, **kwargs):
    if created and not raw:
        from esitlik.training.staff import role_categories_seed

        role_categories_seed(instance)
