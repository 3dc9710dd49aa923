"""How long personal data is kept: applied by ``esitlik upkeep`` (one call, :func:`retain`).

Each period is a setting (``docs/configuration.md``); 0 turns that rule off.

- Audit log IP addresses (``RETAIN_AUDIT_IP_DAYS``): blanked; the entry stays.
- Declined citizens' messages (``RETAIN_DECLINED_INPUT_DAYS``): an input sent through the
  portal's form and not taken into the plan has its text replaced by a note once that long
  has passed since the decision; its reference, kind, neighbourhood, decision and reason stay.
- API tokens' last use (``RETAIN_TOKEN_LAST_USED_DAYS``): forgotten on tokens revoked or
  expired that long ago.
- Sign-in records of django-axes (``RETAIN_LOGIN_RECORDS_DAYS``: user name, address and
  browser of every sign-in and failed one): deleted.
- Expired sessions: deleted (Django's ``clearsessions``).

Rate-limit counts and unconfirmed uploads have their own rules (``core.ratelimit.purge``,
``datasets.upkeep``). One audit entry per run that changed something gives the counts.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esitlik.api.models import ApiToken
from esitlik.core.audit import audit_record
from esitlik.core.models import AuditEntry
from esitlik.participation.models import Input


def declined_note() -> str:
    return _("[The message was removed when its retention period ended.]")


def _cutoff(now, days: int):
    return now - timedelta(days=days) if days and days > 0 else None


@transaction.atomic
def retain(now=None) -> dict[str, int]:
    now = now or timezone.now()
    done: dict[str, int] = {}
    cutoff = _cutoff(now, settings.RETAIN_AUDIT_IP_DAYS)
    if cutoff:
        done["audit_ip_addresses"] = AuditEntry.objects.filter(
            created_at__lt=cutoff, ip_address__isnull=False
        ).update(ip_address=None)
    cutoff = _cutoff(now, settings.RETAIN_DECLINED_INPUT_DAYS)
    if cutoff:
        with translation.override(settings.LANGUAGE_CODE):
            note = declined_note()
        done["declined_input_texts"] = (
            Input.objects.filter(
                channel=Input.Channel.PORTAL,
                status=Input.Status.NOT_TAKEN,
                decided_at__lt=cutoff,
            )
            .exclude(text=note)
            .update(text=note)
        )
    cutoff = _cutoff(now, settings.RETAIN_TOKEN_LAST_USED_DAYS)
    if cutoff:
        done["token_last_used"] = (
            ApiToken.objects.filter(last_used_at__isnull=False)
            .filter(Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff))
            .update(last_used_at=None)
        )
    cutoff = _cutoff(now, settings.RETAIN_LOGIN_RECORDS_DAYS)
    if cutoff:
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        done["login_records"] = sum(
            model.objects.filter(attempt_time__lt=cutoff).delete()[0]
            for model in (AccessLog, AccessFailureLog, AccessAttempt)
        )
    done["expired_sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    changed = {key: n for key, n in done.items() if n and key != "expired_sessions"}
    if changed:
        audit_record(
            action="privacy.retention.applied",
            changes={key: {"old": None, "new": n} for key, n in changed.items()},
        )
    return done
