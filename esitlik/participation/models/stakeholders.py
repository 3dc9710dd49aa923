from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality, Neighbourhood


class Stakeholder(models.Model):
    """An organisation the equality unit works with: an NGO, a university, a headman's office,
    a union. Organisations, not people: people appear only as optional contacts with consent."""

    class Kind(models.TextChoices):
        PUBLIC = "public", _("Public institution")
        NGO = "ngo", _("NGO")
        WOMENS_ORGANISATION = "women", _("Women's organisation")
        UNIVERSITY = "university", _("University")
        BAR = "bar", _("Bar association")
        UNION = "union", _("Union")
        INTERNATIONAL = "international", _("International organisation")
        HEADMAN = "headman", _("Neighbourhood headman (muhtar)")
        CHAMBER = "chamber", _("Professional chamber")
        PRIVATE = "private", _("Private sector")
        CITY_COUNCIL = "city_council", _("City council / women's assembly")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="stakeholders"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stakeholders",
        verbose_name=_("neighbourhood"),
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """A person to reach at a stakeholder. Kept only with their recorded consent (KVKK art. 5):
    when they withdraw it, the record is erased, not hidden."""

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_date = models.DateField(_("consent given on"))
    consent_purpose = models.CharField(
        _("purpose of the consent"),
        max_length=300,
        help_text=_("What the person agreed to, e.g. invitations to plan meetings."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
