"""Writes that tie a plan indicator to the data: setting or removing its source, and putting a
value computed from the data into the indicator's period update (as a draft, for the usual
review)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.datasets.indicator_values import (
    INDICATOR_MEASURE,
    METRICS_OF_KIND,
    values_from_data,
)
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import IndicatorSource
from esitlik.datasets.vocab import DecisionBody, Outcome
from esitlik.plans.models import Indicator
from esitlik.plans.progress import update_save

FIELDS = ("kind", "metric", "service", "directorate", "outcome", "body", "role_category")


def _check(source: IndicatorSource) -> None:
    indicator = source.indicator
    municipality_id = indicator.plan.municipality_id
    errors = {}
    kind = Kind(source.kind)
    if kind not in METRICS_OF_KIND:
        errors["kind"] = _("Population figures are a reference, not an indicator's source.")
    elif source.metric not in METRICS_OF_KIND[kind]:
        errors["metric"] = _("“%(metric)s” cannot be computed from %(kind)s.") % {
            "metric": IndicatorSource.Metric(source.metric).label,
            "kind": kind.label.lower(),
        }
    elif INDICATOR_MEASURE[source.metric] != indicator.measure:
        errors["metric"] = _(
            "The indicator is measured as “%(measure)s”; choose a measure that gives that, or "
            "change the indicator."
        ) % {"measure": indicator.get_measure_display()}
    if source.service_id and (
        kind not in (Kind.SERVICE_RECORDS, Kind.SERVICE_COUNTS)
        or source.service.municipality_id != municipality_id
    ):
        errors["service"] = _("Choose one of this municipality's services for service data.")
    if source.directorate_id and (
        kind == Kind.DECISION_MAKERS or source.directorate.municipality_id != municipality_id
    ):
        errors["directorate"] = _("Choose one of this municipality's directorates.")
    if source.outcome and source.outcome not in Outcome.values:
        errors["outcome"] = _("Choose an outcome from the list.")
    if source.body and (kind != Kind.DECISION_MAKERS or source.body not in DecisionBody.values):
        errors["body"] = _("A body is chosen only for decision-makers, from the list.")
    source.role_category = " ".join(source.role_category.split())
    if source.role_category and kind != Kind.WORKFORCE:
        errors["role_category"] = _("A role category is given only for workforce data.")
    if errors:
        raise ValidationError(errors)
    source.full_clean(exclude=["indicator"])


def _assign(source: IndicatorSource, values: dict) -> None:
    # Forms give "" for an empty choice: no service or directorate, no outcome, body, role.
    for field, value in values.items():
        if field in ("service", "directorate"):
            setattr(source, field, value or None)
        else:
            setattr(source, field, value or "")


@transaction.atomic
def source_set(
    *, indicator: Indicator, by, version: int | None = None, **values
) -> IndicatorSource:
    """Create or change the indicator's data source."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    source = IndicatorSource.objects.filter(indicator=indicator).first()
    municipality = indicator.plan.municipality
    if source is None:
        source = IndicatorSource(indicator=indicator)
        _assign(source, values)
        _check(source)
        source.save()
        audit_record(
            action="datasets.indicator_source.set",
            actor=by,
            municipality=municipality,
            obj=source,
            changes=created(source, FIELDS),
        )
        return source
    check_version(source, version)
    before = snapshot(source, FIELDS)
    _assign(source, values)
    _check(source)
    save_and_audit(
        source, before, action="datasets.indicator_source.set", actor=by, municipality=municipality
    )
    return source


@transaction.atomic
def source_remove(*, source: IndicatorSource, by) -> None:
    audit_record(
        action="datasets.indicator_source.removed",
        actor=by,
        municipality=source.indicator.plan.municipality,
        obj=source,
        changes={
            field: {"old": value, "new": None} for field, value in snapshot(source, FIELDS).items()
        },
    )
    source.delete()


@transaction.atomic
def source_value_use(*, source: IndicatorSource, year: int, by):
    """Put the data's value of ``year`` into the indicator's yearly update, as a draft with a
    note saying where it came from. Refused when the data has no value for that year."""
    indicator = source.indicator
    if indicator.frequency != Indicator.Frequency.YEARLY:
        raise ValidationError(
            _("Values from data are yearly; this indicator is reported every six months.")
        )
    found = values_from_data(source, [year]).get(year)
    if found is None or found.value is None:
        raise ValidationError(_("The data has no value for %(year)s.") % {"year": year})
    note = _("Computed from the data: %(source)s.") % {
        "source": f"{source.get_kind_display()} — {source.get_metric_display()}"
    }
    existing = indicator.updates.filter(year=year, half=0).first()
    narrative = existing.narrative if existing and existing.narrative else note
    return update_save(
        indicator=indicator,
        year=year,
        half=0,
        by=by,
        value=found.value,
        women=found.women if indicator.by_sex else None,
        men=found.men if indicator.by_sex else None,
        narrative=narrative,
        evidence_links=existing.evidence_links if existing else "",
        version=existing.version if existing else None,
    )
