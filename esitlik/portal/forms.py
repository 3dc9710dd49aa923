"""The citizen's form: a problem, a need or a proposal, with no personal data asked for.

``website`` is a honeypot: hidden from people (CSS, ``aria-hidden``, no tab stop) but filled
by the bots that fill every field. Spam is kept out without a third-party service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.neighbourhoods import neighbourhood_choices
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.inputs import TEXT_MAX
from esitlik.participation.models import Input
from esitlik.plans.models import Action

HONEYPOT = "website"


class CitizenInputForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like to tell us?"),
        choices=Input.Kind.choices,
        widget=forms.RadioSelect,
        initial=Input.Kind.PROPOSAL,
    )
    text = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=TEXT_MAX,
        help_text=_(
            "Which service, where, for whom. Please do not write your name, phone number or "
            "address: you will get a reference to follow your message with."
        ),
    )
    heading = forms.TypedChoiceField(
        label=_("Theme (optional)"), required=False, coerce=int, empty_value=None
    )
    neighbourhood = forms.TypedChoiceField(
        label=_("Neighbourhood (optional)"), required=False, coerce=int, empty_value=None
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Who is it about? (optional)"),
        required=False,
        choices=Action.TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        headings = FrameworkItem.objects.filter(
            framework__code="yeep-headings", kind=FrameworkItem.Kind.HEADING
        ).order_by("code")
        self.fields["heading"].choices = [("", _("— any —"))] + [
            (item.pk, str(item)) for item in headings
        ]
        self.fields["neighbourhood"].choices = [("", _("— any —"))] + [
            (row.pk, str(row)) for row in neighbourhood_choices(municipality)
        ]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    def clean(self):
        data = super().clean()
        if data.get(HONEYPOT):
            # Said above the form, where a person whose browser filled it in will see it.
            self.add_error(
                None, _("This form could not be sent. Leave the hidden last field empty.")
            )
        return data
