"""The reports pages: asking for a report, the build in the background, the stored document
and its four files, publishing, and who may see what."""

import io
import json
import subprocess
from importlib.metadata import version
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry
from esitlik.reports import making
from esitlik.reports.models import StoredReport
from tests.datasets.helpers import csv_bytes, run_import
from tests.reports.helpers import ready_report


def ask(client, world, **fields):
    data = {
        "kind": "equality-in-service",
        "year": "2025",
        "language": "tr",
        "audience": "internal",
        **fields,
    }
    return client.post(reverse("report_new", args=[world.home.slug]), data)


def actions_of(report) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id=str(report.pk), action__startswith="reports.")
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_a_report_asked_for_is_built_stored_and_audited(world, client, year, tmp_path):
    client.force_login(world.alice)
    response = ask(client, world)
    report = StoredReport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("report_progress", args=[world.home.slug, report.pk])
    # The test settings run tasks at once: the report is ready, so its progress page sends
    # the reader on to its page.
    assert report.status == StoredReport.Status.READY
    progress = client.get(response.url)
    assert progress.url == reverse("report_detail", args=[world.home.slug, report.pk])
    assert report.title == "Hizmette Eşitlik Raporu 2025"
    assert report.document["schema"] == "esitlik/report/equality-in-service"
    assert [run["id"] for run in report.inputs["runs"]] == [run.pk for run in year.runs]
    assert report.pdf_pages >= 10
    assert actions_of(report) == ["reports.report.requested", "reports.report.ready"]

    page = client.get(progress.url).content.decode()
    for format in ("pdf", "xlsx", "html", "json"):
        assert reverse("report_download", args=[world.home.slug, report.pk, format]) in page
    assert year.runs[0].file_sha256[:16] in page

    pdf = client.get(reverse("report_download", args=[world.home.slug, report.pk, "pdf"]))
    stored = report.pdf.open("rb").read()
    assert b"".join(pdf.streaming_content) == stored
    assert pdf["Content-Disposition"].startswith("attachment")
    (tmp_path / "r.pdf").write_bytes(stored)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "“Spor Kursları” hizmetinden yararlananların %23'ü kadın" in text


def test_the_stored_report_does_not_change_when_the_data_does(world, client, year):
    """A report handed to the council reads the same later, whatever arrived since."""
    client.force_login(world.alice)
    ask(client, world)
    report = StoredReport.objects.get()
    url = reverse("report_download", args=[world.home.slug, report.pk, "json"])
    before = client.get(url).content
    more = "Hizmet adı;Yıl;Kadın;Erkek\nSpor Kursları;2025;500;0\n"
    assert run_import(world, "service-counts", csv_bytes(more), name="ek.csv").status == "landed"
    assert client.get(url).content == before
    workbook = load_workbook(
        BytesIO(
            client.get(
                reverse("report_download", args=[world.home.slug, report.pk, "xlsx"])
            ).content
        )
    )
    assert workbook.sheetnames[0] == "Rapor"  # the noun, not the verb "Raporla"
    # The workbook's sports row still has the 230 women of the first file, as a number.
    numbers = [row for sheet in workbook for row in sheet.iter_rows(values_only=True) if 230 in row]
    assert numbers, "the stored figures are in the workbook"
    assert not any(730 in row for sheet in workbook for row in sheet.iter_rows(values_only=True))


def test_the_page_reads_the_report_with_interactive_charts_and_their_fallback(world, client, year):
    client.force_login(world.alice)
    ask(client, world, language="en")
    report = StoredReport.objects.get()
    page = client.get(reverse("report_read", args=[world.home.slug, report.pk])).content.decode()
    assert '<html lang="en">' in page
    assert "Equality in Service Report 2025" in page
    assert "vendor/vega-embed.js" in page and "report-charts.js" in page
    specs = page.split('<script id="report-charts" type="application/json">')[1]
    specs = json.loads(specs.split("</script>")[0])
    chart_ids = set(specs)
    assert chart_ids
    for chart_id in chart_ids:
        # Each chart is drawn as SVG on the page too, for anyone without JavaScript.
        assert f'data-chart="{chart_id}"' in page
    assert page.count("<svg") >= len(chart_ids)
    assert reverse("report_detail", args=[world.home.slug, report.pk]) in page


def test_the_vega_bundle_served_is_the_installed_vl_convert_s():
    bundle = settings.BASE_DIR / "static" / "esitlik" / "vendor" / "vega-embed.js"
    header = bundle.read_text()[:300]
    assert f"vl-convert-python {version('vl-convert-python')} " in header, (
        "run scripts/vega-bundle after upgrading vl-convert-python"
    )
    assert "window.vegaEmbed" in bundle.read_text()[-400:]


def test_only_the_public_version_can_be_published_and_a_new_one_replaces_the_old(
    world, client, year
):
    client.force_login(world.alice)
    ask(client, world)
    internal = StoredReport.objects.get()
    url = reverse("report_publish", args=[world.home.slug, internal.pk])
    page = client.post(url, {"version": internal.version}, follow=True).content.decode()
    assert "Yalnızca kamuya açık sürüm yayımlanabilir" in page
    internal.refresh_from_db()
    assert not internal.is_published

    ask(client, world, audience="public")
    ask(client, world, audience="public")
    first, second = StoredReport.objects.filter(audience="public").order_by("id")
    client.post(reverse("report_publish", args=[world.home.slug, first.pk]))
    first.refresh_from_db()
    assert first.is_published and first.published_by == world.alice
    page = client.get(reverse("report_detail", args=[world.home.slug, second.pk]))
    assert "daha önce yayımlanan" in page.content.decode()
    client.post(reverse("report_publish", args=[world.home.slug, second.pk]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.is_published and not first.is_published
    entry = AuditEntry.objects.get(action="reports.report.published", object_id=str(second.pk))
    assert entry.changes["replaced"] == [first.pk]

    client.post(reverse("report_withdraw", args=[world.home.slug, second.pk]))
    second.refresh_from_db()
    assert not second.is_published
    assert "reports.report.withdrawn" in actions_of(second)


def test_a_publish_from_a_stale_page_is_refused(world, client):
    report = ready_report(world.home)
    client.force_login(world.alice)
    url = reverse("report_publish", args=[world.home.slug, report.pk])
    page = client.post(url, {"version": report.version + 5}, follow=True).content.decode()
    assert "Bu raporu siz bakarken başka biri değiştirdi" in page
    report.refresh_from_db()
    assert not report.is_published


def test_a_published_report_cannot_be_deleted_but_a_draft_can(
    world, client, django_capture_on_commit_callbacks
):
    published = ready_report(world.home, published=True)
    draft = ready_report(world.home)
    stored = draft.pdf.path
    client.force_login(world.alice)
    client.post(reverse("report_delete", args=[world.home.slug, published.pk]))
    assert StoredReport.objects.filter(pk=published.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("report_delete", args=[world.home.slug, draft.pk]))
    assert response.url == reverse("report_list", args=[world.home.slug])
    assert not StoredReport.objects.filter(pk=draft.pk).exists()
    assert AuditEntry.objects.filter(action="reports.report.deleted").count() == 1
    assert not Path(stored).exists()


def test_a_build_that_fails_says_so_and_shows_nothing_half_made(world, client, monkeypatch):
    def broken(report):
        raise RuntimeError("disk full")

    monkeypatch.setattr(making, "compose", broken)
    client.force_login(world.alice)
    ask(client, world)
    report = StoredReport.objects.get()
    assert report.status == StoredReport.Status.FAILED
    assert report.document is None and not report.pdf
    page = client.get(reverse("report_detail", args=[world.home.slug, report.pk]))
    text = page.content.decode()
    assert "beklenmeyen bir hata" in text
    assert reverse("report_download", args=[world.home.slug, report.pk, "pdf"]) not in text
    download = client.get(reverse("report_download", args=[world.home.slug, report.pk, "pdf"]))
    assert download.status_code == 404
    assert actions_of(report) == ["reports.report.requested", "reports.report.failed"]


def test_the_form_says_what_is_missing(world, client):
    client.force_login(world.alice)
    response = ask(client, world, kind="plan-progress", year="", period="")
    assert response.status_code == 200
    assert "Raporlanacak planı seçin" in response.content.decode()
    response = ask(client, world, kind="equality-in-service", year="")
    assert "Raporun konu aldığı yılı seçin" in response.content.decode()
    response = ask(client, world, language="de")
    assert response.status_code == 200
    assert not StoredReport.objects.exists()


def test_a_plan_of_another_municipality_cannot_be_chosen(world, client):
    from esitlik.plans import services as plan_services

    foreign = plan_services.plan_create(
        municipality=world.other, title={"tr": "Plan"}, start_year=2025, end_year=2028, by=None
    )
    client.force_login(world.alice)
    response = ask(client, world, kind="plan-progress", plan=str(foreign.pk), period="2025")
    assert response.status_code == 200
    assert not StoredReport.objects.exists()


@pytest.mark.parametrize(
    ("role", "internal", "public", "published"),
    [
        ("equality_admin", True, True, True),
        ("focal_point", True, True, True),
        ("commission_member", False, True, True),
        ("monitor", False, True, True),
        ("network_coordinator", False, False, True),
    ],
)
def test_who_sees_which_report(world, client, role, internal, public, published):
    """Internal reports show small counts: only those who may see unsuppressed figures read
    them. A network coordinator sees only what was published. The rest is 404."""
    reports = {
        "internal": ready_report(world.home, audience="internal"),
        "public": ready_report(world.home),
        "published": ready_report(world.home, published=True),
    }
    expected = {"internal": internal, "public": public, "published": published}
    client.force_login(world.user(role))
    listing = client.get(reverse("report_list", args=[world.home.slug])).content.decode()
    for name, report in reports.items():
        detail = reverse("report_detail", args=[world.home.slug, report.pk])
        assert (detail in listing) == expected[name], name
        for url in (
            detail,
            reverse("report_read", args=[world.home.slug, report.pk]),
            reverse("report_status", args=[world.home.slug, report.pk]),
            reverse("report_download", args=[world.home.slug, report.pk, "json"]),
        ):
            assert client.get(url).status_code == (200 if expected[name] else 404), url


def test_only_the_equality_unit_asks_for_and_publishes_reports(world, client):
    report = ready_report(world.home)
    client.force_login(world.bob)
    assert client.get(reverse("report_new", args=[world.home.slug])).status_code == 403
    assert ask(client, world).status_code == 403
    url = reverse("report_publish", args=[world.home.slug, report.pk])
    assert client.post(url).status_code == 403
    report.refresh_from_db()
    assert not report.is_published
    page = client.get(reverse("report_detail", args=[world.home.slug, report.pk]))
    assert url not in page.content.decode()


def test_another_municipality_s_report_is_not_found(world, client):
    theirs = ready_report(world.other, published=True)
    client.force_login(world.alice)
    for name in ("report_detail", "report_read", "report_progress", "report_status"):
        url = reverse(name, args=[world.home.slug, theirs.pk])
        assert client.get(url).status_code == 404, name
    listing = client.get(reverse("report_list", args=[world.home.slug])).content.decode()
    assert reverse("report_detail", args=[world.home.slug, theirs.pk]) not in listing


def test_an_unknown_format_is_not_found(world, client):
    report = ready_report(world.home)
    client.force_login(world.alice)
    url = reverse("report_download", args=[world.home.slug, report.pk, "docx"])
    assert client.get(url).status_code == 404


def test_upkeep_fails_a_report_a_crash_interrupted_and_leaves_a_fresh_one(world):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from esitlik.reports import upkeep

    def building(minutes_ago):
        return StoredReport.objects.create(
            municipality=world.home,
            kind=StoredReport.Kind.EQUALITY,
            year=2025,
            language="en",
            status=StoredReport.Status.BUILDING,
            started_at=timezone.now() - timedelta(minutes=minutes_ago),
        )

    stale = building(settings.IMPORT_STALE_MINUTES + 5)
    fresh = building(1)
    assert upkeep.interrupted() == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == StoredReport.Status.FAILED
    assert "interrupted" in stale.error and "Prepare it again" in stale.error
    assert fresh.status == StoredReport.Status.BUILDING
    assert actions_of(stale) == ["reports.report.failed"]
    out = io.StringIO()
    call_command("upkeep", stdout=out)
    assert "interrupted reports: 0" in out.getvalue()


def test_a_plan_monitoring_report_is_asked_for_and_its_period_checked(world, client):
    from tests.plans.helpers import approve, build, make_plan

    draft = make_plan(world)
    build(draft, world)
    client.force_login(world.alice)
    response = ask(client, world, kind="plan-progress", plan=str(draft.pk), period="2025")
    assert response.status_code == 200
    assert "henüz kabul edilmedi" in response.context["form"].errors["plan"][0]
    plan = approve(draft)
    next_year = str(timezone.localdate().year + 1)
    if next_year not in dict(response.context["form"].fields["period"].choices):
        next_year = str(plan.end_year)  # a plan ending this year offers no later period
    future = ask(client, world, kind="plan-progress", plan=str(plan.pk), period=next_year)
    if int(next_year) > timezone.localdate().year:
        assert "henüz başlamadı" in future.context["form"].errors["period"][0]
    response = ask(client, world, kind="plan-progress", plan=str(plan.pk), period="2025")
    report = StoredReport.objects.get()
    assert response.url == reverse("report_progress", args=[world.home.slug, report.pk])
    assert report.status == StoredReport.Status.READY, report.error
    assert report.document["schema"] == "esitlik/report/plan-progress"
    assert report.subject == "2025" and report.plan == plan
    page = client.get(reverse("report_detail", args=[world.home.slug, report.pk]))
    assert "Plan izleme raporu" in page.content.decode()
    read = client.get(reverse("report_read", args=[world.home.slug, report.pk])).content.decode()
    # The cover names the council decision, not imported files it never read.
    assert "2025/1, 09.01.2025" in read
    assert "aktarılmış dosya" not in read


def test_a_half_year_s_file_name_has_no_slash(world):
    """A plan report of 2025/1 downloads as …-2025-1-…, from the pages, the portal and the
    API alike (one function names the file for all three)."""
    from esitlik.reports.files import file_name

    report = StoredReport(
        municipality=world.home, kind="plan-progress", period="2025H1", language="tr"
    )
    assert report.subject == "2025/1"
    assert file_name(report, "pdf") == f"{world.home.slug}-plan-progress-2025-1-tr.pdf"
    report.audience = "public"
    assert file_name(report, "json").endswith("-2025-1-tr-public.json")


def test_upkeep_deletes_a_pdf_no_report_names_once_it_is_old(world):
    """What a build killed while writing its PDF leaves: a file no report names."""
    import os
    import time
    from pathlib import Path

    from django.core.management import call_command

    kept = ready_report(world.home)
    folder = Path(settings.MEDIA_ROOT) / "reports" / str(world.home.pk)
    folder.mkdir(parents=True, exist_ok=True)
    stray, writing = folder / "99-yarim.pdf", folder / "98-yaziliyor.pdf"
    stray.write_bytes(b"%PDF-1.7 half")
    writing.write_bytes(b"%PDF-1.7 being written")
    old = time.time() - (settings.IMPORT_STALE_MINUTES + 5) * 60
    os.utime(stray, (old, old))
    os.utime(kept.pdf.path, (old, old))
    out = io.StringIO()
    call_command("upkeep", stdout=out)
    assert "stray report files: 1" in out.getvalue()
    assert not stray.exists()
    assert writing.exists() and Path(kept.pdf.path).exists()
