"""docs/api.md names every endpoint of the OpenAPI document and every API setting."""

from pathlib import Path

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_it_documents_every_endpoint(client, db):
    text = API_DOC.read_text()
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    missing = [
        f"{method.upper()} {path}"
        for path, operations in paths.items()
        for method in operations
        if f"`{method.upper()} {path}" not in text
    ]
    assert missing == []


def test_it_documents_the_api_settings():
    text = API_DOC.read_text()
    for name in ("API_PAGE_SIZE", "API_PAGE_MAX", "API_RATE_ANON", "API_RATE_TOKEN"):
        assert f"`{name}`" in text, name
