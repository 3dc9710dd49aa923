"""Tenant isolation, endpoint by endpoint: a token of the other municipality (oscar, its
equality unit admin, the most powerful outsider) never reads or writes home's data, and
another municipality's object is the same 404 as a missing one. Also: every operation of the
API is listed here, so a new endpoint cannot slip by."""

import pytest

from esitlik.api.api import api
from esitlik.datasets.models import ImportRun
from esitlik.participation.inputs import input_create
from esitlik.plans.models import Action
from tests.api.conftest import bearer
from tests.reports.helpers import ready_report

CHECKED = {
    "api_municipality_list",
    "api_municipality_detail",
    "api_plan_list",
    "api_plan_detail",
    "api_indicator_list",
    "api_report_list",
    "api_report_download",
    "api_input_list",
    "api_token_detail",
    "api_import_list",
    "api_import_detail",
    "api_service_counts_push",
    "api_action_progress",
}


def test_it_checks_every_operation_of_the_api():
    names = {
        operation.url_name
        for router_prefix, router in api._routers
        for path_view in router.path_operations.values()
        for operation in path_view.operations
    }
    assert names == CHECKED


@pytest.fixture
def home_data(world, adopted, catalogue):
    run = ImportRun.objects.create(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        directorate=world.social,
        file_name="sayilar.csv",
        file_sha256="0" * 64,
        status=ImportRun.Status.LANDED,
    )
    item = input_create(municipality=world.home, by=world.alice, kind="problem", text="Sorun")
    report = ready_report(world.home, published=True)
    return {"run": run, "input": item, "report": report, **vars(adopted)}


def same_404(client, foreign_url, missing_url, **headers):
    foreign, missing = client.get(foreign_url, **headers), client.get(missing_url, **headers)
    assert foreign.status_code == missing.status_code == 404, foreign_url
    assert foreign.content == missing.content


def test_public_reads_under_another_slug_never_show_home_objects(world, client, home_data):
    plan, report = home_data["plan"], home_data["report"]
    same_404(
        client,
        f"/api/v1/municipalities/igdir/plans/{plan.pk}",
        "/api/v1/municipalities/igdir/plans/999999",
    )
    same_404(
        client,
        f"/api/v1/municipalities/igdir/reports/{report.pk}/download/pdf",
        "/api/v1/municipalities/igdir/reports/999999/download/pdf",
    )
    for listing in ("plans", "indicators", "reports", "inputs"):
        body = client.get(f"/api/v1/municipalities/igdir/{listing}").json()
        assert body["count"] == 0, listing
    assert (
        client.get(f"/api/v1/municipalities/igdir/indicators?plan_id={plan.pk}").json()["count"]
        == 0
    )


def test_a_foreign_token_reads_nothing_of_home(world, client, tokens, home_data):
    headers = bearer(tokens["oscar"])
    assert client.get("/api/v1/token", **headers).json()["municipality"] == "igdir"
    assert client.get("/api/v1/imports", **headers).json()["count"] == 0
    same_404(
        client,
        f"/api/v1/imports/{home_data['run'].pk}",
        "/api/v1/imports/999999",
        **headers,
    )


def test_a_foreign_token_writes_nothing_of_home(world, client, tokens, home_data):
    headers = bearer(tokens["oscar"])
    action = home_data["action"]
    progress = {"status": "completed", "progress": 100}
    foreign = client.post(
        f"/api/v1/actions/{action.pk}/progress",
        progress,
        content_type="application/json",
        **headers,
    )
    missing = client.post(
        "/api/v1/actions/999999/progress", progress, content_type="application/json", **headers
    )
    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content
    assert Action.objects.get(pk=action.pk).progress == 0
    push = {
        "year": 2025,
        "directorate_id": world.social.pk,
        "rows": [{"service": "Sosyal Yardım", "women": 9, "men": 9, "total": 18}],
    }
    response = client.post(
        "/api/v1/service-counts", push, content_type="application/json", **headers
    )
    assert response.status_code == 404
    assert ImportRun.objects.count() == 1  # only the fixture's run
