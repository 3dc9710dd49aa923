"""Two-step sign-in: a TOTP authenticator app (django-otp) after the password.

- A user with a confirmed TOTP device is not signed in after the password: the sign-in page
  keeps the user as "pending" in the session (:data:`PENDING_KEY`) and the code step
  (``views/two_factor.py``) signs them in only with a right code, then marks the session
  verified with ``django_otp.login`` (``request.user.is_verified()``).
- Wrong codes count as failed sign-ins in django-axes (the same lockout as passwords, per user
  name and address) and are audited as ``core.2fa.failed``.
- :class:`TwoFactorMiddleware`: a signed-in user with a device whose session did not pass the
  code step answers it first; a user whose role requires two-step sign-in
  (``TWO_FACTOR_REQUIRED_ROLES``, and every superuser) and has no device is sent to set one up.
- Recovery codes are a django-otp static device: 10 single-use codes, replaced as a set.

Services here follow ``services.py``'s rules: keyword-only, atomic, audited.
"""

from __future__ import annotations

import re
import time
from base64 import b32encode
from urllib.parse import urlencode

import qrcode
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_login_failed
from django.core import checks
from django.db import transaction
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from esitlik.core.audit import audit_record
from esitlik.core.models import Membership, Role

# The user who gave the right password and still owes the code: {"user", "backend", "at"}.
PENDING_KEY = "esitlik_2fa_pending"
# How long the code step waits after the password, in seconds.
PENDING_SECONDS = 5 * 60
# Fresh recovery codes, kept in the session only until the person has saved them.
FRESH_CODES_KEY = "esitlik_2fa_recovery_codes"
RECOVERY_CODE_COUNT = 10

# Pages a signed-in user may open before answering the code step or setting up two-step
# sign-in; the setup page itself is open only to those who have no authenticator yet.
OPEN_URL_NAMES = {"logout", "set_language", "healthz", "two_factor_verify"}


# --- reading ---------------------------------------------------------------------------------


def confirmed_totp(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_required(user) -> bool:
    """Whether this user must use two-step sign-in: superusers, and members holding one of
    ``TWO_FACTOR_REQUIRED_ROLES`` in any municipality."""
    if user.is_superuser:
        return True
    roles = settings.TWO_FACTOR_REQUIRED_ROLES
    return bool(roles) and Membership.objects.filter(user=user, role__in=roles).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def secret_groups(device: TOTPDevice) -> str:
    """The secret as an authenticator app's "enter a key" wants it, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code, drawn here (no service)."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(device.config_url)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    size = len(matrix)
    path = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="220" '
        'height="220" role="img" aria-labelledby="qr-title" class="qr-code" '
        'shape-rendering="crispEdges"><title id="qr-title">{title}</title>'
        '<rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/>'
        "</svg>",
        size=size,
        title=_("QR code to scan with your authenticator app"),
        path=mark_safe(path),  # noqa: S308 — digits and the letters M, h, v, z only
    )


def format_recovery_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise_code(raw: str) -> str:
    return re.sub(r"[\s-]", "", raw or "").lower()


# --- writing ---------------------------------------------------------------------------------


def totp_pending_device(*, user) -> TOTPDevice:
    """The not-yet-confirmed device the setup page shows; the same one until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_enable(*, user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app. Returns the new recovery codes, or None
    when the code is wrong (nothing changes then)."""
    if device.user_id != user.pk or device.confirmed:
        return None
    if not device.verify_token(normalise_code(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    audit_record(action="core.2fa.enabled", actor=user, obj=user)
    return codes


@transaction.atomic
def two_factor_recovery_renew(*, user) -> list[str]:
    codes = _new_recovery_codes(user)
    audit_record(action="core.2fa.recovery_renewed", actor=user, obj=user)
    return codes


@transaction.atomic
def two_factor_disable(*, user, by=None) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(action="core.2fa.disabled", actor=by or user, obj=user)


def check_code(user, raw: str):
    """The device that accepts ``raw`` (six digits: the app; else a recovery code, used up),
    or None. Each attempt counts in django-otp's own throttling of the device too."""
    code = normalise_code(raw)
    if re.fullmatch(r"\d{6}", code):
        device = confirmed_totp(user)
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        return device if device.verify_token(code) else None


def record_failure(request, user) -> None:
    """A wrong code: audited, and counted by django-axes like a wrong password (it sets
    ``request.axes_locked_out`` when this was one failure too many)."""
    audit_record(action="core.2fa.failed", actor=user, obj=user)
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), "two_factor": True},
        request=request,
    )


def is_locked_out(request, user) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        # AxesMiddleware turns the response into the "sign-in paused" page.
        request.axes_locked_out = True
        request.axes_credentials = credentials
        return True
    return False


def pending_start(request, user) -> None:
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
        "at": time.time(),
    }


def pending_user(request):
    """The user who passed the password step in this session and still owes the code."""
    from django.contrib.auth import get_user_model

    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    return user, pending.get("backend")


# --- the gate --------------------------------------------------------------------------------


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.gate(request)
        return response or self.get_response(request)

    def gate(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if settings.STATIC_URL and request.path_info.startswith(settings.STATIC_URL):
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            name = None
        if name in OPEN_URL_NAMES:
            return None
        query = urlencode({"next": request.get_full_path()})
        if has_two_factor(user):
            # Signed in without the code step (a session from before the device was set up
            # in another browser): the code first.
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        if name == "two_factor_setup":
            return None
        if is_required(user):
            messages.warning(
                request,
                _(
                    "Your role gives you access to your municipality's people, plans and "
                    "audit log, so your account needs two-step sign-in. Set it up to continue."
                ),
            )
            return redirect(f"{reverse('two_factor_setup')}?{query}")
        return None


@checks.register(checks.Tags.security)
def check_required_roles(app_configs=None, **kwargs):
    known = set(Role.values)
    unknown = [role for role in settings.TWO_FACTOR_REQUIRED_ROLES if role not in known]
    if unknown:
        return [
            checks.Error(
                f"ESITLIK_2FA_REQUIRED_ROLES names unknown roles: {', '.join(unknown)}",
                hint=f"Use a comma-separated list of {', '.join(sorted(known))}, or none.",
                id="esitlik.E2FA",
            )
        ]
    return []
