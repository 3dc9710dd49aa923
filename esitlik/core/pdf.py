"""HTML to PDF with WeasyPrint, offline: a document may load the project's own static files
(stylesheets, fonts, images) from disk and nothing else.

Rendering happens inside a request, with text the users typed. Refusing every other address
means a title such as ``<img src="http://…">`` (escaped by the templates anyway) or a
stylesheet that names a remote font can never make the server fetch from the network or read
files outside the static folder.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Relative links in a document rendered here resolve against this folder, so a template
# written for PDF says ``esitlik/css/plan-print.css`` where a page would use {% static %}.
STATIC_SOURCE = Path(settings.BASE_DIR) / "static"


def static_base_url() -> str:
    return STATIC_SOURCE.resolve().as_uri() + "/"


def css_string(text: str) -> SafeString:
    """``text`` as a quoted CSS string, safe inside a <style> element.

    Quotes and backslashes are escaped, and so are ``<`` and ``>`` so that user text (a plan
    title in a running header) can never close the style element.
    """
    out = []
    for char in str(text):
        if char in '"\\<>' or ord(char) < 32 or ord(char) == 127:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return mark_safe('"' + "".join(out) + '"')  # noqa: S308 -- every special character escaped


def page_number_content() -> SafeString:
    """The CSS ``content`` value for "Sayfa 3 / 12" (Turkish) or "Page 3 of 12" (English).

    Translators see one sentence with named placeholders; it is cut at the placeholders and
    the page counters are put in their place.
    """
    marker = "\x00"
    sentence = _("Page %(page)s of %(pages)s") % {
        "page": marker + "page" + marker,
        "pages": marker + "pages" + marker,
    }
    parts = []
    for index, piece in enumerate(sentence.split(marker)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return mark_safe(" ".join(parts))  # noqa: S308 -- built from css_string and counters


def page_margins_css(*, left: str, right: str, bottom_left: str | None = None) -> SafeString:
    """The ``@page`` rule of a printable document: ``left`` and ``right`` in the running
    header, the page numbers at the bottom right, ``bottom_left`` (a warning such as "Draft")
    in red if given. Texts are quoted with :func:`css_string`.

    The result goes in a ``<style>`` element as it is: a page served to a browser allows that
    exact element by its hash (``esitlik.core.csp.allow_style``), since the Content Security
    Policy refuses any other inline style.
    """
    lines = [
        "@page {",
        f"  @top-left {{ content: {css_string(left)}; }}",
        f"  @top-right {{ content: {css_string(right)}; }}",
        f"  @bottom-right {{ content: {page_number_content()}; }}",
    ]
    if bottom_left:
        lines.append(f"  @bottom-left {{ content: {css_string(bottom_left)}; color: #a4161a; }}")
    lines.append("}")
    return mark_safe("\n".join(lines))  # noqa: S308 -- built from css_string and counters


def _fetcher_class():
    # WeasyPrint loads Pango through cffi when imported; importing it lazily keeps the rest of
    # the site running on a machine where Pango is missing.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves ``file:`` URLs inside :data:`STATIC_SOURCE`; refuses everything else."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ValueError(f"Only the project's static files may be loaded: {url}")
            path = Path(url2pathname(parts.path)).resolve()
            root = STATIC_SOURCE.resolve()
            if not path.is_relative_to(root) or not path.is_file():
                raise ValueError(f"Not one of the project's static files: {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticOnlyFetcher


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html``; its relative links point into the static folder."""
    return html_to_pdf_counted(html)[0]


def html_to_pdf_counted(html: str) -> tuple[bytes, int]:
    """The PDF of ``html`` and its number of pages (laid out once)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=static_base_url(), url_fetcher=_fetcher_class()())
    laid_out = document.render()
    # Tagged, so screen readers can follow headings, lists and tables of a published plan.
    return laid_out.write_pdf(pdf_tags=True), len(laid_out.pages)
