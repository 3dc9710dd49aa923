"""axe-core (vendored from the npm registry, served from the test's own files) on the main
signed-in pages, as the equality unit's admin sees them: no serious or critical violation.
The public portal's pages are checked in test_portal.py."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import axe_violations, sign_in

PAGES = [
    "",
    "plans/",
    "due/",
    "participation/",
    "participation/inputs/",
    "training/",
    "data/imports/",
    "data/imports/new/",
    "data/services/",
    "data/completeness/",
    "reports/",
    "reports/new/",
    "members/",
    "audit/",
    "api-tokens/",
]


@pytest.mark.parametrize("path", PAGES)
def test_the_main_signed_in_pages_have_no_serious_violation(page: Page, browser_world, path):
    sign_in(page, "alice")
    response = page.goto(f"/m/{browser_world.home.slug}/{path}")
    assert response.status == 200, path
    assert axe_violations(page) == [], path


def test_the_checker_finds_what_it_should(page: Page, browser_world):
    """The helper itself: an image without alternative text is a critical violation."""
    page.set_content(
        '<html lang="tr"><head><title>Deneme</title></head>'
        '<body><main><img src="x.png"></main></body></html>'
    )
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
