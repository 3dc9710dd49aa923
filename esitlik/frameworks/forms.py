from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import BilingualField


class TagSetForm(forms.Form):
    title = BilingualField(label=_("Name of the tag set"))


class TagForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=30, help_text=_("A short, stable code, e.g. G1.")
    )
    title = BilingualField(label=_("Tag"))
    is_active = forms.BooleanField(
        label=_("In use"),
        required=False,
        initial=True,
        help_text=_("Tags are never deleted, so past plans keep them; unused ones are hidden."),
    )
