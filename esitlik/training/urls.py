"""Addresses of the training app, all under ``m/<slug>/training/``."""

from django.urls import include, path

from esitlik.training import (
    views_import,
    views_programmes,
    views_sessions,
    views_staff,
    views_summary,
    views_trainers,
    views_workforce,
)

training_urls = [
    path("", views_summary.summary_page, name="training_summary"),
    path("summary.xlsx", views_summary.summary_export, name="training_summary_export"),
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
    path("attendance-template.xlsx", views_import.attendance_template, name="attendance_template"),
    path("staff/", views_staff.staff_list, name="staff_list"),
    path("staff/new/", views_staff.staff_create, name="staff_create"),
    path("staff/<int:staff_id>/", views_staff.staff_detail, name="staff_detail"),
    path("staff/<int:staff_id>/edit/", views_staff.staff_edit, name="staff_edit"),
    path("roles/", views_workforce.role_category_list, name="role_category_list"),
    path("roles/<int:category_id>/", views_workforce.role_category_edit, name="role_category_edit"),
    path(
        "roles/<int:category_id>/delete/",
        views_workforce.role_category_delete,
        name="role_category_delete",
    ),
    path("workforce/", views_workforce.workforce, name="workforce"),
    path("trainers/", views_trainers.trainer_list, name="trainer_list"),
    path("trainers/new/", views_trainers.trainer_create, name="trainer_create"),
    path("trainers/<int:trainer_id>/", views_trainers.trainer_detail, name="trainer_detail"),
    path("trainers/<int:trainer_id>/edit/", views_trainers.trainer_edit, name="trainer_edit"),
    path(
        "trainers/<int:trainer_id>/certifications/new/",
        views_trainers.certification_create,
        name="certification_create",
    ),
    path(
        "trainers/<int:trainer_id>/certifications/<int:certification_id>/",
        views_trainers.certification_edit,
        name="certification_edit",
    ),
    path(
        "trainers/<int:trainer_id>/certifications/<int:certification_id>/delete/",
        views_trainers.certification_delete,
        name="certification_delete",
    ),
]

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
