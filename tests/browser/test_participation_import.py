"""The equality unit imports a workshop's inputs exported from a survey tool: the preview
names a wrong row, the corrected file goes in."""

from playwright.sync_api import Page, expect

from esitlik.participation.models import Input
from tests.browser.conftest import has_horizontal_scroll, screenshot, sign_in
from tests.participation.helpers import held_workshop

HEADER = "grp/metin;grp/tur;grp/hedef_gruplar;_uuid\n"


def choose_file(page: Page, text: str) -> None:
    page.get_by_label("Dosya:").set_input_files(
        {"name": "kobo.csv", "mimeType": "text/csv", "buffer": text.encode("cp1254")}
    )


def test_a_survey_export_is_previewed_corrected_and_imported(page: Page, browser_world):
    workshop = held_workshop(browser_world, title="Muhtarlar çalıştayı")
    sign_in(page, "alice")
    page.goto(f"/m/{browser_world.home.slug}/participation/import/")
    expect(page.get_by_role("link", name="İçe aktar")).to_have_attribute("aria-current", "page")
    page.get_by_label("Görüşler: sorunlar, ihtiyaçlar ve öneriler").check()
    page.get_by_label("Tüm görüşlerin etkinliği").select_option(str(workshop.pk))
    choose_file(page, HEADER + "Işık yok;sorun;women;a\nKreş;şikayet;children;b\n")
    page.get_by_role("button", name="Önizlemeyi göster").click()
    problems = page.get_by_role("table", name="Dosyada bulunan sorunlar")
    expect(problems).to_contain_text("“şikayet” bir görüş türü değil")
    expect(problems.get_by_role("row").nth(1)).to_contain_text("3")
    expect(page.get_by_role("button", name="İçe aktarmayı onayla")).to_have_count(0)
    screenshot(page, "participation-import-problems")
    assert not has_horizontal_scroll(page)

    # The corrected file goes in with the choices kept.
    expect(page.get_by_label("Tüm görüşlerin etkinliği")).to_have_value(str(workshop.pk))
    choose_file(page, HEADER + "Işık yok;sorun;women;a\nKreş;öneri;children;b\n")
    page.get_by_role("button", name="Önizlemeyi göster").click()
    expect(
        page.get_by_text("Tüm satırlar içe aktarılabilir: 2 görüş kaydedilecek.")
    ).to_be_visible()
    expect(page.get_by_role("table", name="Bulunan sütunlar")).to_contain_text("içe aktarılmaz")
    screenshot(page, "participation-import-preview")
    page.get_by_role("button", name="İçe aktarmayı onayla").click()
    expect(page.get_by_text("Dosya içe aktarıldı: 2 görüş kaydedildi.")).to_be_visible()
    assert list(Input.objects.values_list("event", flat=True)) == [workshop.pk] * 2
