from django.urls import path

from esitlik.plans import views, views_plans

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
]
