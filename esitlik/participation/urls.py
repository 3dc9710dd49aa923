"""Addresses of the participation app, all under ``m/<slug>/participation/``."""

from django.urls import include, path

from esitlik.participation import views_registers

participation_urls = [
    path("stakeholders.xlsx", views_registers.stakeholder_export, name="stakeholder_export"),
    path("inputs.xlsx", views_registers.input_export, name="input_export"),
]

urlpatterns = [
    path("m/<slug:slug>/participation/", include(participation_urls)),
]
