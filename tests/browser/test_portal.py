"""A citizen, without signing in, reads the plan on the public portal, downloads the
published report and an open-data CSV; every public page passes axe-core (no serious or
critical violation) and its main links are reached by Tab with a visible focus."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations, screenshot
from tests.portal.conftest import portal  # noqa: F401  (the fixture)

PAGES = ["", "plan/", "indicators/", "reports/", "heard/", "figures/", "data/"]


def test_a_citizen_reads_the_plan_and_downloads_a_report_and_open_data(
    page: Page,
    browser_world,
    portal,  # noqa: F811
):
    slug = browser_world.home.slug
    page.goto(f"/p/{slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(browser_world.home.name)
    page.get_by_role("link", name="Planı ve ilerlemesini inceleyin").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Üçüncü YEEP")
    expect(page.get_by_role("cell", name="Sosyal Hizmetler Müdürlüğü")).to_be_visible()
    screenshot(page, "portal-plan")

    page.get_by_role("navigation", name="Eşitlik portalı").get_by_role(
        "link", name="Raporlar"
    ).click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^PDF")).click()
    assert download.value.suggested_filename.endswith(".pdf")

    page.get_by_role("navigation", name="Eşitlik portalı").get_by_role(
        "link", name="Açık veri"
    ).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="plan-actions.csv").click()
    path = download.value.path()
    assert path.read_text(encoding="utf-8").startswith("Year,")


def test_every_public_page_passes_axe_and_the_keyboard(
    page: Page,
    browser_world,
    portal,  # noqa: F811
):
    slug = browser_world.home.slug
    for path in ["/p/", *(f"/p/{slug}/{p}" for p in PAGES)]:
        page.goto(path)
        assert axe_violations(page) == [], path
    page.goto(f"/p/{slug}/")
    reached = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " const s = getComputedStyle(e);"
            " return [e.textContent.trim(), s.outlineStyle !== 'none' || s.boxShadow !== 'none'] }"
        )
        reached.append(focused[0])
        if focused[0] in ("Plan", "Açık veri"):
            assert focused[1], f"{focused[0]} has no visible focus"
    assert "Plan" in reached and "Açık veri" in reached
