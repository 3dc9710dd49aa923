"""Sign-in events go to the audit log like every other change."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from esitlik.core.audit import audit_record


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    audit_record(action="core.user.logged_in", actor=user, obj=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action="core.user.logged_out", actor=user, obj=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    if credentials.get("two_factor"):
        return  # a wrong code: esitlik.core.two_factor audits it as core.2fa.failed
    # Only the user name is kept; the attempted password never reaches the log.
    audit_record(
        action="core.user.login_failed",
        object_repr=str(credentials.get("username", ""))[:150],
    )
