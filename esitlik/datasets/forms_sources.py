"""The form that ties a plan indicator to the data."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.forms import DirectorateChoiceField
from esitlik.core.text import tr_sorted
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import IndicatorSource, Service
from esitlik.datasets.vocab import DecisionBody, Outcome

# Service records and counts are read together, as "service use".
KIND_CHOICES = [
    (Kind.SERVICE_RECORDS.value, _("Service use (service records and counts)")),
    (Kind.WORKFORCE.value, Kind.WORKFORCE.label),
    (Kind.DECISION_MAKERS.value, Kind.DECISION_MAKERS.label),
    (Kind.BUDGET.value, Kind.BUDGET.label),
]


class IndicatorSourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Dataset"), choices=KIND_CHOICES)
    metric = forms.ChoiceField(label=_("Measure"), choices=IndicatorSource.Metric.choices)
    service = forms.TypedChoiceField(
        label=_("Service"),
        required=False,
        empty_value=None,
        help_text=_("Service use only. Leave empty for every service."),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome counted"),
        required=False,
        choices=[("", _("Beneficiaries (received, or no outcome recorded)"))] + Outcome.choices,
        help_text=_("Service use only."),
    )
    body = forms.ChoiceField(
        label=_("Body"),
        required=False,
        choices=[("", _("Every body"))] + DecisionBody.choices,
        help_text=_("Decision-makers only."),
    )
    role_category = forms.CharField(
        label=_("Role category"),
        required=False,
        max_length=120,
        help_text=_("Workforce only, as written in the workforce files. Empty: everyone."),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality,
            label=_("Directorate"),
            help_text=_("Leave empty for the whole municipality."),
        )
        services = tr_sorted(Service.objects.filter(municipality=municipality), key=str)
        self.fields["service"].choices = [("", _("— every service —"))] + [
            (service.pk, str(service)) for service in services
        ]
        self.fields["service"].coerce = lambda pk: Service.objects.get(
            pk=pk, municipality=municipality
        )
        self.order_fields(["kind", "metric", "service", "directorate", "outcome", "body"])

    @staticmethod
    def initial_of(source: IndicatorSource | None) -> dict:
        if source is None:
            return {}
        return {
            "kind": source.kind,
            "metric": source.metric,
            "service": source.service_id or "",
            "directorate": source.directorate_id or "",
            "outcome": source.outcome,
            "body": source.body,
            "role_category": source.role_category,
            "version": source.version,
        }
