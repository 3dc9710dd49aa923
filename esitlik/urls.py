from django.urls import include, path

from esitlik.core.views.language import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("esitlik.core.urls")),
    path("", include("esitlik.frameworks.urls")),
    path("", include("esitlik.plans.urls")),
    path("", include("esitlik.participation.urls")),
    path("", include("esitlik.training.urls")),
    path("", include("esitlik.datasets.urls")),
    path("", include("esitlik.reports.urls")),
    path("", include("esitlik.api.urls")),
    path("", include("esitlik.network.urls")),
    path("", include("esitlik.portal.urls")),
    path("", include("esitlik.privacy.urls")),
]

handler403 = "esitlik.core.views.errors.permission_denied"
handler404 = "esitlik.core.views.errors.page_not_found"
