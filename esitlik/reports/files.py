"""A stored report as a file to download, the same from the reports pages, the public portal
and the API: the stored PDF byte for byte (the copy that was read and published); XLSX,
standalone HTML and JSON drawn from the stored document."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse

from esitlik.core import csp
from esitlik.reports.document import Report
from esitlik.reports.models import StoredReport
from esitlik.reports.render import CONTENT_TYPES, render


def file_name(report: StoredReport, format: str) -> str:
    """ornek-equality-in-service-2025-tr-public.pdf; a half year's "2025/1" as "2025-1"."""
    name = f"{report.municipality.slug}-{report.kind}-{report.subject}-{report.language}"
    if report.audience == StoredReport.Audience.PUBLIC:
        name += "-public"
    return f"{name.replace('/', '-')}.{format}"


def report_file(report: StoredReport, format: str) -> HttpResponse:
    """``format`` is one of render.FORMATS (the caller answers 404 for anything else)."""
    name = file_name(report, format)
    if format == "pdf" and report.pdf:
        return FileResponse(
            report.pdf.open("rb"),
            as_attachment=True,
            filename=name,
            content_type=CONTENT_TYPES["pdf"],
        )
    data = render(Report.from_dict(report.document), format)
    response = HttpResponse(data, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if format == "html":
        # A standalone file with its styles inline: a download, and should a browser show it
        # anyway, a sandboxed one (no script, no forms, not of our origin).
        response[csp.HEADER] = csp.SANDBOXED_FILE_POLICY
    return response
