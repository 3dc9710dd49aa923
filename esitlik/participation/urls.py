"""Addresses of the participation app, all under ``m/<slug>/participation/``."""

from django.urls import include, path

from esitlik.participation import (
    views_capture,
    views_events,
    views_import,
    views_inputs,
    views_registers,
    views_stakeholders,
    views_summary,
)

participation_urls = [
    path("stakeholders.xlsx", views_registers.stakeholder_export, name="stakeholder_export"),
    path("inputs.xlsx", views_registers.input_export, name="input_export"),
    path("import/", views_import.participation_import, name="participation_import"),
    path(
        "import/problems.xlsx",
        views_import.participation_import_problems,
        name="participation_import_problems",
    ),
    path(
        "import/stakeholders-template.xlsx",
        views_import.participation_import_template,
        {"kind": "stakeholders"},
        name="participation_template_stakeholders",
    ),
    path(
        "import/inputs-template.xlsx",
        views_import.participation_import_template,
        {"kind": "inputs"},
        name="participation_template_inputs",
    ),
]

stakeholder_urls = [
    path("stakeholders/", views_stakeholders.stakeholder_list, name="stakeholder_list"),
    path("stakeholders/new/", views_stakeholders.stakeholder_create, name="stakeholder_create"),
    path(
        "stakeholders/<int:stakeholder_id>/",
        views_stakeholders.stakeholder_detail,
        name="stakeholder_detail",
    ),
    path(
        "stakeholders/<int:stakeholder_id>/edit/",
        views_stakeholders.stakeholder_edit,
        name="stakeholder_edit",
    ),
    path(
        "stakeholders/<int:stakeholder_id>/contacts/new/",
        views_stakeholders.contact_create,
        name="contact_create",
    ),
    path(
        "stakeholders/<int:stakeholder_id>/contacts/<int:contact_id>/erase/",
        views_stakeholders.contact_erase,
        name="contact_erase",
    ),
]
participation_urls += stakeholder_urls
participation_urls += [
    path("", views_summary.summary_page, name="participation_summary"),
    path("summary.xlsx", views_summary.summary_export, name="participation_summary_export"),
]

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
