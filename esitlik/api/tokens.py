"""Making, revoking and checking API tokens (every write audited)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.api.models import ApiToken
from esitlik.core.audit import audit_record

TOKEN_PREFIX = "esk_"  # noqa: S105 (a marker every token starts with, not a secret)
PREFIX_LENGTH = 12  # "esk_" and eight characters of the secret
# last_used_at is written at most this often, so reading does not become a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)
# How long a new token lives, in days: a token cannot be made to live for ever, and a year is
# the most (a leaked token stops working by itself; the system using it gets a new one).
LIFETIMES = (30, 90, 180, 365)
DEFAULT_LIFETIME = 90


def digest_of(raw: str) -> str:
    # The token has 256 bits of randomness: a plain SHA-256 cannot be brute-forced, and a
    # slow password hash would cost every API request.
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(
    *, membership, name: str, by, lifetime_days: int = DEFAULT_LIFETIME
) -> tuple[ApiToken, str]:
    """A new token for ``membership``, valid for ``lifetime_days`` (one of ``LIFETIMES``);
    returns the row and the token, which is never stored."""
    if lifetime_days not in LIFETIMES:
        raise ValidationError(
            {
                "lifetime": _("Choose a lifetime of %(days)s days.")
                % {"days": ", ".join(str(days) for days in LIFETIMES)}
            }
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        membership=membership,
        name=name.strip(),
        prefix=raw[:PREFIX_LENGTH],
        digest=digest_of(raw),
        expires_at=timezone.now() + timedelta(days=lifetime_days),
    )
    token.full_clean()
    token.save()
    audit_record(
        action="api.token.created",
        actor=by,
        municipality=membership.municipality,
        obj=token,
        changes={
            "name": {"old": None, "new": token.name},
            "prefix": {"old": None, "new": token.prefix},
        },
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Revoke ``token`` from now on; revoking a revoked token changes nothing."""
    token = (
        ApiToken.objects.select_for_update()
        .select_related("membership__municipality")
        .get(pk=token.pk)
    )
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        action="api.token.revoked",
        actor=by,
        municipality=token.membership.municipality,
        obj=token,
        changes={"revoked_at": {"old": None, "new": token.revoked_at.isoformat()}},
    )
    return token


def token_authenticate(raw: str) -> ApiToken | None:
    """The active token ``raw`` names, with its membership; None for anything else: unknown,
    revoked and expired tokens are all alike to the caller."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("membership__municipality", "membership__directorate")
        .filter(digest=digest_of(raw), revoked_at__isnull=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
    return token


def tokens_of(membership) -> list[ApiToken]:
    return list(ApiToken.objects.filter(membership=membership))
