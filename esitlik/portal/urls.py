"""Addresses of the public portal: ``/p/`` and everything of one municipality under
``/p/<slug>/``. None needs a sign-in; each shows published content only."""

from django.urls import include, path

from esitlik.portal import views

municipality_urls = [
    path("", views.portal_home, name="portal_home"),
    path("plan/", views.portal_plan, name="portal_plan"),
    path("indicators/", views.portal_indicators, name="portal_indicators"),
    path(
        "indicators/<int:indicator_id>/chart.svg",
        views.portal_indicator_chart,
        name="portal_indicator_chart",
    ),
    path("reports/", views.portal_reports, name="portal_reports"),
    path(
        "reports/<int:report_id>/<str:format>/",
        views.portal_report_download,
        name="portal_report_download",
    ),
    path("heard/", views.portal_inputs, name="portal_inputs"),
    path("send/", views.portal_send, name="portal_send"),
    path("send/<str:reference>/", views.portal_sent, name="portal_sent"),
    path("figures/", views.portal_figures, name="portal_figures"),
    path("data/", views.portal_data, name="portal_data"),
    path("data/datapackage.json", views.portal_datapackage, name="portal_datapackage"),
    path("data/<slug:table>.csv", views.portal_data_csv, name="portal_data_csv"),
    path("data/<slug:table>.json", views.portal_data_json, name="portal_data_json"),
]

urlpatterns = [
    path("p/", views.portal_index, name="portal_index"),
    path("p/<slug:slug>/", include(municipality_urls)),
]
