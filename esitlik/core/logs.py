"""Logging filters named in ``LOGGING`` (esitlik/settings.py)."""

from __future__ import annotations

import logging

from django.utils.encoding import escape_uri_path


class DisallowedHostAsWarning(logging.Filter):
    """A request for a host not in ALLOWED_HOSTS as one WARNING line, without traceback.

    Django logs it to ``django.security.DisallowedHost`` at ERROR with the exception's
    traceback; on the internet such requests come from scanners many times a day and would
    drown real errors (and mail them to ADMINS). The line keeps Django's message, which names
    the refused host (quoted, so escaped), and adds the method and the path (percent-encoded
    again, so a path cannot start a forged line).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        request = getattr(record, "request", None)
        message = record.getMessage()
        if request is not None:
            method = str(getattr(request, "method", "") or "").encode("unicode_escape")
            path = escape_uri_path(getattr(request, "path", ""))
            message = f"{message} Request: {method.decode('ascii')} {path}"
        record.msg = message
        record.args = ()
        return True
