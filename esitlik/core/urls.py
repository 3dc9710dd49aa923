from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from esitlik.core.views import (
    accounts,
    audit_log,
    directorates,
    members,
    municipality,
    neighbourhoods,
    two_factor,
)

account_patterns = [
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/two-step/", two_factor.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-step/setup/", two_factor.two_factor_setup, name="two_factor_setup"),
    path(
        "accounts/two-step/recovery-codes/",
        two_factor.two_factor_recovery,
        name="two_factor_recovery",
    ),
    path(
        "accounts/two-step/recovery-codes.txt",
        two_factor.two_factor_recovery_download,
        name="two_factor_recovery_download",
    ),
    path("accounts/two-step/off/", two_factor.two_factor_disable, name="two_factor_disable"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        accounts.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(success_url=reverse_lazy("password_reset_done")),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

municipality_patterns = [
    path("m/<slug:slug>/", municipality.dashboard, name="dashboard"),
    path(
        "m/<slug:slug>/settings/", municipality.municipality_settings, name="municipality_settings"
    ),
    path("m/<slug:slug>/directorates/", directorates.directorate_list, name="directorate_list"),
    path(
        "m/<slug:slug>/directorates/new/",
        directorates.directorate_create,
        name="directorate_create",
    ),
    path(
        "m/<slug:slug>/directorates/<int:directorate_id>/",
        directorates.directorate_edit,
        name="directorate_edit",
    ),
    path(
        "m/<slug:slug>/neighbourhoods/",
        neighbourhoods.neighbourhood_list,
        name="neighbourhood_list",
    ),
    path(
        "m/<slug:slug>/neighbourhoods/<int:neighbourhood_id>/",
        neighbourhoods.neighbourhood_edit,
        name="neighbourhood_edit",
    ),
    path("m/<slug:slug>/members/", members.member_list, name="member_list"),
    path("m/<slug:slug>/members/invite/", members.member_invite, name="member_invite"),
    path("m/<slug:slug>/members/<int:member_id>/", members.member_edit, name="member_edit"),
    path(
        "m/<slug:slug>/members/<int:member_id>/remove/",
        members.member_remove,
        name="member_remove",
    ),
    path(
        "m/<slug:slug>/invitations/<int:invitation_id>/revoke/",
        members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("m/<slug:slug>/audit/", audit_log.audit_log, name="audit_log"),
]

urlpatterns = [
    path("", municipality.home, name="home"),
    path("healthz", municipality.healthz, name="healthz"),
    path("invitations/<str:token>/", members.invitation_accept, name="invitation_accept"),
    *account_patterns,
    *municipality_patterns,
]
