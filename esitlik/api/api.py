"""The versioned JSON API: ``/api/v1/``, its OpenAPI 3.1 document and interactive docs."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from esitlik.api import errors, private, public
from esitlik.api.parsing import StrictParser
from esitlik.api.throttle import ApiThrottle


class LocalSwagger(Swagger):
    """Swagger UI served from the site's own static files (no CDN)."""

    def render_page(self, request, api, **kwargs):
        config = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html", {"api": api, "swagger_settings": config})


api = NinjaAPI(
    title="esitlik API",
    version="1.0.0",
    description=str(
        _(
            "Published data of every municipality without a token; the token's municipality, "
            "as far as its holder's role allows, with a token. See docs/api.md."
        )
    ),
    urls_namespace="api-v1",
    # validatorUrl None: Swagger UI would otherwise ask validator.swagger.io for a badge.
    docs=LocalSwagger(settings={"validatorUrl": None}),
    docs_url="/docs",
    openapi_url="/openapi.json",
    throttle=[ApiThrottle()],
    parser=StrictParser(),
)
errors.install(api)
api.add_router("/", public.router)
api.add_router("/", private.router)
