from django.conf import settings

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
