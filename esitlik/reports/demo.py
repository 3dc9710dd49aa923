"""Demo reports: Örnek's Equality in Service report for the demo year, public version in
Turkish, prepared and published by the equality unit's admin, so the reports list, the
report's page and its downloads have something to show (and the portal something published).

Built here in the foreground, as the background task would: about five seconds."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model

from esitlik.core.models import Municipality
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from esitlik.reports import making
from esitlik.reports.models import StoredReport


def load() -> int:
    ornek = Municipality.objects.filter(slug="ornek").first()
    if ornek is None or StoredReport.objects.filter(municipality=ornek).exists():
        return 0
    population = ImportRun.objects.filter(
        municipality=ornek, kind=Kind.POPULATION, status=ImportRun.Status.LANDED
    ).first()
    if population is None:
        return 0
    admin = get_user_model().objects.filter(username="yonetici").first()
    # Disclosure control logs each table it protects: for the server, not the demo's output.
    logging.getLogger("esitlik.disclosure").setLevel(logging.WARNING)
    report = making.request_report(
        municipality=ornek,
        kind=StoredReport.Kind.EQUALITY,
        year=population.year,
        language="tr",
        audience=StoredReport.Audience.PUBLIC,
        by=admin,
        enqueue=False,
    )
    making.build_execute(report.pk)
    report.refresh_from_db()
    if report.status == StoredReport.Status.READY:
        making.publish(report=report, by=admin)
    return 1
