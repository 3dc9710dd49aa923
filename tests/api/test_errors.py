"""One error body for every error, rate limits, the document and the docs page."""

import re

from django.contrib.staticfiles import finders
from django.core.cache import cache

from esitlik.api.throttle import ApiThrottle
from esitlik.core.models import RateCount
from tests.api.conftest import bearer


def assert_error(response, status, code):
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body["error"]


def test_every_error_has_the_same_body(world, client, tokens, adopted):
    assert_error(client.get("/api/v1/imports"), 401, "unauthorized")
    assert_error(client.get("/api/v1/imports", **bearer(tokens["nina"])), 403, "forbidden")
    assert_error(client.get("/api/v1/municipalities/yok"), 404, "not_found")
    assert_error(client.get("/api/v1/no/such/address"), 404, "not_found")
    detail = assert_error(client.get("/api/v1/municipalities?offset=-1"), 422, "invalid")
    assert detail["details"] == [
        {"field": "offset", "value": None, "problem": detail["details"][0]["problem"]}
    ]
    bad = client.post(
        "/api/v1/service-counts", b"{", content_type="application/json", **bearer(tokens["alice"])
    )
    assert_error(bad, 400, "bad_request")


def test_it_answers_in_the_requests_language(world, client):
    english = client.get("/api/v1/municipalities/yok", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["error"]["message"] == "Not found."
    turkish = client.get("/api/v1/municipalities/yok", HTTP_ACCEPT_LANGUAGE="tr")
    assert turkish.json()["error"]["code"] == "not_found"


def test_it_limits_the_rate_per_address(world, client, settings):
    settings.API_RATE_ANON = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/municipalities").status_code == 200
    refused = client.get("/api/v1/municipalities")
    assert_error(refused, 429, "rate_limited")
    assert int(refused["Retry-After"]) >= 1
    # Another address has its own allowance.
    assert client.get("/api/v1/municipalities", REMOTE_ADDR="10.0.0.9").status_code == 200
    # Counted in the database under a keyed hash: no address is stored.
    keys = list(RateCount.objects.values_list("key", flat=True))
    assert len(keys) == 2 and not any("127.0.0.1" in k or "10.0.0.9" in k for k in keys)


def test_the_rate_limit_holds_across_server_workers(world, client, settings):
    """Each worker process has its own cache and its own throttle; the count is shared."""
    settings.API_RATE_ANON = "2/minute"
    assert client.get("/api/v1/municipalities").status_code == 200
    cache.clear()  # as if the next request reached another worker
    assert client.get("/api/v1/municipalities").status_code == 200
    request = type("Request", (), {"META": {"REMOTE_ADDR": "127.0.0.1"}, "auth": None})()
    another_worker = ApiThrottle()
    assert not another_worker.allow_request(request)
    assert another_worker.wait() >= 1


def test_it_limits_the_rate_per_token(world, client, settings, tokens):
    settings.API_RATE_TOKEN = "2/minute"
    for _ in range(2):
        assert client.get("/api/v1/token", **bearer(tokens["bob"])).status_code == 200
    assert_error(client.get("/api/v1/token", **bearer(tokens["bob"])), 429, "rate_limited")
    assert client.get("/api/v1/token", **bearer(tokens["alice"])).status_code == 200


def test_it_serves_an_openapi_3_1_document(world, client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/service-counts" in document["paths"]
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_it_serves_the_docs_page_from_local_files_only(world, client):
    page = client.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/static/") for source in sources)
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source
    assert "/api/v1/openapi.json" in page


def test_it_points_from_the_root_to_the_document(world, client):
    body = client.get("/api/v1/").json()
    assert body["openapi"].endswith("/api/v1/openapi.json")
    assert body["docs"].endswith("/api/v1/docs")


def test_it_counts_wrong_tokens_against_the_address(world, client, settings):
    settings.API_RATE_ANON = "2/minute"
    for _ in range(2):
        assert client.get("/api/v1/token", **bearer("esk_guess")).status_code == 401
    refused = client.get("/api/v1/token", **bearer("esk_guess"))
    assert_error(refused, 429, "rate_limited")
    assert int(refused["Retry-After"]) >= 1
