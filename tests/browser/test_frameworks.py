"""The equality unit browses the Charter and builds its own tag set."""

from playwright.sync_api import Page, expect

from esitlik.frameworks.models import Framework
from tests.browser.conftest import screenshot, sign_in


def test_it_browses_the_charter_and_builds_a_tag_set(page: Page, browser_world):
    sign_in(page, "alice")
    nav = page.get_by_role("navigation", name="Belediye")
    nav.get_by_role("link", name="Çerçeveler").click()
    expect(nav.get_by_role("link", name="Çerçeveler")).to_have_attribute("aria-current", "page")

    page.get_by_role("link", name="Avrupa Yerel Yaşamda Kadın Erkek Eşitliği Şartı (2006)").click()
    table = page.get_by_role("table")
    expect(
        table.get_by_role("row").filter(has_text="Toplumsal cinsiyete dayalı şiddet")
    ).to_contain_text("22")
    expect(page.get_by_role("link", name="Etiket ekle")).to_have_count(0)  # shared: read-only
    screenshot(page, "14-charter-2006")

    page.get_by_role("link", name="Tüm çerçeveler").click()
    page.get_by_role("link", name="Yeni etiket kümesi").click()
    page.get_by_label("Türkçe").fill("Stratejik plan temaları")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stratejik plan temaları")

    page.get_by_role("link", name="Etiket ekle").click()
    page.get_by_label("Kod").fill("SP1")
    page.get_by_label("Türkçe").fill("Sosyal belediyecilik")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("Etiket eklendi.")
    expect(page.get_by_role("table")).to_contain_text("Sosyal belediyecilik")
    screenshot(page, "15-own-tag-set")

    own = Framework.objects.get(municipality=browser_world.home)
    assert list(own.items.values_list("code", flat=True)) == ["SP1"]
