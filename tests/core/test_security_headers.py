"""The security headers on every kind of response (a signed-in page, the portal, the API, the
sign-in page), and the Content Security Policy widened only where docs/security.md says so.
The pages themselves in a browser under the policy: tests/browser/test_content_security_policy.py.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import get_resolver, reverse

from esitlik.core import csp
from tests.reports.helpers import ready_report

ROOT = Path(settings.BASE_DIR).parent
SECURITY_DOC = ROOT / "docs" / "security.md"

STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def assert_secure(response, policy=STRICT):
    assert response["Content-Security-Policy"] == policy
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_policy_is_the_strict_one():
    assert csp.policy_text() == STRICT
    assert "unsafe" not in STRICT


def test_a_signed_in_page(world, client):
    client.force_login(world.alice)
    response = client.get(reverse("dashboard", args=[world.home.slug]))
    assert response.status_code == 200
    assert_secure(response)


def test_the_sign_in_page(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert_secure(response)


def test_a_portal_page_also_when_served_from_its_kept_copy(world, client):
    url = reverse("portal_home", args=[world.home.slug])
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert_secure(response)


def test_an_api_answer_and_the_api_reference(world, client):
    response = client.get("/api/v1/municipalities")
    assert response.status_code == 200
    assert_secure(response)
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    # Swagger UI runs under the same strict policy (its browser test checks it draws).
    assert_secure(docs)
    page = docs.content.decode()
    assert "<script>" not in page and "style=" not in page


def test_an_error_page(world, client):
    client.force_login(world.alice)
    response = client.get("/m/no-such-place/")
    assert response.status_code == 404
    assert_secure(response)


def page_style(page: str) -> str:
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(styles) == 1
    return styles[0]


def test_the_print_pages_allow_their_one_style_element_by_its_hash(world, client):
    """The running header of the printable plan and of a report on screen is an @page rule
    with the document's own texts; the page allows exactly that <style> element."""
    from tests.plans.helpers import make_plan

    client.force_login(world.alice)
    plan = make_plan(world)
    report = ready_report(world.home, by=world.alice)
    for url in (
        reverse("plan_print", args=[world.home.slug, plan.pk]),
        reverse("report_read", args=[world.home.slug, report.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        css = page_style(response.content.decode())
        assert "@page" in css
        allowed = STRICT.replace("style-src 'self';", f"style-src 'self' {csp.style_hash(css)};")
        assert_secure(response, allowed)


def test_a_style_element_another_user_could_inject_is_not_allowed(world, client):
    """The hash covers the texts, quoted: a plan title cannot close the element or add one."""
    from tests.plans.helpers import make_plan

    client.force_login(world.alice)
    plan = make_plan(world)
    plan.title = {"tr": "</style><style>body{display:none}</style>"}
    plan.save(update_fields=["title"])
    page = client.get(reverse("plan_print", args=[world.home.slug, plan.pk])).content.decode()
    assert "<style>body" not in page
    page_style(page)


@pytest.mark.parametrize("where", ["site", "portal", "api"])
def test_the_standalone_html_file_is_a_sandboxed_download(world, client, where):
    report = ready_report(world.home, published=True, by=world.alice)
    client.force_login(world.alice)
    url = {
        "site": reverse("report_download", args=[world.home.slug, report.pk, "html"]),
        "portal": reverse("portal_report_download", args=[world.home.slug, report.pk, "html"]),
        "api": f"/api/v1/municipalities/{world.home.slug}/reports/{report.pk}/download/html",
    }[where]
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == csp.SANDBOXED_FILE_POLICY
    assert response["Content-Security-Policy"].startswith("sandbox;")
    # The other files keep the site's policy.
    json_file = client.get(url.replace("html", "json"))
    assert json_file["Content-Security-Policy"] == STRICT


def documented(label: str) -> set[str]:
    """The names listed after ``label`` in docs/security.md ("none" for none)."""
    text = SECURITY_DOC.read_text()
    assert "## Headers and Content Security Policy" in text
    match = re.search(re.escape(label) + r"[^:]*:(.*?)\.\n", text, re.S)
    assert match, label
    listed = match.group(1).strip()
    return set() if listed == "none" else set(re.findall(r"`([\w.]+)`", listed))


def test_nothing_is_relaxed_that_the_documentation_does_not_list():
    get_resolver().url_patterns  # noqa: B018 -- imports every view, and so every @csp_relax
    assert set(csp.RELAXED) == documented("Views widened with `@csp_relax`")

    callers = set()
    for path in (ROOT / "esitlik").rglob("*.py"):
        source = path.read_text()
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if "allow_style(" in source and module != "esitlik.core.csp":
            callers.add(module)
        if module != "esitlik.core.csp":
            # The one 'unsafe-inline' is the sandboxed download's, in core/csp.py.
            assert "'unsafe-" not in source, module
            assert "Content-Security-Policy" not in source or module == "esitlik.reports.files"
    assert callers == documented("Pages allowing their own `<style>` element by its hash")


def test_csp_relax_widens_only_its_own_view(rf: RequestFactory):
    @csp.csp_relax(script_src=["'unsafe-eval'"])
    def relaxed(request):
        return HttpResponse("")

    try:
        middleware = csp.SecurityHeadersMiddleware(relaxed)
        response = middleware(rf.get("/"))
        assert "script-src 'self' 'unsafe-eval';" in response["Content-Security-Policy"]
        plain = csp.SecurityHeadersMiddleware(lambda request: HttpResponse(""))(rf.get("/"))
        assert plain["Content-Security-Policy"] == STRICT
        with pytest.raises(ValueError):
            csp.csp_relax(scripts=["'self'"])
    finally:
        csp.RELAXED.pop(f"{relaxed.__module__}.{relaxed.__qualname__}", None)


def test_no_template_has_inline_script_handler_or_style():
    """Behaviour lives in static/esitlik/js, looks in CSS classes. The only <style> elements
    are the print pages' hashed @page rule and the standalone report file's stylesheet."""
    allowed_style = {"plans/print/plan.html", "reports/report.html"}
    handler = re.compile(r"\son[a-z]+\s*=", re.I)
    for path in (ROOT / "esitlik").rglob("templates/**/*.html"):
        name = path.as_posix().split("/templates/", 1)[1]
        source = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", source), name
        assert not handler.search(source), name
        assert "javascript:" not in source, name
        assert "style=" not in source, name
        if "<style" in source:
            assert name in allowed_style, name
