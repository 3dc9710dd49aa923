"""Addresses of the training app, all under ``m/<slug>/training/``."""

from django.urls import include, path

from esitlik.training import views_import

training_urls = [
    path(
        "sessions/<int:session_id>/import/",
        views_import.attendance_import,
        name="attendance_import",
    ),
    path(
        "sessions/<int:session_id>/import/problems.xlsx",
        views_import.attendance_import_problems,
        name="attendance_import_problems",
    ),
    path(
        "attendance-template.xlsx",
        views_import.attendance_template,
        name="attendance_template",
    ),
]

urlpatterns = [
    path("m/<slug:slug>/training/", include(training_urls)),
]
