"""One error body for every refusal the API gives:

``{"error": {"code": …, "message": …, "details": [{"field"/"row"/"column", "value", "problem"}]}}``

The message is in the request's language. A missing object and another municipality's object
give the same 404 body, so a refusal reveals nothing.
"""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details=()):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, list(details)


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Not found."))


def forbidden() -> ApiError:
    return ApiError(403, "forbidden", _("Your token's role does not allow this."))


def error_response(status: int, code: str, message: str, details=()) -> JsonResponse:
    body = {"error": {"code": code, "message": str(message), "details": list(details)}}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _value(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def validation_details(errors) -> list[dict]:
    details = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        # ninja puts where the value came from first ("query", "body", "path"), then the
        # parameter's own name for a body; the field is what the client wrote.
        if location and location[0] in {"query", "path", "body", "header", "cookie", "form"}:
            location = location[1:]
        if location and location[0] == "payload":
            location = location[1:]
        details.append(
            {
                "field": ".".join(location),
                "value": _value(error.get("input")) if "input" in error else None,
                "problem": error.get("msg", ""),
            }
        )
    return details


def install(api) -> None:
    """Give ``api`` handlers for every exception it may meet, all with the one body."""

    @api.exception_handler(ApiError)
    def _api_error(request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.details)

    @api.exception_handler(NinjaValidationError)
    def _invalid(request, exc: NinjaValidationError):
        return error_response(
            422, "invalid", _("The request is not valid."), validation_details(exc.errors)
        )

    @api.exception_handler(DjangoValidationError)
    def _refused(request, exc: DjangoValidationError):
        if hasattr(exc, "error_dict"):
            details = [
                {"field": "" if field == "__all__" else field, "value": None, "problem": message}
                for field, errors in exc.error_dict.items()
                for error in errors
                for message in error.messages
            ]
        else:
            details = [{"field": "", "value": None, "problem": m} for m in exc.messages]
        return error_response(422, "invalid", _("The request is not valid."), details)

    @api.exception_handler(AuthenticationError)
    def _unauthorized(request, exc):
        response = error_response(
            401, "unauthorized", _("A valid API token is needed: Authorization: Bearer <token>.")
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Throttled)
    def _throttled(request, exc: Throttled):
        response = error_response(429, "rate_limited", _("Too many requests. Try again later."))
        if exc.wait:
            response["Retry-After"] = str(math.ceil(exc.wait))
        return response

    @api.exception_handler(HttpError)
    def _http_error(request, exc: HttpError):
        if exc.status_code == 400:
            return error_response(400, "bad_request", _("The request could not be read."))
        return error_response(exc.status_code, "error", str(exc))

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return error_response(404, "not_found", _("Not found."))

    @api.exception_handler(PermissionDenied)
    def _forbidden(request, exc):
        return error_response(403, "forbidden", _("Your token's role does not allow this."))
