"""One municipality's pages stay invisible to people of another, even with typed URLs."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def test_it_shows_the_outsider_the_404_page_for_another_municipality(
    page: Page, browser_world, live_server
):
    sign_in(page, "oscar")
    expect(page).to_have_url(f"{live_server.url}/m/igdir/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Iğdır Belediyesi")

    for path in (
        "/m/ornek/",
        "/m/ornek/members/",
        f"/m/ornek/directorates/{browser_world.social.pk}/",
        "/m/ornek/audit/",
    ):
        response = page.goto(path)
        assert response.status == 404, path
        expect(page.get_by_role("heading", level=1)).to_have_text("Sayfa bulunamadı")
        expect(page.locator("html")).to_have_attribute("lang", "tr")
        # Nothing of the other municipality leaks, not even its name or its navigation.
        assert "Örnek" not in page.content(), path
        expect(page.locator("nav.main-nav")).to_have_count(0)
        expect(page.get_by_role("link", name="Ana sayfaya git")).to_be_visible()
    screenshot(page, "11-not-found")

    # His own municipality still works from the 404 page.
    page.get_by_role("link", name="Ana sayfaya git").click()
    expect(page).to_have_url(f"{live_server.url}/m/igdir/")
    response = page.goto("/m/igdir/members/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Üyeler")
