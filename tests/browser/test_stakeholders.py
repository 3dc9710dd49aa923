"""The equality unit admin sets up the neighbourhood list by pasting a column from Excel,
registers a stakeholder in one of them with tags, records a contact person with consent, and
finds the stakeholder again through the list's filters."""

import re

from playwright.sync_api import Page, expect

from esitlik.core.models import Neighbourhood
from esitlik.participation.models import ContactPerson, Stakeholder
from tests.browser.conftest import has_horizontal_scroll, overflowing_elements, screenshot, sign_in

PASTED = "Karşıyaka\nATATÜRK MAHALLESİ\n\nYeşilyurt\nKarşıyaka\n"


def test_it_registers_a_stakeholder_with_a_consented_contact(page: Page, browser_world):
    world = browser_world
    sign_in(page, "alice")

    # Neighbourhoods: from the settings page, paste a column copied from Excel.
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="Ayarlar").click()
    page.get_by_role("link", name="Mahalle listesini aç").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mahalleler")
    page.get_by_label("Mahalle adları").fill(PASTED)
    page.get_by_role("button", name="Listeye ekle").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("3 mahalle eklendi.")
    expect(status).to_contain_text("Listede zaten olduğu için yeniden eklenmedi: Karşıyaka.")
    table = page.get_by_role("table")
    expect(table.get_by_role("rowheader")).to_have_text(
        ["ATATÜRK MAHALLESİ", "Karşıyaka", "Yeşilyurt"]
    )
    screenshot(page, "participation-neighbourhoods")

    # A stakeholder in one of them, with tags typed as text.
    page.goto("/m/ornek/participation/stakeholders/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Paydaşlar")
    page.get_by_role("link", name="Paydaş ekle").click()
    page.get_by_label("Ad:", exact=True).fill("Yeşilyurt Kadın Kooperatifi")
    page.get_by_label("Tür").select_option(label="Kadın örgütü")
    page.get_by_label("Mahalle").select_option(label="Yeşilyurt")
    page.get_by_label("Etiketler").fill("kadın kooperatifi, istihdam ,  kadın kooperatifi")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yeşilyurt Kadın Kooperatifi")
    expect(page.get_by_role("status")).to_contain_text("Paydaş eklendi.")
    created = Stakeholder.objects.get(name="Yeşilyurt Kadın Kooperatifi")
    assert created.tags == ["kadın kooperatifi", "istihdam"]
    assert created.neighbourhood == Neighbourhood.objects.get(name="Yeşilyurt")

    # A contact person: saving without the consent is refused with a clear message.
    page.get_by_role("link", name="İrtibat kişisi ekle").click()
    page.get_by_label("Adı soyadı").fill("Zeynep Kaya")
    page.get_by_label("E-posta").fill("zeynep@example.org")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("alert")).to_contain_text("Açık rıza tarihi")
    screenshot(page, "participation-contact-consent-missing")
    assert not ContactPerson.objects.exists()
    page.get_by_label("Açık rıza tarihi").fill("2025-03-01")
    page.get_by_label("Açık rızanın amacı").fill("Plan toplantılarına davet")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("İrtibat kişisi açık rızasıyla eklendi.")
    contacts = page.get_by_role("table", name="İrtibat kişileri ve açık rızaları")
    expect(contacts).to_contain_text("Zeynep Kaya")
    expect(contacts).to_contain_text("01.03.2025")
    screenshot(page, "participation-stakeholder-detail")

    # Back on the list, the filters find it by tag and neighbourhood, without JavaScript needs.
    page.get_by_role("link", name="Tüm paydaşlar").click()
    filters = page.get_by_role("form", name="Paydaşları filtrele")
    filters.get_by_label("Etiket").select_option(label="istihdam")
    filters.get_by_label("Mahalle").select_option(label="Yeşilyurt")
    filters.get_by_role("button", name="Filtrele").click()
    expect(page).to_have_url(re.compile(r"tag=istihdam"))
    rows = page.get_by_role("table").get_by_role("rowheader")
    expect(rows).to_have_text(["Yeşilyurt Kadın Kooperatifi"])
    screenshot(page, "participation-stakeholder-list")
    # A search typed in capitals finds it too, the Turkish way.
    page.get_by_role("link", name="Temizle").click()
    page.get_by_label("Ara").fill("YEŞİLYURT")
    page.get_by_role("button", name="Filtrele").click()
    expect(rows).to_have_text(["Yeşilyurt Kadın Kooperatifi"])
    assert world.home.stakeholders.count() == 1

    # On a phone the pages reflow; wide tables scroll inside their own box.
    page.set_viewport_size({"width": 375, "height": 800})
    for address in (
        "/m/ornek/participation/stakeholders/",
        f"/m/ornek/participation/stakeholders/{created.pk}/",
        "/m/ornek/neighbourhoods/",
    ):
        page.goto(address)
        assert not has_horizontal_scroll(page), f"{address}: {overflowing_elements(page)}"
    screenshot(page, "participation-neighbourhoods-phone")
