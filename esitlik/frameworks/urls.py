from django.urls import path

from esitlik.frameworks import views

urlpatterns = [
    path("m/<slug:slug>/frameworks/", views.framework_list, name="framework_list"),
    path("m/<slug:slug>/frameworks/new/", views.tag_set_create, name="tag_set_create"),
    path(
        "m/<slug:slug>/frameworks/<int:framework_id>/",
        views.framework_detail,
        name="framework_detail",
    ),
    path(
        "m/<slug:slug>/frameworks/<int:framework_id>/edit/",
        views.tag_set_edit,
        name="tag_set_edit",
    ),
    path(
        "m/<slug:slug>/frameworks/<int:framework_id>/tags/new/",
        views.tag_create,
        name="tag_create",
    ),
    path(
        "m/<slug:slug>/frameworks/<int:framework_id>/tags/<int:item_id>/",
        views.tag_edit,
        name="tag_edit",
    ),
]
