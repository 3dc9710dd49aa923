"""One rendered copy of each public page, shared by every visitor.

A public page is the same for everyone who is not signed in: published content only, no
CSRF token (the language switch is a GET), no name in the header. So the first visitor's page
is kept and served to the next ones until the public content changes (``portal.edition``),
the day changes (deadlines and "late" marks depend on it) or ``TIMEOUT`` passes.

The copies live in each server worker's memory: reading one costs no database round trip
beyond the edition's number, and a change retires them all because the key carries that
number. A signed-in visitor, or one with a message waiting, gets a page made for them."""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils import timezone, translation

from esitlik.portal import edition

# A safety net only: an edition change retires a page long before.
TIMEOUT = 600
_pages = LocMemCache("esitlik-portal-pages", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 3000}})


def clear() -> None:
    _pages.clear()


def _shared(request) -> bool:
    """Whether this visitor gets the page everyone gets."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    language = translation.get_language()
    return f"{edition.current()}:{timezone.localdate().isoformat()}:{language}:{path}"


def _keepable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def public_page(view):
    """Serve the view's answer from the shared copy when there is one, and keep it when not."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        if not _shared(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        kept = _pages.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _keepable(request, response):
            _pages.set(key, (response.content, list(response.headers.items())))
        return response

    return serve
