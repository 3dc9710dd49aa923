import functools

from django.http import JsonResponse
from django.urls import URLPattern, path, re_path, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from esitlik.api import views
from esitlik.api.api import api
from esitlik.api.errors import error_response


def in_request_language(view):
    """Answer in the language the client asks for: the language cookie, else Accept-Language
    (a program has no language switch), else Turkish. The site's pages ignore
    Accept-Language on purpose (core.middleware.TurkishFirstLocaleMiddleware)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        language = translation.get_language_from_request(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return view(request, *args, **kwargs)

    return wrapped


def _localised(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = in_request_language(pattern.callback)
        else:
            _localised(pattern.url_patterns)
    return patterns


api_patterns, api_app, api_namespace = api.urls
_localised(api_patterns)


@in_request_language
def api_not_found(request, rest=""):
    """Any other address under /api/v1/: the API's 404 body, not the site's page."""
    return error_response(404, "not_found", _("Not found."))


@in_request_language
def api_index(request):
    """/api/v1/ itself: where the document and the documentation are."""
    return JsonResponse(
        {
            "openapi": request.build_absolute_uri(reverse("api-v1:openapi-json")),
            "docs": request.build_absolute_uri(reverse("api-v1:openapi-view")),
        }
    )


urlpatterns = [
    path("m/<slug:slug>/api-tokens/", views.token_list, name="api_token_list"),
    path(
        "m/<slug:slug>/api-tokens/<int:token_id>/revoke/",
        views.token_revoke_view,
        name="api_token_revoke",
    ),
    path("api/v1/", api_index, name="api_index"),
    path("api/v1/", (api_patterns, api_app, api_namespace)),
    re_path(r"^api/v1/(?P<rest>.*)$", api_not_found, name="api_not_found"),
]
