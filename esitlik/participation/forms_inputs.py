"""Forms of the input pages: recording an input, the unit's decision, filtering the list, and
one row of the fast capture table."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.neighbourhoods import neighbourhood_choices
from esitlik.participation import selectors
from esitlik.participation.forms_fields import DateField, TargetGroupsField
from esitlik.participation.models import Event, Input, Stakeholder
from esitlik.plans.models import Action

# Inputs not raised at an event come in one of these ways (an event's inputs are recorded on
# the event; citizen forms arrive through the portal).
SENT_IN_CHANNELS = (Input.Channel.STAKEHOLDER, Input.Channel.SURVEY, Input.Channel.OTHER)
NO_TEXT = {"required": _("Write what was said: an input without text cannot be followed up.")}


class QuickSelect(forms.Select):
    """A drop-down drawn from options rendered once per page. The capture table draws eighty
    rows, each with a hundred neighbourhoods and dozens of stakeholders; through the
    template engine that takes seconds, from ready pieces it takes milliseconds."""

    def __init__(self, pieces: list[tuple], attrs=None):
        super().__init__(attrs)
        self.pieces = pieces

    def render(self, name, value, attrs=None, renderer=None):
        value = "" if value is None else str(value)
        options = format_html_join(
            "",
            "{}",
            ((chosen if key == value and key else plain,) for key, plain, chosen in self.pieces),
        )
        final = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)


def option_pieces(choices) -> list[tuple]:
    """``choices`` as (value, <option>, <option selected>) triples, escaped once; group
    labels come as (None, <optgroup>, same) and (None, </optgroup>, same)."""
    pieces = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            opening = format_html('<optgroup label="{}">', value)
            pieces.append((None, opening, opening))
            pieces.extend(option_pieces(label))
            closing = SafeString("</optgroup>")
            pieces.append((None, closing, closing))
        else:
            pieces.append(
                (
                    str(value),
                    format_html('<option value="{}">{}</option>', value, label),
                    format_html('<option value="{}" selected>{}</option>', value, label),
                )
            )
    return pieces


class Choices:
    """The records an input form offers, read once per page: the capture table draws eighty
    rows from the same lists."""

    def __init__(self, municipality: Municipality, keep: Input | None = None, quick=False):
        """``quick``: draw drop-downs with ``QuickSelect``, for pages with many forms."""
        self.quick = quick
        self.options: dict[str, list] = {}
        self.headings = {item.pk: item for item in selectors.headings()}
        self.articles = {item.pk: item for item in selectors.charter_articles(municipality)}
        if keep is not None and keep.article_id and keep.article_id not in self.articles:
            self.articles[keep.article_id] = keep.article
        keep_neighbourhood = keep.neighbourhood if keep is not None else None
        self.neighbourhoods = {
            n.pk: n for n in neighbourhood_choices(municipality, include=keep_neighbourhood)
        }
        self.stakeholders = {
            s.pk: s
            for s in Stakeholder.objects.filter(municipality=municipality)
            if s.is_active or (keep is not None and keep.stakeholder_id == s.pk)
        }

    def _field(self, records: dict, label, choices, **kwargs):
        choices = [("", _("— none —")), *choices]
        field = forms.TypedChoiceField(
            label=label,
            choices=choices,
            coerce=lambda pk: records[int(pk)],
            required=False,
            empty_value=None,
            **kwargs,
        )
        if self.quick:
            key = str(label)
            if key not in self.options:
                self.options[key] = option_pieces(field.choices)
            field.widget = QuickSelect(self.options[key])
        return field

    def heading_field(self, **kwargs):
        choices = [(pk, localized(item.title)) for pk, item in self.headings.items()]
        return self._field(self.headings, _("YEEP heading"), choices, **kwargs)

    def article_field(self, **kwargs):
        groups: dict[str, list] = {}
        for pk, item in self.articles.items():
            groups.setdefault(str(item.framework), []).append((pk, str(item)))
        choices = list(groups.items()) if len(groups) > 1 else next(iter(groups.values()), [])
        return self._field(self.articles, _("Charter article"), choices, **kwargs)

    def neighbourhood_field(self, **kwargs):
        choices = [(pk, str(n)) for pk, n in self.neighbourhoods.items()]
        return self._field(self.neighbourhoods, _("Neighbourhood"), choices, **kwargs)

    def stakeholder_field(self, **kwargs):
        groups: dict[str, list] = {}
        by_kind = sorted(self.stakeholders.values(), key=lambda s: s.name)
        for kind, label in Stakeholder.Kind.choices:
            members = [(s.pk, s.name) for s in by_kind if s.kind == kind]
            if members:
                groups[str(label)] = members
        return self._field(self.stakeholders, _("Stakeholder"), list(groups.items()), **kwargs)


class InputForm(forms.Form):
    """An input with everything about it; ``event`` set means it was raised there, so how it
    came is not asked."""

    text = forms.CharField(
        label=_("What was said"),
        error_messages=NO_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The problem, need or proposal in the words of whoever raised it."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Input.Kind.choices)
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=Action.TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    channel = forms.ChoiceField(
        label=_("How it came"),
        choices=[(c.value, c.label) for c in SENT_IN_CHANNELS],
    )
    received_on = DateField(label=_("Received on"), help_text=_("e.g. 15.03.2026"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args, municipality: Municipality, item: Input | None = None, event=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        choices = Choices(municipality, keep=item)
        self.fields["heading"] = choices.heading_field()
        self.fields["article"] = choices.article_field()
        self.fields["neighbourhood"] = choices.neighbourhood_field()
        self.fields["stakeholder"] = choices.stakeholder_field(
            help_text=_("The organisation that raised it, if one did.")
        )
        if event is not None:
            del self.fields["channel"]
        if item is not None and item.channel not in SENT_IN_CHANNELS and event is None:
            # A citizen form's channel is kept as it came; it is not offered for new inputs.
            self.fields["channel"].choices = [(item.channel, item.get_channel_display())]
        self.order_fields(
            [
                "text",
                "kind",
                "target_groups",
                "heading",
                "article",
                "neighbourhood",
                "channel",
                "stakeholder",
                "received_on",
            ]
        )

    @staticmethod
    def initial_for(item: Input) -> dict:
        return {
            "text": item.text,
            "kind": item.kind,
            "target_groups": item.target_groups,
            "heading": item.heading_id,
            "article": item.article_id,
            "neighbourhood": item.neighbourhood_id,
            "channel": item.channel,
            "stakeholder": item.stakeholder_id,
            "received_on": item.received_on,
            "version": item.version,
        }


class PlanActionsField(forms.TypedMultipleChoiceField):
    """Actions of the municipality's current plans as checkboxes, grouped by plan and aim;
    the cleaned value is a list of ``Action``. ``keep`` holds actions already linked: one of
    a plan since superseded stays listed while the record names it, so saving the form again
    does not drop the link unseen. Training programmes pick the actions they deliver with it."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, municipality: Municipality, keep=(), **kwargs):
        actions = {a.pk: a for a in selectors.linkable_actions(municipality)}
        for action in keep:
            actions.setdefault(action.pk, action)
        groups: dict[str, list] = {}
        for pk, action in actions.items():
            aim = action.objective.aim
            groups.setdefault(f"{aim.plan} — {aim}", []).append((pk, str(action)))
        kwargs.setdefault("required", False)
        super().__init__(choices=list(groups.items()), coerce=lambda pk: actions[int(pk)], **kwargs)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=Input.Status.choices)
    decision_reason = forms.CharField(
        label=_("Reason, shown to the public"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Needed when the input is taken only partly or not at all. It is published with "
            "the decision: write it for the person who raised the input."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, municipality: Municipality, item: Input | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"] = PlanActionsField(
            municipality=municipality,
            keep=item.actions.select_related("objective__aim__plan") if item else (),
            label=_("Plan actions it led to"),
            help_text=_("Needed when the input is taken into the plan, wholly or partly."),
        )
        self.order_fields(["status", "decision_reason", "actions"])

    @staticmethod
    def initial_for(item: Input) -> dict:
        return {
            "status": item.status,
            "decision_reason": item.decision_reason,
            "actions": list(item.actions.values_list("pk", flat=True)),
            "version": item.version,
        }


class CaptureRowForm(forms.Form):
    """One row of the fast capture table: the facts that differ from input to input at one
    event. The rest (date, source event) comes from the event."""

    text = forms.CharField(label=_("What was said"), error_messages=NO_TEXT)
    kind = forms.ChoiceField(label=_("Kind"), choices=Input.Kind.choices)
    target_groups = TargetGroupsField(label=_("Target groups"), list_groups=False)
    input = forms.IntegerField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, choices: Choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heading"] = choices.heading_field()
        self.fields["neighbourhood"] = choices.neighbourhood_field()
        self.fields["stakeholder"] = choices.stakeholder_field()
        for field in self.fields.values():
            field.help_text = ""  # the column headings and the note above the table say it

    @staticmethod
    def initial_for(item: Input) -> dict:
        return {
            "text": item.text,
            "kind": item.kind,
            "target_groups": item.target_groups,
            "heading": item.heading_id,
            "neighbourhood": item.neighbourhood_id,
            "stakeholder": item.stakeholder_id,
            "input": item.pk,
            "version": item.version,
        }


class InputFilterForm(forms.Form):
    q = forms.CharField(label=_("Text contains"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Decision"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["status"].choices = every + Input.Status.choices
        self.fields["kind"].choices = every + Input.Kind.choices
        self.fields["target_group"].choices = every + Action.TargetGroup.choices
        choices = Choices(municipality)
        self.fields["heading"] = choices.heading_field()
        self.fields["neighbourhood"] = choices.neighbourhood_field()
        for name in ("heading", "neighbourhood"):
            self.fields[name].choices = every + self.fields[name].choices[1:]
        self.fields["event"] = forms.ModelChoiceField(
            label=_("Event"),
            queryset=Event.objects.filter(municipality=municipality, inputs__isnull=False)
            .distinct()
            .order_by("-starts_at"),
            required=False,
            empty_label=_("All"),
        )
        self.order_fields(
            ["q", "status", "kind", "target_group", "heading", "neighbourhood", "event"]
        )
