"""Addresses of the training app, all under ``m/<slug>/training/``."""

from django.urls import include, path

training_urls = []

urlpatterns = [
    path("m/<slug:slug>/training/", include(training_urls)),
]
