"""Forms of the trainer pool: a trainer (one of the municipality's staff, or from outside), a
certification, and the list's filters. The service checks what belongs together (a staff
trainer needs the person, an external one a name), so its message lands on the field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.sex import Sex
from esitlik.core.text import tr_casefold, tr_sort_key
from esitlik.participation.forms_fields import DateField
from esitlik.plans.forms import VersionedForm
from esitlik.training.forms_staff import SexField
from esitlik.training.models import StaffMember, Trainer
from esitlik.training.selectors_trainers import CertificationStatus


class TopicsField(forms.CharField):
    """Topics typed as one line, separated by commas; the service splits and checks them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(topic) for topic in value)
        return value


def staff_choices(municipality: Municipality, keep: StaffMember | None = None) -> list:
    """Staff who still work here and are not trainers yet (plus ``keep``, the person a
    trainer already is), Turkish-sorted, each with their directorate to tell namesakes
    apart."""
    rows = (
        StaffMember.objects.filter(municipality=municipality, is_active=True, trainer__isnull=True)
        .select_related("directorate")
        .order_by()
    )
    people = list(rows)
    if keep is not None and keep not in people:
        people.append(keep)
    people.sort(key=lambda person: (tr_sort_key(person.name), person.pk))

    def label(person):
        if person.directorate_id:
            return f"{person.name} — {localized(person.directorate.name)}"
        return person.name

    return [("", _("— choose a person —")), *((p.pk, label(p)) for p in people)]


class TrainerForm(VersionedForm):
    kind = forms.ChoiceField(
        label=_("The trainer is"), choices=Trainer.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Name and surname"), max_length=150, required=False)
    organisation = forms.CharField(
        label=pgettext_lazy("trainer", "Organisation"),
        max_length=200,
        required=False,
        help_text=_("The association, university or firm the trainer comes from."),
    )
    sex = SexField(label=_("Sex"), widget=forms.RadioSelect, initial=Sex.NOT_STATED)
    topics = TopicsField(
        label=_("Topics they may deliver"),
        help_text=_("Separate with commas, e.g. gender equality, rights-based monitoring."),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Trainer.Status.choices, widget=forms.RadioSelect
    )
    training_for = forms.CharField(
        label=_("Being trained for"),
        max_length=200,
        required=False,
        help_text=_("For someone in training: the programme they are preparing to deliver."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    FIELDSETS = (
        (None, ("kind",), False),
        (_("Municipal staff"), ("staff",), False),
        (_("External trainer"), ("name", "organisation", "sex"), False),
        (_("What they train"), ("topics", "status", "training_for", "notes"), False),
    )

    def __init__(self, *args, municipality: Municipality, trainer: Trainer | None = None, **kw):
        super().__init__(*args, **kw)
        self.municipality = municipality
        self.fields["staff"] = forms.TypedChoiceField(
            label=_("Staff person"),
            choices=staff_choices(municipality, keep=trainer.staff if trainer else None),
            coerce=self._to_staff,
            empty_value=None,
            required=False,
            help_text=_(
                "Staff who still work here and are not in the pool yet. Someone missing? "
                "Add them to the staff register first."
            ),
        )
        if trainer is None:
            del self.fields["version"]

    def _to_staff(self, value):
        return StaffMember.objects.get(pk=value, municipality=self.municipality)

    def fieldsets(self):
        for legend, names, compact in self.FIELDSETS:
            yield {
                "legend": legend,
                "fields": [self[name] for name in names],
                "errors": [],
                "compact": compact,
            }

    @staticmethod
    def initial_for(trainer: Trainer) -> dict:
        return {
            "kind": trainer.kind,
            "staff": trainer.staff_id,
            "name": trainer.name,
            "organisation": trainer.organisation,
            "sex": trainer.sex,
            "topics": trainer.topics,
            "status": trainer.status,
            "training_for": trainer.training_for,
            "notes": trainer.notes,
            "version": trainer.version,
        }


class CertificationForm(forms.Form):
    title = forms.CharField(
        label=_("Certificate"),
        max_length=200,
        help_text=_("e.g. Rights-based monitoring trainer (training of trainers)."),
    )
    issuer = forms.CharField(label=_("Issued by"), max_length=200)
    issued_on = DateField(label=_("Date issued"))
    expires_on = DateField(
        label=_("Valid until"),
        required=False,
        help_text=_("Leave empty if it does not expire."),
    )

    @staticmethod
    def initial_for(certification) -> dict:
        return {
            "title": certification.title,
            "issuer": certification.issuer,
            "issued_on": certification.issued_on,
            "expires_on": certification.expires_on,
        }


class TopicChoiceField(forms.ChoiceField):
    """A topic of the list, however it is capitalised: "HAK TEMELLİ İZLEME" is offered as
    "Hak temelli izleme" and a bookmarked address with either finds the same trainers."""

    def to_python(self, value):
        value = super().to_python(value)
        key = tr_casefold(value)
        return next(
            (str(k) for k, _label in self.choices if k and tr_casefold(str(k)) == key), value
        )


class TrainerFilterForm(forms.Form):
    topic = TopicChoiceField(label=_("Topic"), required=False)
    certification = forms.ChoiceField(label=_("Certification"), required=False)

    def __init__(self, *args, topics: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics")), *((t, t) for t in topics)]
        self.fields["certification"].choices = [
            ("", _("All")),
            *CertificationStatus.choices,
            ("none", _("No certificate")),
        ]
