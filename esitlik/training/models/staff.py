"""The municipality's staff as far as training needs them: who a trained person is (personal
data, seen only inside the municipality), the role categories figures are broken down by,
and the size of the workforce that coverage is measured against."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.sex import Sex


class RoleCategory(models.Model):
    """A rung of the organisation training figures are counted by: department head, branch
    manager, unit staff… Each municipality keeps its own list; every new one starts with
    the five of ``training.staff.DEFAULT_ROLE_CATEGORIES``."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="role_categories"
    )
    name = models.JSONField(_("name"))
    # The Turkish name folded (tr_casefold): how sign-in sheets are matched to a category.
    key = models.CharField(max_length=120, editable=False)
    position = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("role category")
        verbose_name_plural = _("role categories")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="role_category_unique")
        ]

    def __str__(self) -> str:
        return localized(self.name)


class StaffMember(models.Model):
    """One person working for the municipality who attended, or gives, a training. Personal
    data: shown only to members with ``view_staff`` and never published; figures leave the
    unit as counts."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="staff_members"
    )
    name = models.CharField(_("name and surname"), max_length=150)
    # The name folded (tr_casefold), for matching a sign-in sheet's "AYŞE YILMAZ".
    name_key = models.CharField(max_length=150, editable=False, db_index=True)
    staff_number = models.CharField(
        _("staff number"),
        max_length=30,
        blank=True,
        help_text=_("The municipality's registration number (sicil no), if known."),
    )
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_members",
        verbose_name=_("directorate"),
    )
    role_category = models.ForeignKey(
        RoleCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_members",
        verbose_name=_("role category"),
    )
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, default=Sex.NOT_STATED)
    is_active = models.BooleanField(
        _("still works here"),
        default=True,
        help_text=_("Untick when the person leaves; their training stays on record."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("staff person")
        verbose_name_plural = _("staff")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "staff_number"],
                condition=~models.Q(staff_number=""),
                name="staff_number_unique_per_municipality",
            )
        ]

    def __str__(self) -> str:
        return self.name


class WorkforceFigure(models.Model):
    """How many people work in a role category in a year, by sex: the denominator of
    training coverage, typed in by the equality unit until the data engine's workforce
    snapshots provide it."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="workforce_figures"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    role_category = models.ForeignKey(
        RoleCategory,
        on_delete=models.CASCADE,
        related_name="workforce_figures",
        verbose_name=_("role category"),
    )
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    other = models.PositiveIntegerField(_("other or not stated"), default=0)

    class Meta:
        verbose_name = _("workforce figure")
        verbose_name_plural = _("workforce figures")
        ordering = ["-year", "role_category__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "role_category"], name="workforce_figure_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.role_category}"

    @property
    def total(self) -> int:
        return self.women + self.men + self.other
