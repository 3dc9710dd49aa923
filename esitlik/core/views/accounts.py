"""Sign-in, sign-out and passwords: Django's views with our templates and audit entries."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from esitlik.core.audit import audit_record


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            action="core.user.password_changed", actor=self.request.user, obj=self.request.user
        )
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(action="core.user.password_reset", actor=form.user, obj=form.user)
        return response
