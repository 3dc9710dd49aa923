"""Addresses of the reports app, all under ``m/<slug>/reports/``."""

from django.urls import include, path

from esitlik.reports import views

report_urls = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_new, name="report_new"),
    path("<int:report_id>/", views.report_detail, name="report_detail"),
    path("<int:report_id>/progress/", views.report_progress, name="report_progress"),
    path("<int:report_id>/status.json", views.report_status, name="report_status"),
    path("<int:report_id>/read/", views.report_read, name="report_read"),
    path(
        "<int:report_id>/download/<str:format>/",
        views.report_download,
        name="report_download",
    ),
    path("<int:report_id>/publish/", views.report_publish, name="report_publish"),
    path("<int:report_id>/withdraw/", views.report_withdraw, name="report_withdraw"),
    path("<int:report_id>/delete/", views.report_delete, name="report_delete"),
]

urlpatterns = [
    path("m/<slug:slug>/reports/", include(report_urls)),
]
