"""The filters of the training summary, read from the address (a GET form) so the figures can
be bookmarked and the workbook asks for the same: a period, a programme and a topic.

A whole year is chosen from a list; the form turns it into the dates it shows, so what the
page counted is always visible and can be adjusted from there (the list goes back to blank).
With no filters at all the page shows this calendar year; a form sent with empty dates counts
all time."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django import forms
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.text import tr_casefold, tr_sort_key, tr_sorted
from esitlik.participation.forms_fields import DateField
from esitlik.training.models import Programme, TrainingSession

ALL_TIME = "all"


def _years(municipality: Municipality, today: date) -> list[int]:
    """This year back to the year of the first session, newest first."""
    span = TrainingSession.objects.filter(municipality=municipality).aggregate(
        first=Min("starts_on"), last=Max("starts_on")
    )
    first = min(span["first"].year if span["first"] else today.year, today.year)
    last = max(span["last"].year if span["last"] else today.year, today.year)
    return list(range(last, first - 1, -1))


def default_year(municipality: Municipality, today: date) -> int:
    """The year the page opens on: this one once a session has been held in it, else the
    last year with a held session (in January the unit still reads last year's figures)."""
    latest = (
        TrainingSession.objects.filter(
            municipality=municipality,
            status=TrainingSession.Status.HELD,
            starts_on__lte=today,
        )
        .aggregate(last=Max("starts_on"))
        .get("last")
    )
    return latest.year if latest else today.year


def _topics(programmes) -> list[str]:
    """Every programme topic once (the first spelling met), in Turkish order."""
    seen: dict[str, str] = {}
    for programme in programmes:
        for topic in programme.topics or []:
            seen.setdefault(tr_casefold(topic), topic)
    return tr_sorted(seen.values())


class TrainingFilterForm(forms.Form):
    year = forms.ChoiceField(
        label=_("Whole year"),
        required=False,
        error_messages={"invalid_choice": _("Choose a year from the list.")},
    )
    date_from = DateField(label=_("From"), required=False)
    date_to = DateField(label=_("To"), required=False)
    programme = forms.TypedChoiceField(
        label=_("Programme"),
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose one of this municipality's programmes.")},
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("Choose a topic of this municipality's programmes.")},
    )

    def __init__(self, data=None, *, municipality: Municipality, today: date | None = None):
        today = today or timezone.localdate()
        self.municipality = municipality
        years = _years(municipality, today)
        if data is None:
            data = {"year": str(default_year(municipality, today))}
        data = data.copy()
        year = (data.get("year") or "").strip()
        if year == ALL_TIME or (year.isdigit() and int(year) in years):
            first, last = ("", "")
            if year != ALL_TIME:
                first, last = date(int(year), 1, 1).isoformat(), date(int(year), 12, 31).isoformat()
            data["date_from"], data["date_to"], data["year"] = first, last, ""
        super().__init__(data)
        self.fields["year"].choices = [
            ("", _("— choose —")),
            (ALL_TIME, _("All time")),
            *((str(y), str(y)) for y in years),
        ]
        programmes = sorted(
            Programme.objects.filter(municipality=municipality),
            key=lambda p: tr_sort_key(localized(p.title)),
        )
        self._programmes = {p.pk: p for p in programmes}
        field = self.fields["programme"]
        field.choices = [("", _("All programmes"))] + [
            (p.pk, localized(p.title)) for p in programmes
        ]
        field.coerce = self._programme
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (t, t) for t in _topics(programmes)
        ]

    def _programme(self, value):
        return self._programmes[int(value)]

    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return data

    def filters(self) -> dict:
        """The filters to count with: none when the form is wrong (it shows its errors above
        the figures of all time)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "programme": data.get("programme"),
            "topic": data.get("topic") or "",
        }

    def query(self) -> str:
        """The filters as a query string, for the export link. Empty dates are kept, so all
        time stays all time instead of becoming this year."""
        filters = self.filters()
        first, last = filters.get("date_from"), filters.get("date_to")
        params = {
            "date_from": first.isoformat() if first else "",
            "date_to": last.isoformat() if last else "",
        }
        if filters.get("programme") is not None:
            params["programme"] = filters["programme"].pk
        if filters.get("topic"):
            params["topic"] = filters["topic"]
        return urlencode(params)
