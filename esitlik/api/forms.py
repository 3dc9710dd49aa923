from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from esitlik.api.tokens import DEFAULT_LIFETIME, LIFETIMES


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the system using it."),
    )
    lifetime = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=[
            (days, ngettext_lazy("%(count)d day", "%(count)d days", "count") % {"count": days})
            for days in LIFETIMES
        ],
        coerce=int,
        initial=DEFAULT_LIFETIME,
        help_text=_(
            "After this the token stops working and the system using it needs a new one. "
            "Tokens cannot be made to last for ever."
        ),
    )
