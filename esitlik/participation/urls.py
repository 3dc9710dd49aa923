"""Addresses of the participation app, all under ``m/<slug>/participation/``."""

from django.urls import include, path

from esitlik.participation import views_capture, views_events, views_inputs

# Each part of the app adds its own list below and includes it here.
participation_urls: list = []

event_urls = [
    path("events/", views_events.event_list, name="event_list"),
    path("events/new/", views_events.event_create, name="event_create"),
    path("events/<int:event_id>/", views_events.event_detail, name="event_detail"),
    path("events/<int:event_id>/edit/", views_events.event_edit, name="event_edit"),
    path("events/<int:event_id>/inputs/", views_capture.event_capture, name="event_capture"),
    path(
        "events/<int:event_id>/attachments/",
        views_events.attachment_upload,
        name="attachment_upload",
    ),
    path(
        "events/<int:event_id>/attachments/<int:attachment_id>/",
        views_events.attachment_download,
        name="attachment_download",
    ),
    path("inputs/", views_inputs.input_list, name="input_list"),
    path("inputs/new/", views_inputs.input_create, name="input_create"),
    path("inputs/<int:input_id>/", views_inputs.input_detail, name="input_detail"),
    path("inputs/<int:input_id>/delete/", views_inputs.input_delete, name="input_delete"),
]
participation_urls += event_urls

urlpatterns = [
    path("m/<slug:slug>/participation/", include(participation_urls)),
]
