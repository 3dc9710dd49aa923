"""Security headers on every response: a strict Content Security Policy and its companions.

Django 5.2 has no Content Security Policy of its own (Django 6 has), and the policy is small,
so it is written here rather than taken from a package. ``SecurityHeadersMiddleware`` sets:

- ``Content-Security-Policy``: ``POLICY`` below. Scripts and styles come only from our own
  files; no inline script, no inline event handler, no ``style="…"`` attribute, no ``eval``.
- ``Cross-Origin-Opener-Policy: same-origin`` and ``Permissions-Policy`` (no camera,
  microphone, geolocation and the like: the site uses none of them).

``X-Frame-Options: DENY`` (XFrameOptionsMiddleware), ``X-Content-Type-Options: nosniff`` and
``Referrer-Policy`` (SecurityMiddleware) stay as Django sets them.

A view may widen the policy for its own responses only, in two ways, each listed in
docs/security.md ("Headers and Content Security Policy"):

- ``@csp_relax(...)`` adds sources to directives, and records the view in ``RELAXED`` so the
  tests can check that nothing is relaxed that the documentation does not list.
- ``allow_style(response, css)`` allows one exact ``<style>`` element the server wrote, by its
  SHA-256 (the print pages' running headers, which are per document).

A view that sets its own ``Content-Security-Policy`` header (a download served with
``sandbox``) keeps it.
"""

from __future__ import annotations

import base64
import functools
import hashlib

HEADER = "Content-Security-Policy"

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'none'",),
    "frame-ancestors": ("'none'",),
    "form-action": ("'self'",),
}

# Powerful browser features the site never uses, switched off for every page and frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

# A file served as an attachment that must never run as a page of the site even if a browser
# shows it: no script, no forms, no same-origin access; its own inline styles and data images.
SANDBOXED_FILE_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

# "module.view" -> the sources it adds, filled by @csp_relax at import time.
RELAXED: dict[str, dict[str, tuple[str, ...]]] = {}

_EXTRA = "_csp_extra"


def policy_text(extra: dict[str, tuple[str, ...]] | None = None) -> str:
    """The policy as a header value, with ``extra`` sources added to their directives."""
    extra = extra or {}
    parts = []
    for directive, sources in POLICY.items():
        added = tuple(source for source in extra.get(directive, ()) if source not in sources)
        parts.append(" ".join((directive, *sources, *added)))
    return "; ".join(parts)


def _add(response, directive: str, sources) -> None:
    extra = getattr(response, _EXTRA, None)
    if extra is None:
        extra = {}
        setattr(response, _EXTRA, extra)
    extra[directive] = tuple(dict.fromkeys((*extra.get(directive, ()), *sources)))


def csp_relax(**directives: tuple[str, ...] | list[str]):
    """Add sources to directives for this view's responses only: ``script_src=["'unsafe-eval'"]``.

    Every use must be explained in docs/security.md; tests/core/test_security_headers.py
    compares ``RELAXED`` with the list there.
    """
    added = {name.replace("_", "-"): tuple(sources) for name, sources in directives.items()}
    unknown = set(added) - set(POLICY)
    if unknown:
        raise ValueError(f"unknown CSP directive(s): {', '.join(sorted(unknown))}")

    def decorate(view):
        RELAXED[f"{view.__module__}.{view.__qualname__}"] = added

        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            response = view(*args, **kwargs)
            for directive, sources in added.items():
                _add(response, directive, sources)
            return response

        return wrapped

    return decorate


def style_hash(css: str) -> str:
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def allow_style(response, css: str):
    """Allow exactly one ``<style>`` element whose text is ``css`` on this response."""
    _add(response, "style-src", (style_hash(css),))
    return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = policy_text(getattr(response, _EXTRA, None))
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
