"""The equality unit prepares the public Equality in Service report: asks for it, watches it
being prepared by the background worker, reads it on screen with its charts redrawn by
vega-embed, downloads the PDF and publishes it. A network coordinator then finds it."""

from pathlib import Path

from playwright.sync_api import Page, expect

from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ImportRun
from esitlik.reports.models import StoredReport
from tests.browser.conftest import has_horizontal_scroll, screenshot, sign_in
from tests.datasets.helpers import csv_bytes, run_import

COUNTS = (
    "Hizmet adı;Yıl;Kadın;Erkek\n"
    "Spor Kursları;2025;230;770\n"
    "Kadın Danışma Merkezi;2025;397;3\n"
    "Aşevi;2025;120;80\n"
)


def test_a_report_is_prepared_in_the_background_read_downloaded_and_published(
    page: Page, browser_world, worker, tmp_path
):
    world = browser_world
    for directorate, name in (
        (world.parks, "Spor Kursları"),
        (world.social, "Kadın Danışma Merkezi"),
        (world.social, "Aşevi"),
    ):
        service_create(municipality=world.home, directorate=directorate, name=name, by=None)
    run = run_import(world, "service-counts", csv_bytes(COUNTS), name="sayilar.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems

    sign_in(page, "alice")
    page.goto(f"/m/{world.home.slug}/")
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="Raporlar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raporlar")
    page.get_by_role("link", name="Rapor hazırla").click()
    page.get_by_label("Hizmette Eşitlik Raporu").check()
    page.get_by_label("Yıl:").select_option("2025")
    page.get_by_label("Kamuya açık: küçük sayılar gizli").check()
    page.get_by_role("button", name="Raporu hazırla").click()

    # Queued until the worker runs: the progress page says so, then follows the build.
    expect(page.locator("#run-progress-text")).to_have_text("%0 — sırasını bekliyor")
    screenshot(page, "report-queued")
    worker.start()
    report_url = f"/m/{world.home.slug}/reports/{StoredReport.objects.get().pk}/"
    expect(page).to_have_url(report_url, timeout=60_000)
    expect(page.locator(".facts")).to_contain_text("Hazır")
    expect(page.locator(".facts")).to_contain_text("Kamuya açık")
    assert not has_horizontal_scroll(page)
    screenshot(page, "report-ready")

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF, yazdırmak ya da göndermek için").click()
    saved = Path(tmp_path) / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == f"{world.home.slug}-equality-in-service-2025-tr-public.pdf"
    assert saved.read_bytes()[:5] == b"%PDF-"

    page.get_by_role("link", name="Raporu oku").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hizmette Eşitlik Raporu 2025")
    # vega-embed, served from our own static files, redraws every chart; each keeps its
    # name and text alternative for screen readers.
    charts = page.locator("[data-chart]")
    expect(charts.first).to_have_attribute("data-interactive", "true", timeout=15_000)
    assert charts.count() == page.locator("[data-interactive=true]").count()
    expect(charts.first).to_have_attribute("role", "img")
    expect(page.get_by_text("Kadın payını gösteren çubuklar").first).to_be_visible()
    screenshot(page, "report-read")
    page.get_by_role("link", name="Raporun sayfasına dön").click()

    page.get_by_role("button", name="Yayımla").click()
    expect(page.get_by_text("Rapor yayımlandı.")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Yayımlandı")

    page.context.clear_cookies()
    sign_in(page, "nina")
    page.goto(f"/m/{world.home.slug}/reports/")
    page.get_by_role("link", name="Hizmette Eşitlik Raporu 2025").click()
    expect(page).to_have_url(report_url)
    expect(page.get_by_role("button", name="Yayından kaldır")).to_have_count(0)
