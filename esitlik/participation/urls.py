"""Addresses of the participation app, all under ``m/<slug>/participation/``."""

from django.urls import include, path

from esitlik.participation import views_registers, views_summary

participation_urls = [
    path("stakeholders.xlsx", views_registers.stakeholder_export, name="stakeholder_export"),
    path("inputs.xlsx", views_registers.input_export, name="input_export"),
]

participation_urls += [
    path("", views_summary.summary_page, name="participation_summary"),
    path("summary.xlsx", views_summary.summary_export, name="participation_summary_export"),
]

urlpatterns = [
    path("m/<slug:slug>/participation/", include(participation_urls)),
]
