"""Two-step sign-in pages: the code step after the password, setting up an authenticator
app, recovery codes, turning it off. The rules are in ``esitlik/core/two_factor.py``."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from esitlik.core import two_factor
from esitlik.core.audit import audit_record
from esitlik.core.two_factor import FRESH_CODES_KEY, PENDING_KEY


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class ConfirmForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from the app"),
        max_length=20,
        help_text=gettext_lazy("The 6 digits the app shows for esitlik after you add it."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class DisableForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = CodeForm.base_fields["code"]


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url("home")


def _locked(request) -> HttpResponse:
    # Replaced by AxesMiddleware with the "sign-in paused" page.
    request.session.pop(PENDING_KEY, None)
    return HttpResponse(status=429)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """The second step: the code from the app (or a recovery code) after the password."""
    user, backend = two_factor.pending_user(request)
    signed_in = False
    if user is None and request.user.is_authenticated:
        if request.user.is_verified() or not two_factor.has_two_factor(request.user):
            return redirect(_next_url(request))
        user, signed_in = request.user, True
    if user is None:
        messages.info(request, _("Sign in again: the code step waits five minutes at most."))
        return redirect("login")
    if two_factor.is_locked_out(request, user):
        return _locked(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.check_code(user, form.cleaned_data["code"])
        if device is None:
            two_factor.record_failure(request, user)
            if getattr(request, "axes_locked_out", False):
                return _locked(request)
            form.add_error(
                "code",
                _(
                    "That code is not right. Codes change every 30 seconds: type the one the "
                    "app shows now."
                ),
            )
        else:
            if not signed_in:
                request.session.pop(PENDING_KEY, None)
                auth_login(request, user, backend)
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                audit_record(action="core.2fa.recovery_used", actor=user, obj=user)
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; it cannot be used again. "
                        "Recovery codes left: %(left)s."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@never_cache
@login_required
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Set up an authenticator app (QR code or the key typed in), or, once set up, its state
    with recovery codes and the way to turn it off."""
    user = request.user
    required = two_factor.is_required(user)
    if two_factor.has_two_factor(user):
        return render(
            request,
            "registration/two_factor_status.html",
            {
                "codes_left": two_factor.recovery_codes_left(user),
                "disable_form": DisableForm(),
                "required": required,
            },
        )
    device = two_factor.totp_pending_device(user=user)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.two_factor_enable(
            user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is None:
            form.add_error(
                "code",
                _(
                    "That code is not right. Check that the app shows esitlik with your user "
                    "name, and type the code it shows now."
                ),
            )
        else:
            otp_login(request, device)
            request.session[FRESH_CODES_KEY] = codes
            messages.success(request, _("Two-step sign-in is on."))
            return _with_next(redirect("two_factor_recovery"), request)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr": two_factor.qr_svg(device),
            "secret": two_factor.secret_groups(device),
            "required": required,
            "next": _next_url(request),
        },
    )


def _with_next(response, request):
    target = _next_url(request)
    if target != resolve_url("home"):
        response["Location"] += "?" + urlencode({"next": target})
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_recovery(request):
    """The recovery codes just made, shown once; or a way to make a new set."""
    user = request.user
    if not two_factor.has_two_factor(user):
        return redirect("two_factor_setup")
    if request.method == "POST":
        if request.POST.get("action") == "renew":
            request.session[FRESH_CODES_KEY] = two_factor.two_factor_recovery_renew(user=user)
            messages.success(request, _("New recovery codes made; the old ones no longer work."))
            return _with_next(redirect("two_factor_recovery"), request)
        request.session.pop(FRESH_CODES_KEY, None)
        return redirect(_next_url(request))
    codes = request.session.get(FRESH_CODES_KEY) or []
    return render(
        request,
        "registration/two_factor_recovery.html",
        {
            "codes": [two_factor.format_recovery_code(code) for code in codes],
            "codes_left": two_factor.recovery_codes_left(user),
            "next": _next_url(request),
        },
    )


@never_cache
@login_required
def two_factor_recovery_download(request):
    codes = request.session.get(FRESH_CODES_KEY)
    if not codes or not two_factor.has_two_factor(request.user):
        raise Http404
    lines = [
        _("esitlik recovery codes for %(user)s") % {"user": request.user.get_username()},
        _("Each code works once, when your authenticator app is not at hand."),
        "",
        *(two_factor.format_recovery_code(code) for code in codes),
        "",
    ]
    response = HttpResponse("\r\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="esitlik-recovery-codes.txt"'
    return response


@never_cache
@login_required
@sensitive_post_parameters("password", "code")
@require_POST
def two_factor_disable(request):
    """Turn two-step sign-in off: the password and a code, both right."""
    user = request.user
    if not two_factor.has_two_factor(user):
        return redirect("two_factor_setup")
    if two_factor.is_locked_out(request, user):
        return HttpResponse(status=429)
    form = DisableForm(request.POST)
    if form.is_valid():
        password_ok = user.check_password(form.cleaned_data["password"])
        device = two_factor.check_code(user, form.cleaned_data["code"]) if password_ok else None
        if device is not None:
            two_factor.two_factor_disable(user=user)
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            request.session.pop(FRESH_CODES_KEY, None)
            messages.success(request, _("Two-step sign-in is off."))
            return redirect("two_factor_setup")
        two_factor.record_failure(request, user)
        if getattr(request, "axes_locked_out", False):
            return HttpResponse(status=429)
        form.add_error(None, _("The password or the code is not right."))
    return render(
        request,
        "registration/two_factor_status.html",
        {
            "codes_left": two_factor.recovery_codes_left(user),
            "disable_form": form,
            "required": two_factor.is_required(user),
        },
        status=400,
    )
