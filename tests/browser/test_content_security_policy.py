"""The site's main pages under its Content Security Policy in a real Chromium: no page breaks
a rule (no inline script or style, no eval), and what was moved out of the templates still
works: the report's charts are redrawn by vega-embed, Swagger UI draws the API, the portal's
progress bars have their widths. The policy and its few relaxations: docs/security.md."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ImportRun
from esitlik.reports import making
from esitlik.reports.models import StoredReport
from tests.browser.conftest import sign_in
from tests.datasets.helpers import csv_bytes, run_import
from tests.portal.conftest import portal  # noqa: F401  (the fixture)

# Every violation the page meets, kept on the window until the test reads it. An init script
# runs before the page's own, through the browser's debugging protocol, so the policy under
# test does not stop it.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
      + ` (${event.sourceFile || ""}:${event.lineNumber || ""}) ${event.sample || ""}`
  );
});
"""

COUNTS = (
    "Hizmet adı;Yıl;Kadın;Erkek\nSpor Kursları;2025;230;770\nKadın Danışma Merkezi;2025;397;3\n"
)


def watch(page: Page) -> list[str]:
    """Console messages about the policy, across every page the test opens."""
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def violations(page: Page) -> list[str]:
    return page.evaluate("() => window.__cspViolations || []")


def visit(page: Page, path: str, console: list[str], ready=None) -> None:
    response = page.goto(path)
    assert response.status == 200, path
    assert "script-src 'self'" in response.headers["content-security-policy"], path
    page.wait_for_load_state("networkidle")
    if ready:
        ready()
    assert violations(page) == [], path
    assert console == [], path


def equality_report(world) -> StoredReport:
    """A real report with charts, built at once (the test settings run tasks immediately)."""
    for directorate, name in (
        (world.parks, "Spor Kursları"),
        (world.social, "Kadın Danışma Merkezi"),
    ):
        service_create(municipality=world.home, directorate=directorate, name=name, by=None)
    run = run_import(world, "service-counts", csv_bytes(COUNTS), name="sayilar.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems
    report = making.request_report(
        municipality=world.home,
        kind=StoredReport.Kind.EQUALITY,
        language="tr",
        audience="internal",
        by=world.alice,
        year=2025,
    )
    report.refresh_from_db()
    assert report.status == StoredReport.Status.READY, report.error
    return report


def test_the_main_pages_break_no_rule_of_the_policy(
    page: Page,
    browser_world,
    portal,  # noqa: F811
):
    world = browser_world
    slug = world.home.slug
    report = equality_report(world)
    run = ImportRun.objects.filter(municipality=world.home).latest("pk")
    console = watch(page)

    # The public portal, signed out.
    visit(page, f"/p/{slug}/", console)
    visit(page, f"/p/{slug}/indicators/", console)

    def bars_drawn():
        bar = page.locator("svg.portal-bar rect").first
        expect(bar).to_have_attribute("width", "0")
        box = page.locator("svg.portal-bar").first.bounding_box()
        assert box and box["width"] > 0

    visit(page, f"/p/{slug}/plan/", console, bars_drawn)

    # The API's reference: Swagger UI from the vendored bundle, started by js/api-docs.js.
    def swagger_drawn():
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("esitlik API")
        expect(page.locator(".opblock-summary-path").first).to_be_visible()
        page.locator(".opblock-summary").first.click()
        expect(page.locator(".opblock-body").first).to_be_visible()

    visit(page, "/api/v1/docs", console, swagger_drawn)

    # Signed in.
    visit(page, "/accounts/login/", console)
    sign_in(page, "alice")
    visit(page, reverse("dashboard", args=[slug]), console)
    visit(page, reverse("plan_detail", args=[slug, portal.plan.pk]), console)
    visit(page, reverse("plan_print", args=[slug, portal.plan.pk]), console)
    visit(page, reverse("dataset_upload", args=[slug]), console)
    visit(page, reverse("dataset_import_detail", args=[slug, run.pk]), console)

    def charts_redrawn():
        charts = page.locator("[data-chart]")
        expect(charts.first).to_have_attribute("data-interactive", "true", timeout=15_000)
        assert charts.count() == page.locator("[data-interactive=true]").count()
        # vega-embed's drawing, not the server's: a Vega view with its marks.
        expect(charts.first.locator(".vega-embed svg.marks")).to_be_visible()
        # Its tooltip works too: the expression interpreter formats it, and it is placed and
        # styled without inline style elements.
        charts.first.locator(".vega-embed path[aria-roledescription=bar]").first.hover()
        tooltip = page.locator("#vg-tooltip-element")
        expect(tooltip).to_be_visible()
        expect(tooltip.locator("td.value").first).not_to_be_empty()
        assert tooltip.evaluate("e => getComputedStyle(e).position") == "fixed"

    visit(page, reverse("report_read", args=[slug, report.pk]), console, charts_redrawn)
