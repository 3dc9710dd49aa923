"""A focal point describes their own directorate and nothing else."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def test_it_lets_a_focal_point_edit_only_their_own_directorate(
    page: Page, browser_world, live_server
):
    world = browser_world
    sign_in(page, "bob")
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="Müdürlükler").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Müdürlükler")

    table = page.get_by_role("table")
    own = table.get_by_role("row").filter(has_text="Sosyal Hizmetler Müdürlüğü")
    other = table.get_by_role("row").filter(has_text="Park ve Bahçeler Müdürlüğü")
    expect(own).to_have_count(1)
    expect(other).to_have_count(1)
    expect(other.get_by_role("link")).to_have_count(0)
    edit = own.get_by_role("link", name="Sosyal Hizmetler Müdürlüğü")
    expect(edit).to_have_attribute("href", f"/m/ornek/directorates/{world.social.pk}/")
    # His is the only edit link in the whole list, and he cannot add directorates.
    expect(table.get_by_role("link")).to_have_count(1)
    expect(page.get_by_role("link", name="Müdürlük ekle")).to_have_count(0)
    screenshot(page, "04-directorates-focal-point")

    edit.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sosyal Hizmetler Müdürlüğü")
    description = page.get_by_label("Açıklama")
    # A focal point changes the description only, not the name, level or parent.
    expect(page.locator("main form").locator("input:visible, select, textarea")).to_have_count(1)
    text = "Kadın danışma hattı ve kreş hizmetleri bu müdürlükte yürütülür."
    description.fill(text)
    page.get_by_role("button", name="Kaydet").click()

    expect(page).to_have_url(f"{live_server.url}/m/ornek/directorates/")
    expect(page.get_by_role("status")).to_contain_text("Kaydedildi.")
    world.social.refresh_from_db()
    assert world.social.description == text
    page.goto(f"/m/ornek/directorates/{world.social.pk}/")
    expect(page.get_by_label("Açıklama")).to_have_value(text)

    # Typing the edit address of another directorate is refused with the 403 page.
    response = page.goto(f"/m/ornek/directorates/{world.parks.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Yetkiniz yok")
    expect(page.get_by_label("Açıklama")).to_have_count(0)
    screenshot(page, "12-forbidden")
    world.parks.refresh_from_db()
    assert world.parks.description == ""


def test_it_shows_the_admin_an_edit_link_for_every_directorate(page: Page, browser_world):
    sign_in(page, "alice")
    page.goto("/m/ornek/directorates/")
    table = page.get_by_role("table")
    # Every name is a link to its edit page.
    expect(table.get_by_role("link")).to_have_count(2)
    expect(table.get_by_role("link", name="Park ve Bahçeler Müdürlüğü")).to_have_attribute(
        "href", f"/m/ornek/directorates/{browser_world.parks.pk}/"
    )
    expect(page.get_by_role("link", name="Müdürlük ekle")).to_be_visible()
    screenshot(page, "05-directorates-admin")
