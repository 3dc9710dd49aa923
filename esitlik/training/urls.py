"""Addresses of the training app, all under ``m/<slug>/training/``."""

from django.urls import include, path

from esitlik.training import views_summary

training_urls = [
    path("", views_summary.summary_page, name="training_summary"),
    path("summary.xlsx", views_summary.summary_export, name="training_summary_export"),
]

urlpatterns = [
    path("m/<slug:slug>/training/", include(training_urls)),
]
