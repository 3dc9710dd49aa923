"""Addresses of the training app, all under ``m/<slug>/training/``."""

from django.urls import include, path

from esitlik.training import views_programmes, views_sessions

training_urls = []

# Programmes, sessions and the attendance of a session.
training_urls += [
    path("programmes/", views_programmes.programme_list, name="programme_list"),
    path("programmes/new/", views_programmes.programme_create, name="programme_create"),
    path(
        "programmes/<int:programme_id>/",
        views_programmes.programme_detail,
        name="programme_detail",
    ),
    path(
        "programmes/<int:programme_id>/edit/",
        views_programmes.programme_edit,
        name="programme_edit",
    ),
    path("sessions/", views_sessions.session_list, name="session_list"),
    path("sessions/new/", views_sessions.session_create, name="session_create"),
    path("sessions/<int:session_id>/", views_sessions.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/edit/", views_sessions.session_edit, name="session_edit"),
    path(
        "sessions/<int:session_id>/attendance/",
        views_sessions.session_attendance,
        name="session_attendance",
    ),
]

urlpatterns = [
    path("m/<slug:slug>/training/", include(training_urls)),
]
