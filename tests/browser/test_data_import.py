"""The equality unit imports a directorate's messy spreadsheet — Windows-1254, semicolons,
Turkish headings, one of which only a person can place — maps that column by hand, confirms,
watches the progress bar fill while the background worker runs the import, and reads what
was imported."""

from playwright.sync_api import Page, expect

from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ImportRun
from tests.browser.conftest import README_SCREENSHOTS, has_horizontal_scroll, screenshot, sign_in

MESSY = (
    "Hizmet Adı;Yararlanan Kadın;Erkek Sayısı;Toplam\r\n"
    "Aşevi;120;80;200\r\n"
    "ŞİDDET DESTEK HATTI;37;2;39\r\n"
    "Meslek edindirme kursu;64;21;85\r\n"
).encode("cp1254")


def docs_screenshot(page: Page, name: str) -> None:
    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(README_SCREENSHOTS / f"{name}.png"), full_page=True, caret="hide")


def test_a_messy_file_is_mapped_by_hand_imported_in_the_background_and_shown(
    page: Page, browser_world, worker
):
    world = browser_world
    for name in ("Aşevi", "Şiddet destek hattı", "Meslek edindirme kursu"):
        service_create(municipality=world.home, directorate=world.social, name=name, by=None)
    sign_in(page, "alice")
    page.goto(f"/m/{world.home.slug}/")
    page.get_by_role("navigation", name="Belediye").get_by_role(
        "link", name="Veri", exact=True
    ).click()
    page.get_by_role("link", name="Dosya içe aktar").first.click()

    page.get_by_label("Hizmet sayıları").check()
    page.get_by_label("Yıl:").select_option("2025")
    page.get_by_label("Veriyi gönderen müdürlük:").select_option(str(world.social.pk))
    page.get_by_label("Dosya:").set_input_files(
        {"name": "sosyal-hizmetler-2025.csv", "mimeType": "text/csv", "buffer": MESSY}
    )
    page.get_by_role("button", name="Yükle ve sütunları göster").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("sosyal-hizmetler-2025.csv")
    expect(page.locator(".facts")).to_contain_text("Windows-1254")
    expect(page.locator(".facts")).to_contain_text("noktalı virgülle")
    expect(page.get_by_label("Hizmet Adı")).to_have_value("service")
    expect(page.get_by_label("Yararlanan Kadın")).to_have_value("")  # nobody knows it yet
    page.get_by_label("Yararlanan Kadın").select_option("women")
    assert not has_horizontal_scroll(page)
    docs_screenshot(page, "data-import-columns")
    page.get_by_role("button", name="İçe aktar", exact=True).click()

    # Queued: nothing has run it yet.
    bar = page.locator("progress#run-progress-bar")
    expect(bar).to_have_attribute("value", "0")
    expect(page.locator("#run-progress-text")).to_have_text("%0 — sırasını bekliyor")
    screenshot(page, "data-import-queued")
    worker.start()
    # The page follows the run (by polling its status) and opens the run's page when done.
    expect(page).to_have_url(
        f"/m/{world.home.slug}/data/imports/{ImportRun.objects.get().pk}/", timeout=20_000
    )

    expect(page.locator(".facts")).to_contain_text("İçe aktarıldı")
    expect(page.get_by_text("Dosyanın 3 satırı içe aktarıldı.")).to_be_visible()
    by_sex = page.get_by_role("table", name="Cinsiyete göre")
    expect(by_sex).to_contain_text("221")  # women: 120 + 37 + 64
    expect(by_sex).to_contain_text("103")
    docs_screenshot(page, "data-import-run")
    run = ImportRun.objects.get()
    assert run.status == "landed" and run.mapping["Yararlanan Kadın"] == "women"
