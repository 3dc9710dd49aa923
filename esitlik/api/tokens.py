"""Making, revoking and checking API tokens (every write audited)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from esitlik.api.models import ApiToken
from esitlik.core.audit import audit_record

TOKEN_PREFIX = "esk_"  # noqa: S105 (a marker every token starts with, not a secret)
PREFIX_LENGTH = 12  # "esk_" and eight characters of the secret
# last_used_at is written at most this often, so reading does not become a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def digest_of(raw: str) -> str:
    # The token has 256 bits of randomness: a plain SHA-256 cannot be brute-forced, and a
    # slow password hash would cost every API request.
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, membership, name: str, by) -> tuple[ApiToken, str]:
    """A new token for ``membership``; returns the row and the token, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        membership=membership, name=name.strip(), prefix=raw[:PREFIX_LENGTH], digest=digest_of(raw)
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
    """The active token ``raw`` names, with its membership; None for anything else."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("membership__municipality", "membership__directorate")
        .filter(digest=digest_of(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
    return token


def tokens_of(membership) -> list[ApiToken]:
    return list(ApiToken.objects.filter(membership=membership))
