"""Addresses of the datasets app, all under ``m/<slug>/data/``."""

from django.urls import include, path

from esitlik.datasets import (
    views_catalogue,
    views_completeness,
    views_dimensions,
    views_imports,
    views_mappings,
    views_sources,
    views_upload,
)

datasets_urls = [
    path("imports/", views_imports.import_list, name="dataset_import_list"),
    path("imports/new/", views_upload.upload, name="dataset_upload"),
    path("imports/<int:run_id>/", views_imports.import_detail, name="dataset_import_detail"),
    path("imports/<int:run_id>/columns/", views_upload.import_map, name="dataset_import_map"),
    path(
        "imports/<int:run_id>/progress/",
        views_upload.import_progress,
        name="dataset_import_progress",
    ),
    path(
        "imports/<int:run_id>/status.json",
        views_upload.import_status,
        name="dataset_import_status",
    ),
    path(
        "imports/<int:run_id>/withdraw/",
        views_imports.import_withdraw,
        name="dataset_import_withdraw",
    ),
    path(
        "imports/<int:run_id>/problems.xlsx",
        views_imports.import_problems,
        name="dataset_import_problems",
    ),
    path("template.xlsx", views_upload.kind_template, name="dataset_template"),
    path("mappings/", views_mappings.mapping_list, name="dataset_mapping_list"),
    path(
        "mappings/<int:mapping_id>/forget/",
        views_mappings.mapping_forget,
        name="dataset_mapping_forget",
    ),
    path("services/", views_catalogue.service_list, name="dataset_service_list"),
    path("services/new/", views_catalogue.service_create, name="dataset_service_create"),
    path("services/import/", views_catalogue.service_import, name="dataset_service_import"),
    path(
        "services/<int:service_id>/edit/",
        views_catalogue.service_edit,
        name="dataset_service_edit",
    ),
    path("dimensions/", views_dimensions.dimension_list, name="dataset_dimension_list"),
    path("dimensions/new/", views_dimensions.dimension_create, name="dataset_dimension_create"),
    path(
        "dimensions/<int:dimension_id>/",
        views_dimensions.dimension_edit,
        name="dataset_dimension_edit",
    ),
    path(
        "dimensions/<int:dimension_id>/delete/",
        views_dimensions.dimension_delete,
        name="dataset_dimension_delete",
    ),
    path("completeness/", views_completeness.completeness_page, name="dataset_completeness"),
    path(
        "expectations/new/",
        views_completeness.expectation_create,
        name="dataset_expectation_create",
    ),
    path(
        "expectations/<int:expectation_id>/",
        views_completeness.expectation_edit,
        name="dataset_expectation_edit",
    ),
    path(
        "expectations/<int:expectation_id>/delete/",
        views_completeness.expectation_delete,
        name="dataset_expectation_delete",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/source/",
        views_sources.indicator_source,
        name="indicator_source",
    ),
]

urlpatterns = [
    path("m/<slug:slug>/data/", include(datasets_urls)),
]
