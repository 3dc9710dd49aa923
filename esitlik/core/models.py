"""Tenants, their structure, who may do what in them, and the audit log."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized


class Municipality(models.Model):
    """A tenant. Every other record of the product belongs to exactly one municipality."""

    class Kind(models.TextChoices):
        METROPOLITAN = "metropolitan", _("Metropolitan municipality")
        PROVINCE = "province", _("Provincial municipality")
        DISTRICT = "district", _("District municipality")
        TOWN = "town", _("Town municipality")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=60,
        unique=True,
        help_text=_("Lower-case a–z without Turkish letters, digits and hyphens, e.g. ornek."),
    )
    province = models.CharField(_("province"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("From the address-based register.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Directorate(models.Model):
    """A unit of the municipal organisation: department, directorate or branch, as a tree."""

    class Level(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        DIRECTORATE = "directorate", _("Directorate")
        BRANCH = "branch", _("Branch")
        UNIT = "unit", _("Unit")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="directorates"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    name = models.JSONField(_("name"), help_text=_("Turkish name, with an English one if known."))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    code = models.CharField(
        _("code"), max_length=30, blank=True, help_text=_("Optional internal code.")
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"],
                condition=~models.Q(code=""),
                name="directorate_code_unique_per_municipality",
            )
        ]

    def __str__(self) -> str:
        return localized(self.name)

    def ancestors(self) -> list[Directorate]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


class Neighbourhood(models.Model):
    """A neighbourhood (mahalle) of the municipality: where stakeholders sit, where problems are
    raised and, later, the unit of the population figures. ``key`` is the name folded the
    Turkish way, so "KARŞIYAKA" and "Karşıyaka " are one neighbourhood, on every database."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="neighbourhoods"
    )
    name = models.CharField(_("name"), max_length=120)
    key = models.CharField(max_length=120, editable=False)
    district = models.CharField(
        _("district"),
        max_length=120,
        blank=True,
        help_text=_("For a metropolitan municipality: the district (ilçe) it lies in."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "district", "key"], name="neighbourhood_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.district})" if self.district else self.name


class Role(models.TextChoices):
    EQUALITY_ADMIN = "equality_admin", _("Equality unit admin")
    FOCAL_POINT = "focal_point", _("Focal point")
    COMMISSION_MEMBER = "commission_member", _("Commission member")
    MONITOR = "monitor", _("Monitor")
    NETWORK_COORDINATOR = "network_coordinator", _("Network coordinator")


class Membership(models.Model):
    """A user's role in one municipality. A user may hold memberships in several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_points",
        verbose_name=_("directorate"),
        help_text=_("Required for focal points: the directorate they act for."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="one_membership_per_user_and_municipality"
            ),
            models.CheckConstraint(
                condition=~models.Q(role="focal_point") | models.Q(directorate__isnull=False),
                name="focal_point_has_directorate",
            ),
        ]

    def __str__(self) -> str:
        return f"{person_name(self.user)} — {self.get_role_display()}"


class Network(models.Model):
    """A group of municipalities (e.g. a Women Friendly Cities network) whose published
    figures a network coordinator reads side by side."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    municipalities = models.ManyToManyField(Municipality, related_name="networks", blank=True)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def person_name(user) -> str:
    """How a person is named on pages and in the log: "Elif Yılmaz (yonetici)"."""
    full = user.get_full_name().strip()
    return f"{full} ({user.get_username()})" if full else user.get_username()


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """An admin's offer of a role in a municipality, sent by e-mail, accepted by link."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("directorate"),
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    # Empty for an invitation made from the command line (`esitlik create_admin --email`).
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class AuditEntry(models.Model):
    """One state change: who did what, when, to which object, with the changed values.

    Entries are only ever added. ``object_repr`` keeps a readable name so the log stays
    meaningful after the object is deleted.
    """

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor_repr = models.CharField(max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_repr} {self.action}"

    @property
    def actor_name(self) -> str:
        if self.actor is not None:
            return person_name(self.actor)
        return self.actor_repr or "—"


class RateCount(models.Model):
    """How many times one client did one limited thing in one fixed window (``ratelimit.py``).

    Kept in the database, not the per-process cache, so a limit holds across server workers.
    ``key`` is a keyed hash (never an address); a row is useless once its window has ended
    and ``esitlik upkeep`` deletes it.
    """

    key = models.CharField(max_length=200)
    window_start = models.BigIntegerField()  # epoch seconds
    window_end = models.BigIntegerField()  # epoch seconds, window_start + the period
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="rate_count_window")
        ]
        indexes = [models.Index(fields=["window_end"], name="rate_count_end")]

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.window_start}: {self.count}"
