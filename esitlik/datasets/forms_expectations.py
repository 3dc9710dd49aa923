"""Forms of the completeness page: the year picker, and one entry of expected data."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality
from esitlik.datasets.forms_catalogue import directorate_field
from esitlik.datasets.forms_imports import year_choices
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import DataExpectation, Service

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Service) -> str:
        return f"{obj} ({obj.directorate})"


class ExpectationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of data"), choices=Kind.choices)
    year = forms.TypedChoiceField(
        label=_("Year"), coerce=int, help_text=_("The year the figures are about.")
    )
    due = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DATE,
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y"],
        help_text=_("By when the directorate should send it; reminders start the day after."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("What exactly is asked for, e.g. “with age bands and neighbourhoods”."),
    )

    def __init__(self, *args, municipality: Municipality, expectation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"] = directorate_field(
            municipality,
            keep=expectation.directorate if expectation else None,
            required=True,
            label=_("Directorate"),
            help_text=_("The directorate expected to send the data."),
        )
        years = year_choices()
        if expectation and (expectation.year, expectation.year) not in years:
            years.append((expectation.year, expectation.year))
        self.fields["year"].choices = years
        self.fields["service"] = ServiceChoiceField(
            label=_("Service"),
            required=False,
            queryset=Service.objects.filter(municipality=municipality).select_related(
                "directorate"
            ),
            empty_label=_("— any of its services —"),
            help_text=_("Only for service records and counts: one service in particular."),
        )
        self.order_fields(["directorate", "kind", "year", "service", "due", "note"])

    @staticmethod
    def initial_for(expectation: DataExpectation) -> dict:
        return {
            "directorate": expectation.directorate_id,
            "kind": expectation.kind,
            "year": expectation.year,
            "service": expectation.service_id,
            "due": expectation.due,
            "note": expectation.note,
        }
