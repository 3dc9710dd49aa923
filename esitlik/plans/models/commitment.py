"""The municipality's commitment: Charter signature, equality unit and equality commission."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Directorate, Municipality
from esitlik.frameworks.models import Framework

# The Charter asks a signatory to adopt its first equality action plan within two years.
FIRST_PLAN_YEARS = 2


class Commitment(models.Model):
    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="commitment"
    )
    charter_signed_on = models.DateField(_("Charter signed on"), null=True, blank=True)
    charter_version = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "charter", "municipality__isnull": True},
        verbose_name=_("Charter text followed"),
    )
    council_decision_no = models.CharField(
        _("council decision number"),
        max_length=50,
        blank=True,
        help_text=_("As written on the decision, e.g. 2021/45."),
    )
    council_decision_date = models.DateField(_("council decision date"), null=True, blank=True)

    unit_established = models.BooleanField(_("equality unit established"), default=False)
    unit_since = models.DateField(_("equality unit since"), null=True, blank=True)
    unit_directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("where the unit sits"),
    )
    unit_staff = models.PositiveSmallIntegerField(_("unit staff"), null=True, blank=True)

    commission_exists = models.BooleanField(_("equality commission exists"), default=False)
    commission_since = models.DateField(_("commission since"), null=True, blank=True)
    commission_women = models.PositiveSmallIntegerField(_("women members"), null=True, blank=True)
    commission_men = models.PositiveSmallIntegerField(_("men members"), null=True, blank=True)
    commission_legal_basis = models.CharField(
        _("legal basis of the commission"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Law 5393 art. 24 and the council decision that set it up."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("commitment record")
        verbose_name_plural = _("commitment records")

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def first_plan_due(self) -> date | None:
        signed = self.charter_signed_on
        if signed is None:
            return None
        try:
            return signed.replace(year=signed.year + FIRST_PLAN_YEARS)
        except ValueError:  # signed on 29 February
            return signed.replace(year=signed.year + FIRST_PLAN_YEARS, day=28)

    @property
    def commission_women_share(self) -> float | None:
        women, men = self.commission_women, self.commission_men
        if women is None or men is None or women + men == 0:
            return None
        return women / (women + men)
