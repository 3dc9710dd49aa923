from django.urls import path

from esitlik.network import views

urlpatterns = [
    path("n/", views.network_list, name="network_list"),
    path("n/<slug:network>/", views.network_compare, name="network_compare"),
    path("n/<slug:network>/comparison.csv", views.network_csv, name="network_csv"),
    path("n/<slug:network>/comparison.xlsx", views.network_xlsx, name="network_xlsx"),
    path(
        "n/<slug:network>/m/<slug:municipality>/charter.json",
        views.observatory_json,
        name="network_observatory_json",
    ),
    path(
        "n/<slug:network>/m/<slug:municipality>/charter.xlsx",
        views.observatory_xlsx,
        name="network_observatory_xlsx",
    ),
]
