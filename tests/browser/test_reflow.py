"""Phones and zoomed-in screens: content reflows instead of scrolling sideways (WCAG 1.4.10)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    NAV,
    has_horizontal_scroll,
    overflowing_elements,
    screenshot,
    sign_in,
)


def assert_no_horizontal_scroll(page: Page) -> None:
    assert not has_horizontal_scroll(page), (
        f"{page.url} scrolls sideways; too wide: {overflowing_elements(page)}"
    )


def assert_nav_fits(page: Page) -> None:
    """Every nav link is fully on screen, big enough to tap, and none overlaps another."""
    width = page.viewport_size["width"]
    nav = page.get_by_role("navigation", name="Belediye")
    boxes = []
    for name in NAV:
        link = nav.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, name
        assert box["width"] >= 24 and box["height"] >= 24, name  # WCAG 2.5.8 target size
        boxes.append(box)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            overlap_y = a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
            assert not (overlap_x and overlap_y), "nav links overlap"


@pytest.mark.browser_context_args(
    viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
)
def test_it_fits_a_phone_without_sideways_scrolling(page: Page, browser_world, live_server):
    sign_in(page, "alice")
    expect(page.get_by_role("heading", level=1)).to_have_text("Örnek Belediyesi")
    assert page.evaluate("window.innerWidth") == 375
    assert_no_horizontal_scroll(page)
    assert_nav_fits(page)
    screenshot(page, "08-phone-dashboard")

    # The nav works by tapping, and the other main pages fit too.
    nav = page.get_by_role("navigation", name="Belediye")
    for name, path in [
        ("Müdürlükler", "directorates/"),
        ("Üyeler", "members/"),
        ("İşlem kaydı", "audit/"),
    ]:
        nav.get_by_role("link", name=name, exact=True).tap()
        expect(page).to_have_url(f"{live_server.url}/m/ornek/{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        assert_no_horizontal_scroll(page)
        screenshot(page, f"08-phone-{path.strip('/')}")

    # The user menu opens within the screen.
    page.locator("details.user-menu summary").tap()
    sign_out = page.get_by_role("button", name="Çıkış yap")
    expect(sign_out).to_be_in_viewport(ratio=1)
    assert_no_horizontal_scroll(page)
    screenshot(page, "08-phone-user-menu")


@pytest.mark.browser_context_args(viewport={"width": 640, "height": 400}, device_scale_factor=2)
def test_it_reflows_at_200_percent_zoom(page: Page, browser_world):
    # 1280x800 at 200 % zoom leaves a 640x400 CSS-pixel viewport.
    sign_in(page, "alice")
    expect(page.get_by_role("heading", level=1)).to_have_text("Örnek Belediyesi")
    assert_no_horizontal_scroll(page)
    assert_nav_fits(page)
    screenshot(page, "09-zoom200-dashboard")

    page.goto("/m/ornek/directorates/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Müdürlükler")
    assert_no_horizontal_scroll(page)
    assert_nav_fits(page)
    screenshot(page, "09-zoom200-directorates")
