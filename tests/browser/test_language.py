"""The Türkçe / English switch in the header."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def language_buttons(page: Page):
    group = page.get_by_role("group", name=re.compile(r"^(Dil|Language)$"))
    return (
        group.get_by_role("button", name="Türkçe", exact=True),
        group.get_by_role("button", name="English", exact=True),
    )


def test_it_switches_to_english_keeps_it_across_pages_and_reloads_and_back(
    page: Page, browser_world, live_server
):
    sign_in(page, "alice")
    html = page.locator("html")
    turkish, english = language_buttons(page)
    expect(html).to_have_attribute("lang", "tr")
    expect(turkish).to_have_attribute("aria-current", "true")
    expect(english).not_to_have_attribute("aria-current", "true")

    english.click()

    # Same page, now in English.
    expect(page).to_have_url(f"{live_server.url}/m/ornek/")
    expect(html).to_have_attribute("lang", "en")
    expect(english).to_have_attribute("aria-current", "true")
    expect(turkish).not_to_have_attribute("aria-current", "true")
    nav = page.get_by_role("navigation", name="Municipality")
    expect(nav.get_by_role("link", name="Overview")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("group", name="Language")).to_be_visible()
    screenshot(page, "03-dashboard-en")

    # Another page.
    nav.get_by_role("link", name="Directorates").click()
    expect(page).to_have_url(f"{live_server.url}/m/ornek/directorates/")
    expect(html).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Directorates")

    # A full reload: the choice lives in the django_language cookie, not in the page.
    page.reload()
    expect(html).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Directorates")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("django_language") == "en"

    # And back to Turkish, staying on the same page.
    turkish.click()
    expect(page).to_have_url(f"{live_server.url}/m/ornek/directorates/")
    expect(html).to_have_attribute("lang", "tr")
    expect(turkish).to_have_attribute("aria-current", "true")
    expect(page.get_by_role("heading", level=1)).to_have_text("Müdürlükler")
    page.reload()
    expect(html).to_have_attribute("lang", "tr")


def test_it_lets_a_signed_out_visitor_switch_the_login_page_to_english(page: Page, browser_world):
    page.goto("/accounts/login/")
    _turkish, english = language_buttons(page)
    english.click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    # The English choice survives signing in.
    sign_in(page, "alice")
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.browser_context_args(locale="en-US")
def test_it_starts_in_turkish_even_for_an_english_browser(page: Page, browser_world):
    page.goto("/accounts/login/")
    assert page.evaluate("navigator.language") == "en-US"
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giriş yap")
