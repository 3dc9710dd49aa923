from django.urls import path

from esitlik.plans import views, views_plans
from esitlik.plans import views_structure as structure

urlpatterns = [
    path("m/<slug:slug>/commitment/", views.commitment_detail, name="commitment_detail"),
    path("m/<slug:slug>/commitment/edit/", views.commitment_edit, name="commitment_edit"),
    path("m/<slug:slug>/plans/", views_plans.plan_list, name="plan_list"),
    path("m/<slug:slug>/plans/new/", views_plans.plan_create, name="plan_create"),
    path("m/<slug:slug>/plans/<int:plan_id>/", views_plans.plan_detail, name="plan_detail"),
    path("m/<slug:slug>/plans/<int:plan_id>/edit/", views_plans.plan_edit, name="plan_edit"),
    path(
        "m/<slug:slug>/plans/<int:plan_id>/status/<slug:target>/",
        views_plans.plan_transition,
        name="plan_transition",
    ),
    path("m/<slug:slug>/plans/<int:plan_id>/aims/new/", structure.aim_create, name="aim_create"),
    path(
        "m/<slug:slug>/plans/<int:plan_id>/aims/<int:aim_id>/",
        structure.aim_edit,
        name="aim_edit",
    ),
    path(
        "m/<slug:slug>/plans/<int:plan_id>/aims/<int:aim_id>/objectives/new/",
        structure.objective_create,
        name="objective_create",
    ),
    path(
        "m/<slug:slug>/plans/<int:plan_id>/objectives/<int:objective_id>/",
        structure.objective_edit,
        name="objective_edit",
    ),
    path(
        "m/<slug:slug>/plans/<int:plan_id>/objectives/<int:objective_id>/actions/new/",
        structure.action_create,
        name="action_create",
    ),
    path(
        "m/<slug:slug>/plans/<int:plan_id>/actions/<int:action_id>/",
        structure.action_edit,
        name="action_edit",
    ),
]
