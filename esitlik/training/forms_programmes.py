"""Forms of the programme pages: a programme, and the list's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import BilingualField
from esitlik.core.models import Municipality
from esitlik.participation.forms_inputs import PlanActionsField
from esitlik.participation.forms_stakeholders import TagsField
from esitlik.plans.forms import VersionedForm
from esitlik.training.models import Programme


class ProgrammeForm(VersionedForm):
    title = BilingualField(label=_("Title"), max_length=300)
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=Programme.Audience.choices,
        help_text=_(
            "Staff sessions list who attended by name; public sessions are counted by sex "
            "and group."
        ),
    )
    topics = TagsField(
        label=_("Topics"),
        required=False,
        max_length=1000,
        help_text=_("Separate with commas, e.g. gender equality, violence against women."),
    )
    partner = forms.CharField(
        label=_("Partner organisation"),
        max_length=200,
        required=False,
        help_text=_("The organisation that runs or supports the programme, if any."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    is_active = forms.BooleanField(
        label=_("Offered"),
        required=False,
        help_text=_("Untick when the programme is no longer run; its sessions stay on record."),
    )

    def __init__(self, *args, municipality: Municipality, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"] = PlanActionsField(
            municipality=municipality,
            keep=programme.actions.select_related("objective__aim__plan") if programme else (),
            label=_("Plan actions it delivers"),
            help_text=_("The actions of the equality action plan this training carries out."),
        )
        if programme is None:
            del self.fields["is_active"]  # a new programme is offered
            del self.fields["version"]

    @staticmethod
    def initial_for(programme: Programme) -> dict:
        return {
            "title": programme.title,
            "audience": programme.audience,
            "topics": programme.topics,
            "partner": programme.partner,
            "description": programme.description,
            "is_active": programme.is_active,
            "actions": list(programme.actions.values_list("pk", flat=True)),
            "version": programme.version,
        }


class ProgrammeFilterForm(forms.Form):
    """The list's filters, sent with GET so a filtered list can be bookmarked."""

    audience = forms.ChoiceField(label=_("Audience"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    offered = forms.ChoiceField(label=_("Offered"), required=False)

    def __init__(self, *args, topics: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", _("All")), *Programme.Audience.choices]
        self.fields["topic"].choices = [("", _("All topics")), *((t, t) for t in topics)]
        self.fields["offered"].choices = [
            ("", _("All")),
            ("yes", _("Offered")),
            ("no", _("No longer offered")),
        ]
