"""Forms for indicators (definition and yearly targets) and for each period's update."""

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.forms import AmountField, DirectorateChoiceField
from esitlik.core.i18n_text import BilingualField
from esitlik.plans.forms import VersionedForm
from esitlik.plans.models import ActionPlan, Indicator


def _number(label, **kwargs):
    # Indicator values are typed like amounts ("45,5", "1.250"), and may be negative for gaps.
    return AmountField(label=label, required=False, max_digits=14, decimal_places=2, **kwargs)


class IndicatorForm(VersionedForm):
    title = BilingualField(label=_("Indicator"))
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=Indicator.Kind.choices,
        help_text=_(
            "Structural: a rule or body exists. Process: what the municipality does. "
            "Outcome: what changes for people."
        ),
    )
    measure = forms.ChoiceField(label=_("Measure"), choices=Indicator.Measure.choices)
    unit = forms.CharField(
        label=_("Unit"), max_length=40, required=False, help_text=_("e.g. people, %, sessions")
    )
    by_sex = forms.BooleanField(
        label=_("Values by sex"),
        required=False,
        help_text=_("Targets and reported values are given for women and men separately."),
    )
    baseline_value = _number(_("Baseline value"))
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), required=False, min_value=2000, max_value=2100
    )
    direction = forms.ChoiceField(label=_("Direction"), choices=Indicator.Direction.choices)
    band_low = _number(_("Band from"), help_text=_("Only for “within a band”, e.g. 40."))
    band_high = _number(_("Band to"), help_text=_("Only for “within a band”, e.g. 60."))
    frequency = forms.ChoiceField(
        label=_("Frequency"),
        choices=Indicator.Frequency.choices,
        initial=Indicator.Frequency.YEARLY,
    )
    source = forms.CharField(
        label=_("Data source"),
        max_length=300,
        required=False,
        help_text=_("Where the value comes from, e.g. the directorate's service register."),
    )

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["responsible_directorate"] = DirectorateChoiceField(
            municipality=plan.municipality,
            label=_("Responsible directorate"),
            required=False,
            empty_value=None,
            help_text=_("Its focal point reports the values. Empty: the action's lead."),
        )
        for year in self.years:
            self.fields[f"target_{year}"] = _number(_("Target %(year)s") % {"year": year})
            self.fields[f"women_{year}"] = _number(_("Women %(year)s") % {"year": year})
            self.fields[f"men_{year}"] = _number(_("Men %(year)s") % {"year": year})

    @property
    def years(self) -> range:
        return range(self.plan.start_year, self.plan.end_year + 1)

    def target_rows(self):
        """(year, total field, women field, men field) for the targets table."""
        return [
            (year, self[f"target_{year}"], self[f"women_{year}"], self[f"men_{year}"])
            for year in self.years
        ]

    def definition_fields(self):
        targets = ("target_", "women_", "men_")
        return [
            bound
            for name in self.fields
            if not name.startswith(targets) and not (bound := self[name]).is_hidden
        ]

    def clean(self):
        data = super().clean()
        data["targets"] = [
            {
                "year": year,
                "value": data.pop(f"target_{year}", None),
                "women": data.pop(f"women_{year}", None),
                "men": data.pop(f"men_{year}", None),
            }
            for year in self.years
        ]
        return data

    @staticmethod
    def initial_for(indicator: Indicator) -> dict:
        initial = {
            "title": indicator.title,
            "kind": indicator.kind,
            "measure": indicator.measure,
            "unit": indicator.unit,
            "by_sex": indicator.by_sex,
            "baseline_value": indicator.baseline_value,
            "baseline_year": indicator.baseline_year,
            "direction": indicator.direction,
            "band_low": indicator.band_low,
            "band_high": indicator.band_high,
            "frequency": indicator.frequency,
            "source": indicator.source,
            "responsible_directorate": indicator.responsible_directorate_id,
            "version": indicator.version,
        }
        for target in indicator.targets.all():
            initial[f"target_{target.year}"] = target.value
            initial[f"women_{target.year}"] = target.women
            initial[f"men_{target.year}"] = target.men
        return initial


class UpdateForm(VersionedForm):
    value = _number(_("Value"))
    women = _number(_("Women"))
    men = _number(_("Men"))
    narrative = forms.CharField(
        label=_("What was done"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What happened in this period, what helped and what got in the way."),
    )
    evidence_links = forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One web address per line, e.g. a news item or a published report."),
    )
    evidence_file = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_("PDF, image, office document or CSV, at most 20 MB."),
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        if not indicator.by_sex:
            del self.fields["women"], self.fields["men"]
        if not indicator.is_numeric:
            del self.fields["value"]
        elif indicator.unit:
            self.fields["value"].help_text = indicator.unit
        if indicator.measure == Indicator.Measure.YES_NO:
            self.fields["value"].help_text = _("1 for yes, 0 for no")


class ReviewForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when returning: say what should change."),
    )


class ReopenForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3})
    )
