"""The whole cycle in a real browser: the equality unit drafts an edition with an objective, an
action and an indicator; the plan is approved; the focal point reports; the unit approves; the
roll-up, the indicator's light and the coverage matrix change."""

import re

from playwright.sync_api import Page, expect

from esitlik.frameworks.models import FrameworkItem
from tests.browser.conftest import screenshot, sign_in


def coverage_row(page: Page, article: str):
    return page.get_by_role("table", name=re.compile("Kapsam matrisi")).get_by_role(
        "row", name=re.compile(rf"^{article}\. ")
    )


def test_a_plan_goes_from_draft_to_an_approved_indicator_update(page: Page, browser_world):
    article = FrameworkItem.objects.get(
        framework__code="cemr-charter", framework__version="2006", code="22"
    )
    sign_in(page, "alice")
    page.get_by_role("navigation", name="Belediye").get_by_role(
        "link", name="Eylem planları"
    ).click()
    page.get_by_role("link", name="Yeni plan baskısı").click()
    page.get_by_label("Türkçe").fill("1. Yerel Eşitlik Eylem Planı")
    page.get_by_label("İlk yıl").fill("2025")
    page.get_by_label("Son yıl").fill("2028")
    charter = page.get_by_label("İzlenen Şart metni")
    charter.select_option(label=charter.locator("option", has_text="2006").inner_text())
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("taslak")

    page.get_by_role("link", name="Amaç ekle").click()
    page.get_by_label("Türkçe").fill("Kadına yönelik şiddetle mücadele")
    heading = page.get_by_label("YEEP başlığı")
    heading.select_option(
        label=heading.locator("option", has_text="Kadına yönelik şiddet").inner_text()
    )
    page.get_by_role("button", name="Kaydet").click()
    page.get_by_role("link", name="1 amacına hedef ekle").click()
    page.get_by_label("Türkçe").fill("Şiddete uğrayan kadınlara destek")
    page.get_by_role("button", name="Kaydet").click()

    page.get_by_role("link", name="Kapsam", exact=True).click()
    expect(coverage_row(page, "22")).to_contain_text("faaliyet yok")

    page.get_by_role("link", name="Yapı", exact=True).click()
    page.get_by_role("link", name="1.1 hedefine faaliyet ekle").click()
    page.get_by_label("Türkçe").fill("Kadın danışma hattı")
    page.get_by_label("Sorumlu müdürlük").select_option(label=str(browser_world.social))
    page.locator(f'input[name=tags][value="{article.pk}"]').check()
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("Faaliyet eklendi")

    page.get_by_role("link", name="Gösterge ekle Faaliyet 1.1.1").click()
    page.get_by_label("Türkçe").fill("Danışmanlık alan kadın sayısı")
    page.get_by_label(re.compile(r"^Tür:?$")).select_option(label="Sonuç")
    page.get_by_label("Ölçü").select_option(label="Sayı")
    page.get_by_label("Birim").fill("kişi")
    page.get_by_label("Başlangıç değeri").fill("100")
    page.get_by_label("Başlangıç yılı").fill("2024")
    page.get_by_label("2025 hedefi").fill("150")
    page.get_by_label("2028 hedefi").fill("400")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("Gösterge eklendi")

    page.get_by_role("link", name="Kapsam", exact=True).click()
    row = coverage_row(page, "22")
    expect(row).not_to_contain_text("faaliyet yok")
    expect(row.get_by_role("cell").last).to_have_text("1")  # one indicator reaches it
    screenshot(page, "20-plan-coverage")

    page.get_by_role("link", name="Yapı", exact=True).click()
    for step in ("Kamuoyu görüşüne aç", "Komisyona gönder"):
        page.get_by_role("link", name=step).click()
        page.get_by_role("button", name="Onayla").click()
    page.get_by_role("link", name="Meclis onayını kaydet").click()
    page.get_by_label("Meclis karar numarası").fill("2025/17")
    page.get_by_label("Meclis karar tarihi").fill("2025-02-05")
    page.get_by_role("button", name="Onayla").click()
    page.get_by_role("link", name="Uygulamayı başlat").click()
    page.get_by_role("button", name="Onayla").click()
    expect(page.get_by_role("status")).to_contain_text("Uygulamada")

    # The focal point of the social services department reports the 2025 figure.
    page.context.clear_cookies()
    sign_in(page, "bob")
    page.get_by_role("navigation", name="Belediye").get_by_role(
        "link", name="Eylem planları"
    ).click()
    page.get_by_role("link", name="1. Yerel Eşitlik Eylem Planı").click()
    page.get_by_role("link", name="Danışmanlık alan kadın sayısı").click()
    page.get_by_role("link", name="Raporla 2025", exact=True).click()
    page.get_by_label("Değer").fill("162")
    page.get_by_label("Ne yapıldı").fill("Hat mart ayında açıldı; 162 kadına danışmanlık verildi.")
    page.get_by_role("button", name="Onaya gönder").click()
    expect(page.get_by_role("status")).to_contain_text("eşitlik birimine gönderildi")
    page.get_by_role("navigation", name="Belediye").get_by_role(
        "link", name="Eylem planları"
    ).click()
    page.get_by_role("link", name="1. Yerel Eşitlik Eylem Planı").click()
    page.get_by_role("link", name="Kadın danışma hattı").click()
    page.get_by_label("İlerleme (%)").fill("40")
    page.get_by_role("button", name="Kaydet").click()

    # The equality unit approves; the light and the roll-up change.
    page.context.clear_cookies()
    sign_in(page, "alice")
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="Son tarihler").click()
    page.get_by_role("link", name="Danışmanlık alan kadın sayısı").click()
    page.get_by_role("button", name="Onayla ve kilitle").click()
    expect(page.get_by_role("status")).to_contain_text("kilitli")
    page.get_by_role("link", name="Gösterge 1.1.1.G1").click()
    expect(page.get_by_text("Hedefe ulaşıldı").first).to_be_visible()
    page.get_by_role("link", name=re.compile("göstergeleri$")).click()
    page.get_by_role("link", name="İlerleme", exact=True).click()
    expect(page.locator("main p.lead")).to_have_text(
        re.compile(r"1 faaliyetin ağırlıklı ilerlemesi:\s+%40")
    )
    screenshot(page, "21-plan-progress")
