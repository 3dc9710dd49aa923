"""Everything in the layout works with the keyboard alone."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import NAV, prepare_two_factor, sign_in
from tests.browser.test_plan_actions import plan_in_implementation
from tests.factories import PASSWORD
from tests.otp import app_code

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
    expect(page.locator("details.user-menu a[href='/accounts/two-step/setup/']")).to_be_focused()
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


# Keyboard only from here on: after page.goto, every step is a key press.

FOCUS_SHOWN = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== 'none';
}"""


def tab_to(page: Page, selector: str, limit: int = 60, key: str = "Tab") -> None:
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector!r} is not reachable with {key}")


def sign_in_by_keyboard(page: Page, username: str) -> None:
    device = prepare_two_factor(username)  # an admin signs in with two steps
    page.goto("/accounts/login/")
    tab_to(page, "main input[name=username]")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    if device is not None:
        expect(page).to_have_url(re.compile(r"/accounts/two-step/"))
        tab_to(page, "main input[name=code]")
        page.keyboard.type(app_code(device))
        page.keyboard.press("Enter")
        expect(page).not_to_have_url(re.compile(r"/accounts/two-step/"))


def test_the_skip_link_is_the_first_tab_stop_of_a_form_page_and_lands_in_main(
    page: Page, browser_world
):
    sign_in_by_keyboard(page, "bob")
    page.goto("/m/ornek/directorates/new/")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE)["inMain"]


def test_a_focal_point_records_progress_on_an_action_with_the_keyboard_alone(
    page: Page, browser_world
):
    """Signs in, opens the action from the plan, fills the report and sends it, by keys."""
    plan, own = plan_in_implementation(browser_world)
    sign_in_by_keyboard(page, "bob")
    page.goto(f"/m/ornek/plans/{plan.pk}/")
    tab_to(page, f"main a[href$='/actions/{own.pk}/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Danışma hattı")

    tab_to(page, "main select[name=status]")
    page.keyboard.type("P")  # a closed select picks the option typed: Planlandığı gibi
    tab_to(page, "main input[name=progress]")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("35")
    tab_to(page, "main input[name=budget_actual]")
    page.keyboard.type("12.500,50")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Space")

    expect(page.get_by_role("status")).to_contain_text("Rapor kaydedildi.")
    row = page.get_by_role("row").filter(has_text="Danışma hattı")
    expect(row).to_contain_text("Planlandığı gibi")
    expect(row).to_contain_text("%35")
    own.refresh_from_db()
    assert (own.progress, str(own.budget_actual)) == (35, "12500.50")


def test_a_wrong_value_is_announced_focused_and_tied_to_its_field(page: Page, browser_world):
    """After a refused report: the error summary is an alert, the wrong field has focus,
    aria-invalid and the message in its aria-describedby; the summary's link leads back."""
    plan, own = plan_in_implementation(browser_world)
    sign_in_by_keyboard(page, "bob")
    page.goto(f"/m/ornek/plans/{plan.pk}/actions/{own.pk}/")
    tab_to(page, "main input[name=progress]")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("150")
    page.keyboard.press("Enter")

    # The summary is an alert naming the field; the wrong field has focus.
    summary = page.locator(".form-errors[role=alert]")
    expect(summary).to_contain_text("İlerleme")
    field = page.locator("main input[name=progress]")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    described = field.get_attribute("aria-describedby") or ""
    texts = [page.locator(f"[id='{ref}']").inner_text() for ref in described.split()]
    message = summary.get_by_role("link").first.inner_text().split(":", 1)[1].strip()
    assert any(message in text for text in texts), (described, texts, message)
    assert page.evaluate(FOCUS_SHOWN), "the focused field shows where focus is"
    # The summary's link takes focus back to the field, from the keyboard too.
    tab_to(page, ".form-errors a", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(field).to_be_focused()


def test_the_user_menu_opens_with_enter_and_signs_out(page: Page, browser_world):
    sign_in_by_keyboard(page, "bob")
    tab_to(page, "details.user-menu summary")
    page.keyboard.press("Enter")
    expect(page.locator("details.user-menu")).to_have_attribute("open", "")
    tab_to(page, "details.user-menu button[type=submit]", limit=5)
    expect(page.get_by_role("button", name="Çıkış yap")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giriş yap")


def test_every_focused_menu_link_button_and_field_shows_its_focus(page: Page, browser_world):
    """A ring (outline or box-shadow) on whatever Tab reaches: the menu's links, the language
    buttons, the user menu, and every kind of form field, a date field's calendar button too."""
    plan, own = plan_in_implementation(browser_world)
    sign_in_by_keyboard(page, "bob")
    pages = (
        "/m/ornek/",
        f"/m/ornek/plans/{plan.pk}/actions/{own.pk}/",
        "/m/ornek/participation/inputs/new/",  # checkboxes, a date field
        "/m/ornek/participation/events/new/",  # time fields
    )
    every_kind = set()
    for path in pages:
        page.goto(path)
        kinds = set()
        for _ in range(80):
            page.keyboard.press("Tab")
            active = page.evaluate(
                "() => { const el = document.activeElement;"
                " return el === document.body ? null : el.tagName.toLowerCase()"
                " + (el.type ? ':' + el.type : ''); }"
            )
            if active is None:
                break
            kinds.add(active.split(":")[0])
            assert page.evaluate(FOCUS_SHOWN), f"{active} on {path} shows no focus"
        assert {"a", "button", "summary"} <= kinds, (path, kinds)
        every_kind |= kinds
    assert {"input", "select", "textarea"} <= every_kind, every_kind
