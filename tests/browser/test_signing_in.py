"""Signing in and out through the real forms, in Turkish (the default for a Turkish browser)."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    NAV,
    answer_code_step,
    axe_violations,
    prepare_two_factor,
    screenshot,
    sign_in,
)
from tests.factories import PASSWORD


def test_it_signs_in_through_the_form_in_turkish_and_lands_on_the_dashboard(
    page: Page, browser_world, live_server
):
    page.goto("/")

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giriş yap")
    screenshot(page, "01-login")

    # The fields are found by their visible labels, as a screen reader user would.
    page.get_by_label("Kullanıcı adı").fill("alice")
    page.get_by_label("Parola").fill(PASSWORD)
    device = prepare_two_factor("alice")  # an equality unit admin has an authenticator app
    page.get_by_role("button", name="Giriş yap", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/two-step/\?next="))
    assert axe_violations(page) == []
    answer_code_step(page, device)

    expect(page).to_have_url(f"{live_server.url}/m/ornek/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Örnek Belediyesi")
    expect(page).to_have_title(re.compile(r"^Genel bakış · Örnek Belediyesi"))
    nav = page.get_by_role("navigation", name="Belediye")
    expect(nav.get_by_role("link")).to_have_text(NAV)
    expect(nav.get_by_role("link", name="Genel bakış")).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("Rolünüz:")).to_contain_text("Eşitlik birimi yöneticisi")
    screenshot(page, "02-dashboard-tr")


def test_it_refuses_a_wrong_password_and_keeps_the_user_name(page: Page, browser_world):
    page.goto("/accounts/login/")
    page.get_by_label("Kullanıcı adı").fill("alice")
    page.get_by_label("Parola").fill("not-the-password")
    page.get_by_role("button", name="Giriş yap", exact=True).click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_label("Kullanıcı adı")).to_have_value("alice")
    expect(page.get_by_label("Parola")).to_have_value("")


def test_it_signs_out_from_the_user_menu_and_returns_to_the_login_page(page: Page, browser_world):
    sign_in(page, "alice")
    menu = page.locator("details.user-menu")
    sign_out = menu.get_by_role("button", name="Çıkış yap")
    expect(sign_out).to_be_hidden()

    menu.locator("summary").click()
    expect(sign_out).to_be_visible()
    expect(sign_out).to_be_in_viewport(ratio=1)
    screenshot(page, "13-user-menu-open")
    sign_out.click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Giriş yap")
    expect(page.locator("details.user-menu")).to_have_count(0)
    # The session is really gone: the dashboard now asks to sign in again.
    page.goto("/m/ornek/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/m/ornek/$"))


def test_an_admin_without_an_authenticator_sets_one_up_on_first_sign_in(
    page: Page, browser_world, live_server
):
    from base64 import b32decode

    from django_otp.oath import totp

    page.goto("/accounts/login/")
    page.get_by_label("Kullanıcı adı").fill("alice")
    page.get_by_label("Parola").fill(PASSWORD)
    page.get_by_role("button", name="Giriş yap", exact=True).click()

    # Sent to set up two-step sign-in, with the QR code and the key to type in.
    expect(page).to_have_url(re.compile(r"/accounts/two-step/setup/\?next="))
    expect(page.locator("main svg.qr-code")).to_be_visible()
    key = page.locator("main code.secret").inner_text().replace(" ", "")
    screenshot(page, "14-two-step-setup")
    page.locator("main input[name=code]").fill(f"{totp(b32decode(key)):06d}")
    page.locator("main input[name=code]").press("Enter")

    # Ten recovery codes, once; then on to where the admin was going.
    expect(page).to_have_url(re.compile(r"/accounts/two-step/recovery-codes/"))
    expect(page.locator("main ul.recovery-codes li")).to_have_count(10)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/m/ornek/")
    # The user menu leads back to the page, which now says it is on.
    page.locator("details.user-menu summary").click()
    page.locator("details.user-menu a[href='/accounts/two-step/setup/']").click()
    expect(page.locator("main form[action='/accounts/two-step/off/']")).to_be_visible()
