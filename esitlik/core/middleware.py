from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from esitlik.core.audit import request_ip


def client_ip(request) -> str | None:
    """The visitor's address, as the audit log and the sign-in lockout see it.

    Behind a trusted proxy (``ESITLIK_BEHIND_PROXY``) every request comes from the proxy, so
    the address is the last one the proxy appended to X-Forwarded-For; earlier entries are
    whatever the client claimed and cannot be trusted.
    """
    if settings.BEHIND_PROXY:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    """Makes the client address available to audit_record without passing requests around."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            request_ip.reset(token)


class TurkishFirstLocaleMiddleware(LocaleMiddleware):
    """Turkish unless the visitor chose otherwise with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a clerk whose
    browser happens to be set to English would land in English. Turkish is the product's
    language; English is a choice, remembered in the language cookie.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        codes = {code for code, _name in settings.LANGUAGES}
        translation.activate(chosen if chosen in codes else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
