"""Forms of the session pages: recording a session, filtering the list, and the attendance
page's "a person not yet on the staff list"."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from esitlik.core.counts import SEX_FIELDS
from esitlik.core.forms import AmountField, DirectorateChoiceField
from esitlik.core.models import Municipality
from esitlik.core.sex import Sex
from esitlik.core.text import tr_sorted
from esitlik.participation.forms_fields import CountField, DateField
from esitlik.plans.forms import VersionedForm
from esitlik.plans.models import Action
from esitlik.training.models import Programme, RoleCategory, Trainer, TrainingSession

GROUP_PREFIX = "group_"
COUNT_NAMES = (*SEX_FIELDS, "total", *(GROUP_PREFIX + g for g in Action.TargetGroup.values))


def programme_choices(municipality: Municipality, keep: Programme | None = None):
    """Offered programmes (and ``keep``, one a session already names), grouped by audience."""
    rows = Programme.objects.filter(municipality=municipality)
    records = {p.pk: p for p in rows if p.is_active or (keep is not None and p.pk == keep.pk)}
    groups = []
    for audience, label in Programme.Audience.choices:
        members = tr_sorted(
            (p for p in records.values() if p.audience == audience), key=lambda p: str(p)
        )
        if members:
            groups.append((label, [(p.pk, str(p)) for p in members]))
    return records, groups


def _trainer_text(trainer: Trainer) -> str:
    name = trainer.display_name
    return f"{name} ({trainer.organisation})" if trainer.organisation else name


def trainer_choices(municipality: Municipality, keep=()):
    """The pool's active trainers (and ``keep``, those a session already names), municipal
    staff first, each group Turkish-sorted. Only members who see staff fill this form."""
    keep_ids = {t.pk for t in keep}
    rows = Trainer.objects.filter(municipality=municipality).select_related("staff")
    records = {t.pk: t for t in rows if t.status == Trainer.Status.ACTIVE or t.pk in keep_ids}
    groups = []
    for kind, label in Trainer.Kind.choices:
        members = [t for t in records.values() if t.kind == kind]
        if members:
            choices = [(t.pk, _trainer_text(t)) for t in members]
            groups.append((label, tr_sorted(choices, key=lambda choice: choice[1])))
    return records, groups


class SessionForm(VersionedForm):
    title = forms.CharField(
        label=_("Group or session name"),
        max_length=150,
        required=False,
        help_text=_("Optional, e.g. “Group 2” or “Branch managers”."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=TrainingSession.Status.choices,
        help_text=_("Attendance is recorded once the session is held."),
    )
    starts_on = DateField(label=_("First day"), help_text=_("e.g. 15.03.2026"))
    ends_on = DateField(
        label=_("Last day"), required=False, help_text=_("If it lasted more than a day.")
    )
    hours = AmountField(
        label=_("Hours"),
        required=False,
        max_digits=5,
        decimal_places=1,
        help_text=_("Teaching hours in all, e.g. 6 or 12,5."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    link = forms.CharField(
        label=_("Link"),
        max_length=500,
        required=False,
        help_text=_("For an online session: the address starting with https://."),
        widget=forms.URLInput,
    )
    attendance_kind = forms.ChoiceField(
        label=_("Attendance recorded as"),
        choices=TrainingSession.AttendanceKind.choices,
        help_text=_(
            "Named staff: tick who attended on the attendance page once the session is held. "
            "Counts: type how many took part, below."
        ),
    )
    women = CountField(label=_("Women"))
    men = CountField(label=_("Men"))
    other = CountField(label=_("Other"))
    not_stated = CountField(label=_("Not stated"))
    total = CountField(label=_("Total"), help_text=_("If only the total is known."))
    pre_score = AmountField(
        label=_("Pre-test"),
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text=_("Average score out of 100, e.g. 54,5."),
    )
    post_score = AmountField(
        label=_("Post-test"),
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text=_("Average score out of 100."),
    )
    satisfaction = AmountField(
        label=_("Satisfaction"),
        required=False,
        max_digits=3,
        decimal_places=2,
        help_text=_("Average from 1 to 5, e.g. 4,3."),
    )
    evaluation_responses = CountField(label=_("Forms returned"))
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self,
        *args,
        municipality: Municipality,
        session: TrainingSession | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.group_errors: list[str] = []
        programmes, programme_groups = programme_choices(
            municipality, keep=session.programme if session else None
        )
        self.fields["programme"] = forms.TypedChoiceField(
            label=_("Programme"),
            choices=[("", _("— choose a programme —")), *programme_groups],
            coerce=lambda pk: programmes[int(pk)],
            error_messages={"required": _("Choose the programme this session delivers.")},
        )
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality,
            label=_("Organising directorate"),
            empty_value=None,
            help_text=_("Its focal point may then update the session and its attendance."),
        )
        trainers, trainer_groups = trainer_choices(
            municipality, keep=session.trainers.all() if session else ()
        )
        self.fields["trainers"] = forms.TypedMultipleChoiceField(
            label=_("Trainers"),
            choices=trainer_groups,
            coerce=lambda pk: trainers[int(pk)],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("From the trainer pool; add missing trainers to the pool first."),
        )
        for group, label in Action.TargetGroup.choices:
            self.fields[GROUP_PREFIX + group] = CountField(label=label)
        if session is None:
            del self.fields["version"]

    @staticmethod
    def initial_for(session: TrainingSession) -> dict:
        initial = {
            name: getattr(session, name)
            for name in (
                "title",
                "status",
                "starts_on",
                "ends_on",
                "hours",
                "place",
                "online",
                "link",
                "attendance_kind",
                "pre_score",
                "post_score",
                "satisfaction",
                "evaluation_responses",
                "notes",
                "version",
            )
        }
        initial["programme"] = session.programme_id
        initial["directorate"] = session.directorate_id
        initial["trainers"] = [t.pk for t in session.trainers.all()]
        for name in SEX_FIELDS:
            initial[name] = getattr(session, name) or None
        for group, count in session.group_counts.items():
            initial[GROUP_PREFIX + group] = count
        return initial

    # Fields shown together under a legend (participation/_fieldsets.html draws them);
    # compact ones sit side by side. The counts are for sessions recorded as counts: their
    # legends say so, and training.js hides them while "named staff" is chosen.
    FIELDSETS = (
        (_("The session"), ("programme", "title", "status"), False),
        (_("When"), ("starts_on", "ends_on", "hours"), True),
        (_("Where and who"), ("place", "online", "link", "directorate", "trainers"), False),
        (_("Attendance"), ("attendance_kind",), False),
        (_("Participants by sex (for a session recorded as counts)"), (*SEX_FIELDS, "total"), True),
        (
            _("Participants by group (for a session recorded as counts)"),
            tuple(GROUP_PREFIX + g for g in Action.TargetGroup.values),
            True,
        ),
        (
            _("Evaluation (session averages)"),
            ("pre_score", "post_score", "satisfaction", "evaluation_responses"),
            True,
        ),
        (None, ("notes",), False),
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

    def service_values(self) -> dict:
        """The cleaned data as ``session_create`` / ``session_update`` take it."""
        data = self.cleaned_data
        values = {
            name: data.get(name)
            for name in (
                "programme",
                "title",
                "status",
                "starts_on",
                "ends_on",
                "hours",
                "place",
                "online",
                "link",
                "directorate",
                "attendance_kind",
                "trainers",
                "total",
                "pre_score",
                "post_score",
                "satisfaction",
                "evaluation_responses",
                "notes",
                "version",
            )
            if name in self.fields
        }
        for name in SEX_FIELDS:
            values[name] = data.get(name) or 0
        values["group_counts"] = {
            group: data[GROUP_PREFIX + group]
            for group in Action.TargetGroup.values
            if data.get(GROUP_PREFIX + group)
        }
        return values

    def apply_service_error(self, error: ValidationError) -> None:
        """Show a service's refusal on the field the person typed into."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        total_given = self.cleaned_data.get("total") is not None
        where = {"not_stated": "total" if total_given else "not_stated"}
        for field, messages in error.error_dict.items():
            if field == "group_counts":
                self.group_errors.extend(m for item in messages for m in item.messages)
                self.add_error(None, messages)
                continue
            target = where.get(field, field)
            self.add_error(target if target in self.fields else None, messages)


class SessionFilterForm(forms.Form):
    """The list's filters, sent with GET so a filtered list can be bookmarked."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        programmes = tr_sorted(Programme.objects.filter(municipality=municipality), key=str)
        self.fields["programme"] = forms.TypedChoiceField(
            label=_("Programme"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=every + [(p.pk, str(p)) for p in programmes],
        )
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality, label=_("Organising directorate"), empty_value=None
        )
        self.fields["directorate"].choices = every + self.fields["directorate"].choices[1:]
        years = TrainingSession.objects.filter(municipality=municipality).dates("starts_on", "year")
        self.fields["year"].choices = every + [
            (d.year, str(d.year)) for d in sorted(years, reverse=True)
        ]
        self.fields["status"].choices = every + TrainingSession.Status.choices
        self.fields["audience"].choices = every + Programme.Audience.choices
        self.order_fields(["programme", "year", "directorate", "status", "audience"])


class NewcomerForm(forms.Form):
    """A person who attended but is not on the staff list yet; left empty, nobody is added."""

    name = forms.CharField(label=_("Name and surname"), max_length=150, required=False)
    staff_number = forms.CharField(
        label=_("Staff number"),
        max_length=30,
        required=False,
        help_text=_("The registration number (sicil no), if known."),
    )
    sex = forms.ChoiceField(
        label=_("Sex"), choices=Sex.choices, initial=Sex.NOT_STATED, required=False
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality, label=_("Directorate"), empty_value=None
        )
        categories = {
            c.pk: c for c in RoleCategory.objects.filter(municipality=municipality, is_active=True)
        }
        self.fields["role_category"] = forms.TypedChoiceField(
            label=_("Role category"),
            choices=[("", _("— none —")), *((pk, str(c)) for pk, c in categories.items())],
            coerce=lambda pk: categories[int(pk)],
            required=False,
            empty_value=None,
        )
        self.order_fields(["name", "staff_number", "directorate", "role_category", "sex"])

    def clean(self):
        data = super().clean()
        # The directorate comes filled in with the session's, so it alone says nothing.
        given = data.get("staff_number") or data.get("role_category")
        if given and not (data.get("name") or "").strip():
            self.add_error("name", _("Give the person's name and surname, or clear this part."))
        return data

    def newcomer(self) -> dict | None:
        """``staff_create``'s arguments for the person, or None when the part was left empty."""
        data = self.cleaned_data
        if not (data.get("name") or "").strip():
            return None
        values = {
            name: data.get(name)
            for name in ("name", "staff_number", "directorate", "role_category")
        }
        return {**values, "sex": data.get("sex") or Sex.NOT_STATED}
