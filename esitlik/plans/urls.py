from django.urls import path

from esitlik.plans import views

urlpatterns = [
    path("m/<slug:slug>/commitment/", views.commitment_detail, name="commitment_detail"),
    path("m/<slug:slug>/commitment/edit/", views.commitment_edit, name="commitment_edit"),
]
