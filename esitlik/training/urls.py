"""Addresses of the training app, all under ``m/<slug>/training/``."""

from django.urls import include, path

from esitlik.training import views_staff, views_trainers, views_workforce

training_urls = [
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

urlpatterns = [
    path("m/<slug:slug>/training/", include(training_urls)),
]
