"""Everything in the layout works with the keyboard alone."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import NAV, sign_in

# What document.activeElement is, in a form that is easy to compare and to read in a failure.
ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute('href'),
        text: (el.innerText || el.value || '').trim(),
        inMain: el.closest('main') !== null,
        outline: getComputedStyle(el).outlineStyle,
    };
}"""


def tab_through(page: Page, limit: int = 40) -> list[dict]:
    """Press Tab until focus leaves the page (or ``limit``), returning each focused element."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active is None or (seen and active == seen[0]):
            break
        seen.append(active)
    return seen


def test_it_offers_a_visible_skip_link_first_that_moves_focus_to_main(page: Page, browser_world):
    sign_in(page, "alice")
    page.goto("/m/ornek/")
    skip = page.locator("a.skip-link")
    expect(skip).not_to_be_in_viewport()

    page.keyboard.press("Tab")

    expect(skip).to_be_focused()
    expect(skip).to_have_text("Ana içeriğe geç")
    expect(skip).to_be_in_viewport(ratio=1)
    box = skip.bounding_box()
    assert box["width"] > 50 and box["height"] > 20
    assert page.evaluate(ACTIVE)["outline"] == "solid"  # a visible focus indicator

    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE)["inMain"], "the next Tab after the skip link stays in main"


def test_it_reaches_every_nav_link_and_control_by_tab_in_order(page: Page, browser_world):
    sign_in(page, "alice")
    page.goto("/m/ornek/")

    order = tab_through(page)

    texts = [item["text"] for item in order]
    assert texts[0] == "Ana içeriğe geç"
    nav_texts = NAV
    for text in ["Türkçe", "English", "Gökçe Işıkoğlu", *nav_texts]:
        assert text in texts, f"{text!r} is not reachable by Tab: {texts}"
    # The visual order of the header is the Tab order: language, user menu, then the nav.
    positions = [texts.index(t) for t in ["Türkçe", "English", "Gökçe Işıkoğlu", *nav_texts]]
    assert positions == sorted(positions), texts
    # Every focused element shows the focus ring.
    assert {item["outline"] for item in order} == {"solid"}, order


def test_it_operates_the_language_buttons_and_user_menu_by_keyboard(
    page: Page, browser_world, live_server
):
    sign_in(page, "alice")
    html = page.locator("html")

    page.get_by_role("button", name="English", exact=True).focus()
    page.keyboard.press("Enter")
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(f"{live_server.url}/m/ornek/")

    page.get_by_role("button", name="Türkçe", exact=True).focus()
    page.keyboard.press("Space")
    expect(html).to_have_attribute("lang", "tr")

    # The user menu opens with Enter and its Sign out button is the next Tab stops away.
    summary = page.locator("details.user-menu summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details.user-menu")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Parolayı değiştir")).to_be_focused()
    # Escape closes the menu and puts focus back on its button; Enter opens it again.
    page.keyboard.press("Escape")
    expect(page.locator("details.user-menu")).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Çıkış yap")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giriş yap")


def test_it_closes_the_user_menu_when_clicking_elsewhere(page: Page, browser_world):
    sign_in(page, "alice")
    menu = page.locator("details.user-menu")
    menu.locator("summary").click()
    expect(menu).to_have_attribute("open", "")
    page.get_by_role("heading", level=1).click()
    expect(menu).not_to_have_attribute("open", "")
