"""The filters of the participation summary: a period and a plan edition, read from the
address (a GET form), so a summary can be bookmarked and its export asks for the same."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.dates import add_months
from esitlik.core.models import Municipality
from esitlik.plans.models import ActionPlan

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
QUICK = {
    "this_year": _("This year"),
    "last_3_months": _("Last 3 months"),
}


def quick_period(choice: str, today: date) -> tuple[date | None, date | None]:
    """The dates a quick choice stands for: this year is 1 January – 31 December; the last
    three months end today and start the day after the same date three months ago, so the
    summary can say "3 ayda"."""
    if choice == "this_year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if choice == "last_3_months":
        return add_months(today, -3) + timedelta(days=1), today
    return None, None


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ActionPlan) -> str:
        return f"{obj} ({obj.period})"


class SummaryFilterForm(forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)

    def __init__(self, data=None, *, municipality: Municipality, today: date | None = None):
        if data is not None and data.get("quick") in QUICK:
            # A quick choice is turned into dates, which the form then shows: what the page
            # counted is always visible and can be adjusted from there.
            data = data.copy()
            first, last = quick_period(data["quick"], today or timezone.localdate())
            data["date_from"], data["date_to"] = first.isoformat(), last.isoformat()
            del data["quick"]
        super().__init__(data)
        self.fields["plan"] = PlanChoiceField(
            label=_("Plan edition"),
            queryset=ActionPlan.objects.filter(municipality=municipality).order_by("-edition"),
            required=False,
            empty_label=_("All editions"),
            error_messages={"invalid_choice": _("Choose one of this municipality's plans.")},
        )

    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return data

    def filters(self) -> dict:
        """The filters to count with: none when the form is unbound or wrong (a wrong form
        shows its errors above the unfiltered figures)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: self.cleaned_data.get(name) for name in ("date_from", "date_to", "plan")}

    def query(self) -> str:
        """The valid filters as a query string, for the export link."""
        params = []
        for name, value in self.filters().items():
            if value is None:
                continue
            params.append(f"{name}={value.pk if name == 'plan' else value.isoformat()}")
        return "&".join(params)
