from django.urls import path

from esitlik.privacy import views

P = "m/<slug:slug>/privacy/"

urlpatterns = [
    path(P, views.request_list, name="privacy_requests"),
    path(P + "requests/new/", views.request_create, name="privacy_request_create"),
    path(P + "requests/<int:request_id>/", views.request_detail, name="privacy_request_detail"),
    path(
        P + "requests/<int:request_id>/export/<str:format>/",
        views.request_export,
        name="privacy_request_export",
    ),
    path(P + "requests/<int:request_id>/erase/", views.request_erase, name="privacy_request_erase"),
    path(
        P + "requests/<int:request_id>/answer/",
        views.request_answer,
        name="privacy_request_answer",
    ),
    path(
        P + "consents/contacts/<int:contact_id>/",
        views.contact_consents,
        name="privacy_contact_consents",
    ),
    path(
        P + "consents/trainers/<int:trainer_id>/",
        views.trainer_consents,
        name="privacy_trainer_consents",
    ),
    path(
        P + "consents/<int:consent_id>/withdraw/",
        views.consent_withdraw,
        name="privacy_consent_withdraw",
    ),
]
