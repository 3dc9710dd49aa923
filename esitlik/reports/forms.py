"""The form that asks for a report: which report, of what (a year, or a plan and a period),
in which language and which version."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.datasets.completeness import default_year, years_with_data
from esitlik.plans.models import ActionPlan
from esitlik.reports.models import StoredReport
from esitlik.reports.progress import MONITORED, PeriodError, check_period, parse_period


def period_choices(plans) -> list[tuple[str, str]]:
    """Every half and whole year the municipality's plans run through, latest first."""
    years = sorted(
        {year for plan in plans for year in range(plan.start_year, plan.end_year + 1)},
        reverse=True,
    )
    choices = []
    for year in years:
        choices.append((str(year), _("%(year)s, whole year") % {"year": year}))
        choices.append((f"{year}H2", _("%(year)s, second half (July–December)") % {"year": year}))
        choices.append((f"{year}H1", _("%(year)s, first half (January–June)") % {"year": year}))
    return choices


def default_period(today) -> str:
    """The last half year that has ended."""
    if today.month >= 7:
        return f"{today.year}H1"
    return f"{today.year - 1}H2"


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of report"), choices=StoredReport.Kind.choices, widget=forms.RadioSelect
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        required=False,
        help_text=_("For the Equality in Service report: the year the data is about."),
    )
    plan = forms.TypedChoiceField(
        label=_("Action plan"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("For the plan monitoring report."),
    )
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        help_text=_("For the plan monitoring report: the state of the plan at the period's end."),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    audience = forms.ChoiceField(
        label=_("Version"),
        choices=StoredReport.Audience.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "The public version hides counts small enough to identify someone; only it can "
            "be published."
        ),
    )

    def __init__(self, *args, municipality, language: str, **kwargs):
        today = timezone.localdate()
        self.plans = list(ActionPlan.objects.filter(municipality=municipality))
        kwargs.setdefault(
            "initial",
            {
                "kind": StoredReport.Kind.EQUALITY,
                "year": default_year(municipality, today),
                "plan": self.plans[0].pk if self.plans else None,
                "period": default_period(today),
                "language": language,
                "audience": StoredReport.Audience.INTERNAL,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in years_with_data(municipality, today)]
        self.fields["plan"].choices = [("", _("— choose a plan —"))] + [
            (plan.pk, f"{localized(plan.title)} ({plan.period})") for plan in self.plans
        ]
        self.fields["period"].choices = period_choices(self.plans) or [
            (default_period(today), default_period(today))
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == StoredReport.Kind.EQUALITY and data.get("year") in (None, ""):
            self.add_error("year", _("Choose the year the report is about."))
        if kind == StoredReport.Kind.PROGRESS:
            plan = next((p for p in self.plans if p.pk == data.get("plan")), None)
            if plan is None:
                self.add_error("plan", _("Choose the plan to report on."))
            elif not data.get("period"):
                self.add_error("period", _("Choose the period to report on."))
            else:
                try:
                    check_period(plan, parse_period(data["period"]), timezone.localdate())
                except PeriodError as error:
                    # A plan not adopted yet is the plan's fault, not the period's.
                    self.add_error("period" if plan.status in MONITORED else "plan", str(error))
            data["plan"] = plan
        return data
