"""Two-step sign-in helpers for tests: an authenticator app's device for a user, and the code
the app would show (computed with django-otp's own TOTP, as a phone would)."""

from __future__ import annotations

import time

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def give_authenticator(user) -> TOTPDevice:
    """The user's confirmed authenticator device, made if missing (no audit entry: set-up
    for a test, not a thing the user did)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def app_code(device: TOTPDevice) -> str:
    """The code the app shows now, or the next one when the current one was already used
    (a device accepts each time step once; it tolerates one step ahead)."""
    device.refresh_from_db()
    while True:
        step = int((time.time() - device.t0) // device.step)
        if device.last_t < step:
            drift = 0
        elif device.last_t == step:
            drift = 1
        else:
            time.sleep(1)
            continue
        return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def sign_in_through_the_forms(client, user, password: str):
    """Both steps through the real pages, as a person would: the password, then (for a user
    with an authenticator or whose role requires one) the code. Returns the last response."""
    from django.urls import reverse

    from esitlik.core.two_factor import has_two_factor, is_required

    device = give_authenticator(user) if has_two_factor(user) or is_required(user) else None
    response = client.post(
        reverse("login"), {"username": user.get_username(), "password": password}
    )
    if device is not None:
        response = client.post(reverse("two_factor_verify"), {"code": app_code(device)})
    return response
