"""/api/v1/docs in a real Chromium: Swagger UI draws every operation from the local files and
asks nothing of any other host."""

import os
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # As in tests/browser/conftest.py: Debian's Chromium, not Playwright's download.
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("ESITLIK_CHROMIUM", "/usr/bin/chromium"),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


def test_it_draws_the_api_from_local_files_only(page: Page, live_server, db):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("esitlik API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/service-counts" in [p.replace("\u200b", "") for p in paths]
    assert hosts == {urlparse(live_server.url).netloc}
