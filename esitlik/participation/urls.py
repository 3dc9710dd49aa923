"""Addresses of the participation app, all under ``m/<slug>/participation/``."""

from django.urls import include, path

# Each part of the app adds its own list below and includes it here.
participation_urls: list = []

urlpatterns = [
    path("m/<slug:slug>/participation/", include(participation_urls)),
]
