"""End-to-end tests in a real Chromium (Debian's /usr/bin/chromium) against a live server.

The browser is set up like a Turkish municipal employee's: Turkish locale and time zone on a
1280x800 office screen. (The site is Turkish until someone picks English, whatever the
browser's language; ``test_language`` checks that with an English browser.) Every test here
carries the ``browser`` marker, so ``pytest -m "not browser"`` skips them all.

Full-page screenshots go to ``tests/browser/screenshots/`` (git-ignored) for people to look
at; the README screenshot goes to ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from django.urls import get_resolver
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
README_SCREENSHOTS = HERE.parent.parent / "docs" / "screenshots"

# How long an expect() waits before failing. The live server answers in milliseconds; a
# short timeout makes a broken test fail fast instead of hanging for Playwright's 5 s default.
expect.set_options(timeout=3_000)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser download does not work here; Debian's Chromium does.
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("ESITLIK_CHROMIUM", "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "tr-TR",
        "timezone_id": "Europe/Istanbul",
        "viewport": {"width": 1280, "height": 800},
    }


@pytest.fixture
def browser_world(transactional_db, live_server, world):
    """The shared personas, committed so the live server's thread sees them.

    Transactional tests end by flushing every table, which also removes the reference data
    the migrations loaded; it is loaded again here (the loaders are idempotent).
    """
    from esitlik.frameworks.models import Framework, FrameworkItem, LegalRule
    from esitlik.frameworks.reference import sync_legal_rules, sync_reference

    sync_reference(Framework, FrameworkItem)
    sync_legal_rules(LegalRule)
    return world


@pytest.fixture
def page(page: Page) -> Page:
    page.set_default_timeout(5_000)
    page.set_default_navigation_timeout(10_000)
    return page


# The admin's main navigation, in order.
NAV = [
    "Genel bakış",
    "Eylem planları",
    "Son tarihler",
    "Katılım",
    "Eğitim",
    "Veri",
    "Raporlar",
    "Taahhüt",
    "Çerçeveler",
    "Müdürlükler",
    "Üyeler",
    "İşlem kaydı",
    "Kişisel veriler",
    "Ayarlar",
    "API anahtarları",
]


def prepare_two_factor(username: str):
    """The authenticator device the user signs in with, if they have one or their role
    requires one (equality unit admins: given one here); None for everyone else."""
    from django.contrib.auth import get_user_model

    from esitlik.core.two_factor import has_two_factor, is_required
    from tests.otp import give_authenticator

    user = get_user_model().objects.filter(username=username).first()
    if user is not None and (has_two_factor(user) or is_required(user)):
        return give_authenticator(user)
    return None


def answer_code_step(page: Page, device) -> None:
    """On the two-step sign-in page, type the code the app shows now and go on."""
    from tests.otp import app_code

    expect(page).to_have_url(re.compile(r"/accounts/two-step/"))
    page.locator("main input[name=code]").fill(app_code(device))
    page.locator("main input[name=code]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/accounts/two-step/"))


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form, as a person would, and wait for the next page.

    Two-step sign-in included: a user whose role requires it (equality unit admins) is given
    an authenticator device first (:func:`prepare_two_factor`), and the code step gets the code
    the app would show (:func:`answer_code_step`).
    """
    device = prepare_two_factor(username)
    page.goto("/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    if device is not None:
        answer_code_step(page, device)


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot for people to look at (not compared by the tests)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    return path


def has_horizontal_scroll(page: Page) -> bool:
    """Whether the page is wider than the screen.

    Mobile emulation zooms out a page that is too wide, which widens clientWidth and hides the
    overflow; so the widths are also compared with the viewport the test asked for.
    """
    scroll_width, client_width, inner_width = page.evaluate(
        """() => [document.scrollingElement.scrollWidth,
                  document.scrollingElement.clientWidth, window.innerWidth]"""
    )
    viewport = page.viewport_size["width"]
    return scroll_width > min(client_width, viewport) or inner_width > viewport


def overflowing_elements(page: Page) -> list[str]:
    """Elements sticking out past the right edge of the viewport, for a helpful failure."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
                const box = el.getBoundingClientRect();
                if (box.width && box.right > width + 0.5) {
                    out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
                        + `${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`
                        + ` right=${Math.round(box.right)}`);
                }
            }
            return out.slice(0, 15);
        }"""
    )


@pytest.fixture
def worker(settings):
    """A database task backend, and a db_worker in a thread of this process, sharing the
    test database with the live server; started by the test when it wants the queued
    task (an import, a report) to run."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    # Load the URLconf (and everything the views import) here rather than in the live
    # server's first request: on a busy machine the browser's sign-in would wait on it.
    get_resolver().url_patterns  # noqa: B018
    runner = Worker(
        queue_names=["default"],
        interval=0.2,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=runner.run, daemon=True)
    yield thread
    runner.running = False
    if thread.is_alive():
        thread.join(timeout=10)


AXE = HERE / "vendor" / "axe.min.js"


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """Run the vendored axe-core on the page as it stands; the violations of ``impacts``, each
    as {id, impact, help, targets}. Use: ``assert axe_violations(page) == []``."""
    # Evaluated, not added as a <script>: the site's CSP refuses inline scripts, which is
    # what Playwright's add_script_tag makes of a file.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("axe.run()")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]
