"""Stored reports made directly, for tests of the pages around them (access, lists,
downloads) where building a real report from data would only cost time."""

from django.core.files.base import ContentFile
from django.utils import timezone

from esitlik.reports.document import Audience, Report, Section, Table
from esitlik.reports.models import StoredReport


def small_document(municipality, *, year=2025, audience=Audience.PUBLIC) -> Report:
    return Report(
        kind="equality-in-service",
        title=f"Hizmette Eşitlik Raporu {year}",
        subtitle=municipality.name,
        language="tr",
        audience=audience,
        municipality={"name": municipality.name, "slug": municipality.slug},
        period={"year": year},
        generated_at="2026-01-15T10:00:00+03:00",
        inputs={"runs": [], "today": "2026-01-15"},
        sections=[
            Section(
                id="summary",
                title="Özet",
                findings=["Bir bulgu."],
                tables=[Table(id="t", title="Tablo", columns=[], rows=[])],
            )
        ],
    )


def ready_report(municipality, *, audience="public", published=False, by=None) -> StoredReport:
    document = small_document(municipality, audience=Audience(audience))
    report = StoredReport.objects.create(
        municipality=municipality,
        kind=StoredReport.Kind.EQUALITY,
        year=2025,
        language="tr",
        audience=audience,
        status=StoredReport.Status.READY,
        progress=100,
        title=document.title,
        document=document.to_dict(),
        inputs=document.inputs,
        finished_at=timezone.now(),
        published_at=timezone.now() if published else None,
        published_by=by if published else None,
        created_by=by,
    )
    report.pdf.save("rapor.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return report
