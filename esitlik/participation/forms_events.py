"""Forms of the event pages: recording a meeting, filtering the list, attaching a file."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.forms import DirectorateChoiceField
from esitlik.core.models import Municipality
from esitlik.participation.forms_fields import CountField, DateField, TimeField
from esitlik.participation.models import Event, Stakeholder
from esitlik.participation.models.events import SEX_FIELDS
from esitlik.plans.models import ActionPlan

GROUP_PREFIX = "group_"


def stakeholder_choices(municipality: Municipality, keep=()) -> list:
    """Active stakeholders grouped by type for a checkbox list; ``keep`` holds ones already
    linked that have since been marked inactive, so saving does not drop them."""
    keep_ids = {s.pk for s in keep}
    rows = Stakeholder.objects.filter(municipality=municipality)
    groups: dict[str, list] = {}
    for kind, label in Stakeholder.Kind.choices:
        members = [
            (s.pk, s.name) for s in rows if s.kind == kind and (s.is_active or s.pk in keep_ids)
        ]
        if members:
            groups[str(label)] = members
    return list(groups.items())


class StakeholdersField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, municipality: Municipality, keep=(), **kwargs):
        super().__init__(
            choices=stakeholder_choices(municipality, keep),
            coerce=lambda pk: Stakeholder.objects.get(pk=pk, municipality=municipality),
            required=False,
            **kwargs,
        )


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    start_date = DateField(label=_("Date"))
    start_time = TimeField(label=_("Starts at"))
    end_date = DateField(label=_("End date"), required=False, help_text=_("If another day."))
    end_time = TimeField(label=_("Ends at"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Event.Status.choices,
        help_text=_("Attendance and inputs are recorded once the event is held."),
    )
    phase = forms.ChoiceField(label=_("Phase of the plan"), choices=Event.Phase.choices)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    link = forms.CharField(
        label=_("Link"),
        max_length=500,
        required=False,
        help_text=_("For an online meeting: the address starting with https://."),
        widget=forms.URLInput,
    )
    moderator = forms.CharField(label=_("Moderator"), max_length=150, required=False)
    women = CountField(label=_("Women"))
    men = CountField(label=_("Men"))
    other = CountField(label=_("Other"))
    not_stated = CountField(label=_("Not stated"))
    total = CountField(
        label=_("Total"),
        help_text=_("If only the total is known."),
    )
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, municipality: Municipality, event: Event | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: list[str] = []
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality, label=_("Organising directorate"), empty_value=None
        )
        self.fields["plan"] = forms.ModelChoiceField(
            label=_("Plan edition"),
            queryset=ActionPlan.objects.filter(municipality=municipality).order_by(
                "-start_year", "-edition"
            ),
            required=False,
            empty_label=_("— none —"),
        )
        for group, label in Event.Group.choices:
            self.fields[GROUP_PREFIX + group] = CountField(label=label)
        keep_invited = list(event.invited.all()) if event else ()
        keep_attended = list(event.attended.all()) if event else ()
        self.fields["invited"] = StakeholdersField(
            municipality=municipality, keep=keep_invited, label=_("Invited")
        )
        self.fields["attended"] = StakeholdersField(
            municipality=municipality,
            keep=keep_attended,
            label=_("Took part"),
            help_text=_("Only for a held event."),
        )

    @classmethod
    def initial_for(cls, event: Event) -> dict:
        starts = timezone.localtime(event.starts_at)
        initial = {
            "kind": event.kind,
            "title": event.title,
            "start_date": starts.date(),
            "start_time": starts.time(),
            "status": event.status,
            "phase": event.phase,
            "place": event.place,
            "link": event.link,
            "moderator": event.moderator,
            "directorate": event.directorate_id,
            "plan": event.plan_id,
            "minutes": event.minutes,
            "invited": [s.pk for s in event.invited.all()],
            "attended": [s.pk for s in event.attended.all()],
            "version": event.version,
        }
        if event.ends_at:
            ends = timezone.localtime(event.ends_at)
            initial["end_time"] = ends.time()
            if ends.date() != starts.date():
                initial["end_date"] = ends.date()
        for name in SEX_FIELDS:
            initial[name] = getattr(event, name) or None
        for group, count in event.group_counts.items():
            initial[GROUP_PREFIX + group] = count
        return initial

    # Fields shown together, in order, under a legend (the template draws the fieldsets);
    # compact ones sit side by side. The minutes need no legend beside their own label.
    FIELDSETS = (
        (_("The event"), ("kind", "title", "status", "phase", "plan"), False),
        (_("When"), ("start_date", "start_time", "end_date", "end_time"), True),
        (_("Where and who"), ("place", "link", "directorate", "moderator"), False),
        (_("Participants by sex"), (*SEX_FIELDS, "total"), True),
        (
            _("Participants by group"),
            tuple(GROUP_PREFIX + g for g in Event.Group.values),
            True,
        ),
        (_("Stakeholders"), ("invited", "attended"), False),
        (None, ("minutes",), False),
    )

    def fieldsets(self):
        for legend, names, compact in self.FIELDSETS:
            errors = self.group_errors if names[0].startswith(GROUP_PREFIX) else []
            yield {
                "legend": legend,
                "fields": [self[name] for name in names],
                "errors": errors,
                "compact": compact,
            }

    def clean(self):
        data = super().clean()
        day, time = data.get("start_date"), data.get("start_time")
        if day and time:
            data["starts_at"] = timezone.make_aware(datetime.combine(day, time))
        end_day, end_time = data.get("end_date"), data.get("end_time")
        if end_day and not end_time:
            self.add_error("end_time", _("Give the time it ended, or clear the end date."))
        elif end_time and day:
            data["ends_at"] = timezone.make_aware(datetime.combine(end_day or day, end_time))
        else:
            data["ends_at"] = None
        return data

    def service_values(self) -> dict:
        """The cleaned data as the event services take it."""
        data = self.cleaned_data
        values = {
            name: data.get(name)
            for name in (
                "kind",
                "title",
                "starts_at",
                "ends_at",
                "place",
                "link",
                "directorate",
                "moderator",
                "plan",
                "phase",
                "status",
                "minutes",
                "invited",
                "attended",
                "total",
                "version",
            )
        }
        for name in SEX_FIELDS:
            values[name] = data.get(name) or 0
        values["group_counts"] = {
            group: data.get(GROUP_PREFIX + group)
            for group in Event.Group.values
            if data.get(GROUP_PREFIX + group)
        }
        return values

    def apply_service_error(self, error: ValidationError) -> None:
        """Show a service's refusal on the field the person typed into."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        total_given = self.cleaned_data.get("total") is not None
        where = {
            "starts_at": "start_date",
            "ends_at": "end_time",
            "not_stated": "total" if total_given else "not_stated",
        }
        for field, messages in error.error_dict.items():
            if field == "group_counts":
                self.group_errors.extend(m for item in messages for m in item.messages)
                self.add_error(None, messages)
                continue
            target = where.get(field, field)
            self.add_error(target if target in self.fields else None, messages)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("Minutes, a sign-in sheet, photos: PDF, image, office document or CSV."),
    )


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["kind"].choices = every + Event.Kind.choices
        self.fields["phase"].choices = every + Event.Phase.choices
        self.fields["status"].choices = every + Event.Status.choices
        self.fields["plan"] = forms.ModelChoiceField(
            label=_("Plan edition"),
            queryset=ActionPlan.objects.filter(municipality=municipality).order_by(
                "-start_year", "-edition"
            ),
            required=False,
            empty_label=_("All"),
        )
        years = Event.objects.filter(municipality=municipality).dates("starts_at", "year")
        self.fields["year"].choices = every + [
            (d.year, str(d.year)) for d in sorted(years, reverse=True)
        ]
        self.order_fields(["kind", "phase", "plan", "status", "year"])
