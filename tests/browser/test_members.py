"""The equality unit admin invites people by e-mail."""

import re

from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def open_invite_form(page: Page) -> None:
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="Üyeler").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Üyeler")
    page.get_by_role("link", name="Kişi davet et").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kişi davet et")


def test_it_shows_a_bad_email_error_on_the_field_keeps_the_input_then_invites(
    page: Page, browser_world, live_server
):
    sign_in(page, "alice")
    open_invite_form(page)
    email = page.get_by_label("E-posta")
    role = page.get_by_label("Rol")
    directorate = page.get_by_label("Müdürlük")

    email.fill("ayse.yilmaz@")
    role.select_option(label="Odak kişi")
    directorate.select_option(label="Sosyal Hizmetler Müdürlüğü")
    page.get_by_role("button", name="Daveti gönder").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Lütfen şunları düzeltin:")
    # The summary names the field and leads to it; the wrong field already has the focus.
    expect(
        alert.get_by_role("link", name="E-posta: Geçerli bir e-posta adresi girin.")
    ).to_have_attribute("href", "#id_email")
    expect(page.get_by_label("E-posta")).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute("aria-describedby", re.compile(r"\bid_email_error\b"))
    expect(page.locator("#id_email_error")).to_have_text("Geçerli bir e-posta adresi girin.")
    expect(email).to_have_accessible_description(re.compile("Geçerli bir e-posta adresi girin"))
    # What was typed and chosen is still there.
    expect(email).to_have_value("ayse.yilmaz@")
    expect(role.locator("option:checked")).to_have_text("Odak kişi")
    expect(directorate.locator("option:checked")).to_have_text("Sosyal Hizmetler Müdürlüğü")
    # Only the broken field is marked.
    expect(role).not_to_have_attribute("aria-invalid", "true")
    screenshot(page, "07-invite-form-error")
    assert mail.outbox == []

    email.fill("ayse.yilmaz@example.org")
    page.get_by_role("button", name="Daveti gönder").click()

    expect(page).to_have_url(f"{live_server.url}/m/ornek/members/")
    expect(page.get_by_role("status")).to_contain_text(
        "ayse.yilmaz@example.org adresine davet gönderildi."
    )
    heading = page.get_by_role("heading", name="Bekleyen davetler")
    expect(heading).to_be_visible()
    invitation = page.get_by_role("row").filter(has_text="ayse.yilmaz@example.org")
    expect(invitation).to_have_count(1)
    expect(invitation).to_contain_text("Odak kişi — Sosyal Hizmetler Müdürlüğü")
    expect(
        invitation.get_by_role("button", name="Geri çek ayse.yilmaz@example.org")
    ).to_be_visible()
    assert [message.to for message in mail.outbox] == [["ayse.yilmaz@example.org"]]
    screenshot(page, "06-members")


def test_it_invites_a_commission_member_who_needs_no_directorate(
    page: Page, browser_world, live_server
):
    sign_in(page, "alice")
    open_invite_form(page)

    page.get_by_label("E-posta").fill("kemal.oz@example.org")
    page.get_by_label("Rol").select_option(label="Komisyon üyesi")
    page.get_by_role("button", name="Daveti gönder").click()

    expect(page).to_have_url(f"{live_server.url}/m/ornek/members/")
    invitation = page.get_by_role("row").filter(has_text="kemal.oz@example.org")
    expect(invitation).to_contain_text("Komisyon üyesi")
