"""Addresses of the plans app. Everything about one plan edition lives under
``m/<slug>/plans/<plan_id>/``; everything about one indicator period under its indicator."""

from django.urls import include, path

from esitlik.plans import (
    views,
    views_indicators,
    views_overview,
    views_plans,
    views_print,
    views_workbook,
)
from esitlik.plans import views_structure as structure

period_urls = [
    path("", views_indicators.update_period, name="update_period"),
    path("review/", views_indicators.update_review, name="update_review"),
    path("reopen/", views_indicators.update_reopen, name="update_reopen"),
]

indicator_urls = [
    path("", views_indicators.indicator_detail, name="indicator_detail"),
    path("edit/", views_indicators.indicator_edit, name="indicator_edit"),
    path("periods/<int:year>/<int:half>/", include(period_urls)),
]

plan_urls = [
    path("", views_plans.plan_detail, name="plan_detail"),
    path("edit/", views_plans.plan_edit, name="plan_edit"),
    path("status/<slug:target>/", views_plans.plan_transition, name="plan_transition"),
    path("aims/new/", structure.aim_create, name="aim_create"),
    path("aims/<int:aim_id>/", structure.aim_edit, name="aim_edit"),
    path("aims/<int:aim_id>/objectives/new/", structure.objective_create, name="objective_create"),
    path("objectives/<int:objective_id>/", structure.objective_edit, name="objective_edit"),
    path(
        "objectives/<int:objective_id>/actions/new/",
        structure.action_create,
        name="action_create",
    ),
    path(
        "objectives/<int:objective_id>/indicators/new/",
        views_indicators.indicator_create_for_objective,
        name="indicator_create_for_objective",
    ),
    path("actions/<int:action_id>/", structure.action_edit, name="action_edit"),
    path(
        "actions/<int:action_id>/indicators/new/",
        views_indicators.indicator_create_for_action,
        name="indicator_create_for_action",
    ),
    path("indicators/", views_indicators.indicator_list, name="indicator_list"),
    path("indicators/<int:indicator_id>/", include(indicator_urls)),
    path(
        "evidence/<int:evidence_id>/",
        views_indicators.evidence_download,
        name="evidence_download",
    ),
    path("progress/", views_overview.plan_progress, name="plan_progress"),
    path("coverage/", views_overview.plan_coverage, name="plan_coverage"),
    path("timeline/", views_overview.plan_timeline, name="plan_timeline"),
    path("print/", views_print.plan_print, name="plan_print"),
    path("plan.pdf", views_print.plan_pdf, name="plan_pdf"),
    path("decision/", views_print.plan_decision_upload, name="plan_decision_upload"),
    path(
        "decision/document/",
        views_print.plan_decision_download,
        name="plan_decision_download",
    ),
    path("export.xlsx", views_workbook.plan_export, name="plan_export"),
    path("import/", views_workbook.plan_import, name="plan_import"),
]

urlpatterns = [
    path("m/<slug:slug>/commitment/", views.commitment_detail, name="commitment_detail"),
    path("m/<slug:slug>/commitment/edit/", views.commitment_edit, name="commitment_edit"),
    path("m/<slug:slug>/plans/", views_plans.plan_list, name="plan_list"),
    path("m/<slug:slug>/plans/new/", views_plans.plan_create, name="plan_create"),
    path("m/<slug:slug>/plans/<int:plan_id>/", include(plan_urls)),
    path("m/<slug:slug>/due/", views_overview.due_list, name="due_list"),
]
