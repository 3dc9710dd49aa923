"""Which reports a member may see, and loading one named in a URL.

A report's version decides its readers: an internal report shows small counts, so it is for
those who may see figures before disclosure control (``view_unsuppressed``); a public one is
for everyone inside the municipality; a network coordinator, who sees only what was
published, reads the published ones. A report outside that set answers 404, as one of
another municipality does."""

from __future__ import annotations

from django.http import Http404

from esitlik.core.permissions import Perm, can
from esitlik.reports.models import StoredReport


def visible_reports(membership):
    reports = StoredReport.objects.filter(municipality_id=membership.municipality_id)
    if not can(membership, Perm.VIEW_INTERNAL):
        return reports.filter(published_at__isnull=False)
    if not can(membership, Perm.VIEW_UNSUPPRESSED):
        return reports.filter(audience=StoredReport.Audience.PUBLIC)
    return reports


def access_report(membership, report_id: int, *, with_document: bool = False) -> StoredReport:
    reports = visible_reports(membership).select_related(
        "municipality", "plan", "created_by", "published_by"
    )
    if not with_document:
        reports = reports.defer("document")
    report = reports.filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report
