from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Membership


class ApiToken(models.Model):
    """A member's key to the API, acting with that membership's municipality and role.

    Only the SHA-256 of the token is kept: the token itself is shown once, when it is made.
    The prefix (the token's first characters) lets its holder tell their tokens apart. A token
    goes with its membership: removing the member removes their tokens.
    """

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. the system using it.")
    )
    prefix = models.CharField(_("prefix"), max_length=16)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # Set when the token is made (its lifetime, at most a year); from then on it is refused
    # exactly as a revoked one. Tokens made before expiry existed were given one by the
    # migration (0002), so none is left without; null would mean "does not expire".
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        # Also the rate limit's key (ninja hashes str(request.auth)): unique per token.
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired
