from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.plans.forms import DATE
from esitlik.privacy.models import DataRequest, Method


class ConsentForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        help_text=_("What the person agreed to, e.g. invitations to plan meetings."),
    )
    text_version = forms.CharField(
        label=_("Version of the consent text"),
        max_length=100,
        help_text=_("The text the person read and agreed to, e.g. “Davet izni v2 (01.2026)”."),
    )
    given_on = forms.DateField(label=_("Given on"), widget=DATE)
    method = forms.ChoiceField(label=_("How"), choices=Method.choices)


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DATE)
    method = forms.ChoiceField(label=_("How"), choices=Method.choices)


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Request"), choices=DataRequest.Kind.choices)
    requester = forms.CharField(
        label=_("Who asked"),
        max_length=200,
        help_text=_("As the person signed the request; replaced when their data is erased."),
    )
    channel = forms.ChoiceField(label=_("How it came"), choices=Method.choices)
    received_on = forms.DateField(
        label=_("Received on"),
        widget=DATE,
        help_text=_("KVKK gives thirty days from this day to answer."),
    )


class SearchForm(forms.Form):
    name = forms.CharField(label=_("Name and surname"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(key) for key in ("name", "email", "phone")):
            raise forms.ValidationError(_("Give a name, an e-mail address or a phone number."))
        return data


class AnswerForm(forms.Form):
    outcome = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E.g. “Copy sent by e-mail on 12.03.2026”, or why the request was refused."),
    )
