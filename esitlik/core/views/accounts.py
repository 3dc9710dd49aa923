"""Sign-in, sign-out and passwords: Django's views with our templates and audit entries."""

from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy

from esitlik.core import two_factor
from esitlik.core.audit import audit_record


class LoginView(auth_views.LoginView):
    """Django's sign-in; a user with an authenticator app is not signed in yet after the
    password but sent to the code step (``views/two_factor.py``)."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.has_two_factor(user):
            two_factor.pending_start(self.request, user)
            query = urlencode({"next": self.get_success_url()})
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        return super().form_valid(form)


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
