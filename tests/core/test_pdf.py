"""HTML to PDF without the network: only the project's static files can be loaded."""

from pathlib import Path

import pytest
from django.utils import translation

from esitlik.core import pdf

FONT = pdf.STATIC_SOURCE / "esitlik" / "fonts" / "NotoSans-Regular.ttf"


@pytest.fixture
def fetch():
    return pdf._fetcher_class()()


def test_it_loads_a_static_file_from_disk(fetch):
    response = fetch(FONT.as_uri())
    assert response.read() == FONT.read_bytes()
    assert response.content_type in {"font/ttf", "application/x-font-ttf", "font/sfnt"}


def test_it_resolves_relative_links_against_the_static_folder():
    assert pdf.static_base_url().startswith("file:///")
    assert Path(pdf.static_base_url().removeprefix("file://")) == pdf.STATIC_SOURCE.resolve()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/style.css",
        "https://fonts.googleapis.com/css?family=Noto+Sans",
        "data:text/css,body{}",
        "ftp://example.com/x",
        "file:///etc/passwd",
        (pdf.STATIC_SOURCE / ".." / "settings.py").resolve().as_uri(),
        (pdf.STATIC_SOURCE / "esitlik" / ".." / ".." / "settings.py").as_uri(),
        "file://evil.example/share/x.css",
        (pdf.STATIC_SOURCE / "esitlik" / "nope.css").as_uri(),
    ],
)
def test_it_refuses_everything_else(fetch, url):
    with pytest.raises(ValueError):
        fetch(url)


def test_it_renders_a_document_without_reaching_outside(tmp_path, caplog):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    html = (
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
        f'<img src="{secret.as_uri()}"><p>Eşitlik</p>'
    )
    with caplog.at_level("WARNING", logger="weasyprint"):
        assert pdf.html_to_pdf(html).startswith(b"%PDF-")
    refused = "\n".join(r.getMessage() for r in caplog.records)
    assert "Only the project's static files may be loaded: http://127.0.0.1:9/x.css" in refused
    assert f"Not one of the project's static files: {secret.as_uri()}" in refused


def test_it_writes_user_text_as_a_css_string_that_cannot_escape():
    assert pdf.css_string("Örnek") == '"Örnek"'
    text = pdf.css_string('a"b\\c</style><script>\n')
    assert "</style>" not in text and "<" not in text and "\n" not in text
    assert text == '"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e \\a "'


def test_it_numbers_pages_in_the_chosen_language():
    with translation.override("tr"):
        assert pdf.page_number_content() == '"Sayfa " counter(page) " / " counter(pages)'
    with translation.override("en"):
        assert pdf.page_number_content() == '"Page " counter(page) " of " counter(pages)'
