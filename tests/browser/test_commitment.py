"""The equality unit records the Charter signature and sees the deadline and duties."""

from playwright.sync_api import Page, expect

from esitlik.plans.models import Commitment
from tests.browser.conftest import screenshot, sign_in


def test_it_records_the_charter_signature_and_shows_the_deadline(page: Page, browser_world):
    sign_in(page, "alice")
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="Taahhüt").click()
    expect(page.get_by_text("Henüz kayıtlı bir Şart imzası yok.")).to_be_visible()
    page.get_by_role("link", name="Taahhüt kaydını düzenle").click()

    page.get_by_label("Şartın imza tarihi").fill("2021-03-08")
    page.get_by_label("Meclis karar numarası").fill("2021/45")
    page.get_by_label("Eşitlik komisyonu var").check()
    page.get_by_label("Kadın üye sayısı").fill("5")
    page.get_by_label("Erkek üye sayısı").fill("4")
    page.get_by_role("button", name="Kaydet").click()

    expect(page.get_by_role("status")).to_contain_text("Kaydedildi.")
    expect(
        page.get_by_text(
            "İlk eşitlik eylem planının son tarihi, imzadan iki yıl sonra, 08.03.2023 idi."
        )
    ).to_be_visible()
    expect(page.get_by_text("5 kadın, 4 erkek (%56 kadın)")).to_be_visible()
    duties = page.get_by_role("table")
    expect(
        duties.get_by_role("row").filter(has_text="Kadın ve çocuklar için konukevi")
    ).to_contain_text("Evet")
    screenshot(page, "16-commitment")
    assert Commitment.objects.get().council_decision_no == "2021/45"
