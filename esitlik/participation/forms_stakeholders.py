"""Forms of the stakeholder registry: a stakeholder, the list's filters, a contact person."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.forms import NeighbourhoodChoiceField
from esitlik.core.models import Municipality, Neighbourhood
from esitlik.core.text import tr_casefold, tr_sort_key, tr_sorted
from esitlik.participation.models import Stakeholder
from esitlik.plans.forms import DATE, VersionedForm


class TagsField(forms.CharField):
    """Tags typed as one line of text, separated by commas; the service splits and checks
    them, so its message about a too-long tag lands on this field."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(tag) for tag in value)
        return value


class StakeholderForm(VersionedForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("The organisation's name, e.g. Kadın Dayanışma Derneği."),
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("— choose a type —")), *Stakeholder.Kind.choices]
    )
    tags = TagsField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separate tags with commas, e.g. women's cooperative, disability."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    is_active = forms.BooleanField(
        label=_("Active"),
        required=False,
        help_text=_("An organisation that no longer works with the unit; its history stays."),
    )

    def __init__(self, *args, municipality: Municipality, stakeholder=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"] = NeighbourhoodChoiceField(
            municipality=municipality,
            include=stakeholder.neighbourhood if stakeholder else None,
            label=_("Neighbourhood"),
            help_text=_("Where the organisation sits, if it is tied to one neighbourhood."),
        )
        if stakeholder is None:
            del self.fields["is_active"]  # a new stakeholder is always active
            del self.fields["version"]
        self.order_fields(["name", "kind", "neighbourhood", "tags", "notes", "is_active"])

    @staticmethod
    def initial_for(stakeholder: Stakeholder) -> dict:
        return {
            "name": stakeholder.name,
            "kind": stakeholder.kind,
            "neighbourhood": stakeholder.neighbourhood_id,
            "tags": stakeholder.tags,
            "notes": stakeholder.notes,
            "is_active": stakeholder.is_active,
            "version": stakeholder.version,
        }


def tag_choices(stakeholders) -> list[str]:
    """Every tag in use, once, Turkish-sorted: "Engelli" and "engelli" are one tag, offered
    in the spelling that sorts first (the capitalised one)."""
    spellings: dict[str, str] = {}
    for stakeholder in stakeholders:
        for tag in stakeholder.tags:
            key = tr_casefold(tag)
            if key not in spellings or tr_sort_key(tag) < tr_sort_key(spellings[key]):
                spellings[key] = tag
    return tr_sorted(spellings.values())


class StakeholderFilterForm(forms.Form):
    """The list's filters, sent with GET so a filtered list can be bookmarked and works
    without JavaScript."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Name, notes, tags or neighbourhood."),
    )
    kind = forms.ChoiceField(label=_("Type"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, municipality: Municipality, tags: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types")), *Stakeholder.Kind.choices]
        # Every neighbourhood, those out of use too: stakeholders may still name them.
        self.fields["neighbourhood"] = forms.TypedChoiceField(
            label=_("Neighbourhood"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[
                ("", _("All neighbourhoods")),
                *(
                    (row.pk, str(row))
                    for row in tr_sorted(Neighbourhood.objects.filter(municipality=municipality))
                ),
            ],
        )
        self.fields["tag"].choices = [("", _("All tags")), *((tag, tag) for tag in tags)]
        self.order_fields(["q", "kind", "neighbourhood", "tag"])


class ContactForm(forms.Form):
    """A contact person, kept only with their consent: the consent's date and purpose are
    required, as KVKK asks (art. 5: processing with explicit consent)."""

    PERSON = ("name", "position", "email", "phone")
    CONSENT = ("consent_date", "consent_purpose")

    name = forms.CharField(label=_("Name and surname"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    consent_date = forms.DateField(
        label=_("Consent given on"),
        widget=DATE,
        help_text=_("The day the person agreed, e.g. on a signed consent form."),
        error_messages={
            "required": _(
                "Record when the person agreed to be contacted; without consent, keep no contact."
            )
        },
    )
    consent_purpose = forms.CharField(
        label=_("Purpose of the consent"),
        max_length=300,
        help_text=_("What the person agreed to, e.g. invitations to plan meetings."),
        error_messages={"required": _("Say what the person agreed to.")},
    )

    def person_fields(self):
        return [self[name] for name in self.PERSON]

    def consent_fields(self):
        return [self[name] for name in self.CONSENT]
