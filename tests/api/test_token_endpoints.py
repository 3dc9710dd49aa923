"""Token endpoints: the token's municipality, its holder's role, and the real pipelines."""

import json

import pytest

from esitlik.core.models import AuditEntry
from esitlik.datasets.models import ImportRun
from esitlik.plans.models import Action
from tests.api.conftest import bearer


def push_body(world, rows, **extra):
    return {"year": 2025, "directorate_id": world.social.pk, "rows": rows, **extra}


GOOD_ROWS = [
    {"service": "Sosyal Yardım", "neighbourhood": "Atatürk", "women": 12, "men": 8, "total": 20},
    {"service": "Meslek Edindirme Kursu", "women": 30, "men": 0, "total": 30},
]


def test_it_tells_who_the_token_acts_as(world, client, tokens):
    body = client.get("/api/v1/token", **bearer(tokens["bob"])).json()
    assert body["municipality"] == "ornek" and body["role"] == "focal_point"
    assert body["directorate_id"] == world.social.pk


def test_it_needs_a_token(world, client):
    response = client.get("/api/v1/imports")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"
    assert client.get("/api/v1/imports", **bearer("esk_nonsense")).status_code == 401


def test_it_pushes_service_counts_through_the_import(world, client, tokens, catalogue):
    response = client.post(
        "/api/v1/service-counts",
        push_body(world, GOOD_ROWS),
        content_type="application/json",
        **bearer(tokens["bob"]),
    )
    assert response.status_code == 201, response.content
    run = ImportRun.objects.get(pk=response.json()["id"])
    assert run.status == ImportRun.Status.LANDED
    assert (run.rows_read, run.rows_stored) == (2, 3)
    assert run.created_by == world.bob and run.directorate == world.social
    assert run.summary["by_sex"] == {"woman": 42, "man": 8}


def test_it_refuses_the_whole_push_with_every_problem(world, client, tokens, catalogue):
    rows = [
        GOOD_ROWS[0],
        {"service": "Böyle bir hizmet yok", "women": 1, "men": 1, "total": 2},
        {"service": "Sosyal Yardım", "women": 5, "men": 5, "total": 11},
    ]
    response = client.post(
        "/api/v1/service-counts",
        push_body(world, rows),
        content_type="application/json",
        **bearer(tokens["alice"]),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "import_refused"
    where = {(d["row"], d["column"]) for d in error["details"]}
    assert (1, "service") in where and (2, "total") in where
    assert all({"row", "column", "value", "problem"} <= set(d) for d in error["details"])
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.rows_stored == 0


def test_it_refuses_rows_of_the_wrong_shape_before_importing(world, client, tokens, catalogue):
    response = client.post(
        "/api/v1/service-counts",
        push_body(world, [{"service": "Sosyal Yardım", "women": "many"}]),
        content_type="application/json",
        **bearer(tokens["alice"]),
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "rows.0.women"
    assert not ImportRun.objects.exists()


def test_it_answers_400_to_a_body_that_is_not_json(world, client, tokens):
    response = client.post(
        "/api/v1/service-counts",
        "{nope",
        content_type="application/json",
        **bearer(tokens["alice"]),
    )
    assert response.status_code in (400, 422)
    assert "error" in response.json()


@pytest.mark.parametrize(
    ("user", "directorate", "status"),
    [
        ("alice", "parks", 201),  # the equality unit imports for any directorate
        ("bob", "social", 201),  # a focal point for their own
        ("bob", "parks", 403),
        ("carol", "social", 403),
        ("mona", "social", 403),
        ("nina", "social", 403),
    ],
)
def test_it_pushes_only_for_directorates_one_may_act_for(
    world, client, tokens, catalogue, user, directorate, status
):
    rows = [
        {
            "service": "Spor Kursları" if directorate == "parks" else "Sosyal Yardım",
            "women": 10,
            "men": 10,
            "total": 20,
        }
    ]
    body = push_body(world, rows, directorate_id=getattr(world, directorate).pk)
    response = client.post(
        "/api/v1/service-counts", body, content_type="application/json", **bearer(tokens[user])
    )
    assert response.status_code == status, response.content
    assert ImportRun.objects.filter(status="landed").count() == (1 if status == 201 else 0)


def test_it_never_pushes_into_another_municipality(world, client, tokens, catalogue):
    body = push_body(world, GOOD_ROWS)  # home's directorate, oscar's token
    response = client.post(
        "/api/v1/service-counts", body, content_type="application/json", **bearer(tokens["oscar"])
    )
    assert response.status_code == 404
    assert not ImportRun.objects.exists()


def test_it_lists_the_municipalitys_imports(world, client, tokens, catalogue):
    client.post(
        "/api/v1/service-counts",
        push_body(world, GOOD_ROWS),
        content_type="application/json",
        **bearer(tokens["bob"]),
    )
    body = client.get("/api/v1/imports?year=2025", **bearer(tokens["mona"])).json()
    assert body["count"] == 1 and body["items"][0]["status"] == "landed"
    assert client.get("/api/v1/imports?year=2024", **bearer(tokens["mona"])).json()["count"] == 0
    assert client.get("/api/v1/imports", **bearer(tokens["oscar"])).json()["count"] == 0
    assert client.get("/api/v1/imports", **bearer(tokens["nina"])).status_code == 403


def test_it_shows_an_import_with_its_problems_only_to_its_municipality(
    world, client, tokens, catalogue
):
    client.post(
        "/api/v1/service-counts",
        push_body(world, [{"service": "Yok", "women": 1, "men": 1, "total": 2}]),
        content_type="application/json",
        **bearer(tokens["alice"]),
    )
    run = ImportRun.objects.get()
    body = client.get(f"/api/v1/imports/{run.pk}", **bearer(tokens["bob"])).json()
    assert body["status"] == "failed" and body["problems"][0]["row"] == 0
    foreign = client.get(f"/api/v1/imports/{run.pk}", **bearer(tokens["oscar"]))
    missing = client.get("/api/v1/imports/999999", **bearer(tokens["oscar"]))
    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content


def report_progress(client, token, action, **values):
    body = {"status": "on_track", "progress": 40, "budget_actual": 1500.5, **values}
    return client.post(
        f"/api/v1/actions/{action.pk}/progress",
        body,
        content_type="application/json",
        **bearer(token),
    )


def test_it_records_progress_on_an_action(world, client, tokens, adopted):
    response = report_progress(client, tokens["bob"], adopted.action)
    assert response.status_code == 200, response.content
    action = Action.objects.get(pk=adopted.action.pk)
    assert (action.status, action.progress, float(action.budget_actual)) == ("on_track", 40, 1500.5)
    entry = AuditEntry.objects.filter(action="plans.action.reported").get()
    assert entry.actor == world.bob and entry.municipality == world.home


@pytest.mark.parametrize(
    ("user", "status"),
    [("alice", 200), ("bob", 200), ("carol", 403), ("mona", 403), ("nina", 403), ("oscar", 404)],
)
def test_it_lets_only_the_lead_directorate_and_the_unit_report(
    world, client, tokens, adopted, user, status
):
    response = report_progress(client, tokens[user], adopted.action)
    assert response.status_code == status
    assert response.json().get("error", {}).get("code") in (None, "forbidden", "not_found")


def test_it_refuses_progress_on_a_plan_not_in_implementation(world, client, tokens):
    from tests.plans.helpers import build, make_plan

    _, _, action = build(make_plan(world), world)
    response = report_progress(client, tokens["alice"], action)
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["problem"]


def test_it_refuses_a_progress_out_of_range(world, client, tokens, adopted):
    response = report_progress(client, tokens["alice"], adopted.action, progress=140)
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "progress"


def test_it_refuses_a_stale_version(world, client, tokens, adopted):
    report_progress(client, tokens["alice"], adopted.action, version=adopted.action.version)
    stale = report_progress(client, tokens["bob"], adopted.action, version=adopted.action.version)
    assert stale.status_code == 422


def test_it_refuses_the_same_counts_pushed_twice(world, client, tokens, catalogue):
    def push():
        return client.post(
            "/api/v1/service-counts",
            push_body(world, GOOD_ROWS),
            content_type="application/json",
            **bearer(tokens["bob"]),
        )

    assert push().status_code == 201
    again = push()
    assert again.status_code == 422 and again.json()["error"]["code"] == "invalid"
    assert ImportRun.objects.filter(status="landed").count() == 1


def test_it_tells_what_made_the_total_wrong(world, client, tokens, catalogue):
    rows = [{"service": "Sosyal Yardım", "women": 5, "men": 5, "total": 11}]
    response = client.post(
        "/api/v1/service-counts",
        push_body(world, rows),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer(tokens["bob"]),
    )
    [detail] = response.json()["error"]["details"]
    assert (detail["row"], detail["column"], detail["value"]) == (0, "total", "11")
    assert detail["problem"] == "women + men make 10, but the total is 11."


def test_it_audits_a_push_as_the_tokens_holder(world, client, tokens, catalogue):
    def push(rows):
        return client.post(
            "/api/v1/service-counts",
            push_body(world, rows),
            content_type="application/json",
            **bearer(tokens["bob"]),
        )

    push(GOOD_ROWS)
    push([{"service": "Yok", "women": 1, "men": 1, "total": 2}])
    entries = AuditEntry.objects.filter(action__startswith="datasets.import.").order_by("pk")
    assert [(e.action, e.actor, e.municipality) for e in entries] == [
        ("datasets.import.landed", world.bob, world.home),
        ("datasets.import.failed", world.bob, world.home),
    ]


# Large pushes: more rows than API_PUSH_SYNC_ROWS are queued (the tests' task backend runs
# tasks at once, so the import is already done when the 202 comes back; DummyBackend keeps
# it queued).

BAD_ROWS = [
    GOOD_ROWS[0],
    {"service": "Böyle bir hizmet yok", "women": 1, "men": 1, "total": 2},
    {"service": "Sosyal Yardım", "women": 5, "men": 5, "total": 11},
]
KEEP_QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def push(client, world, token, rows, **headers):
    return client.post(
        "/api/v1/service-counts",
        push_body(world, rows),
        content_type="application/json",
        **headers,
        **bearer(token),
    )


def test_a_push_up_to_the_limit_lands_during_the_request(
    world, client, tokens, catalogue, settings
):
    settings.API_PUSH_SYNC_ROWS = len(GOOD_ROWS)
    response = push(client, world, tokens["bob"], GOOD_ROWS)
    assert response.status_code == 201, response.content
    assert "status_url" not in response.json()


def test_a_larger_push_is_imported_in_the_background(world, client, tokens, catalogue, settings):
    settings.API_PUSH_SYNC_ROWS = 1
    response = push(client, world, tokens["bob"], GOOD_ROWS)
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["status_url"] == f"/api/v1/imports/{body['id']}" == response["Location"]
    run = ImportRun.objects.get(pk=body["id"])
    assert run.status == ImportRun.Status.LANDED and run.task_id
    assert (run.rows_read, run.rows_stored) == (2, 3)
    assert run.created_by == world.bob and run.directorate == world.social
    assert run.file_name == "api-" + (world.social.code or str(world.social.pk)) + (
        "-service-counts-2025.csv"
    )
    followed = client.get(body["status_url"], **bearer(tokens["bob"])).json()
    assert (followed["status"], followed["progress"], followed["problems"]) == ("landed", 100, [])


def test_a_queued_push_reads_as_queued_then_landed(world, client, tokens, catalogue, settings):
    from esitlik.datasets.imports import import_execute

    settings.API_PUSH_SYNC_ROWS = 1
    settings.TASKS = KEEP_QUEUED
    body = push(client, world, tokens["bob"], GOOD_ROWS).json()
    assert (body["status"], body["progress"], body["rows_stored"]) == ("queued", 0, 0)
    status_url = body["status_url"]
    assert client.get(status_url, **bearer(tokens["mona"])).json()["status"] == "queued"
    assert client.get(status_url, **bearer(tokens["oscar"])).status_code == 404
    import_execute(body["id"])  # what the worker does
    followed = client.get(status_url, **bearer(tokens["mona"])).json()
    assert (followed["status"], followed["rows_stored"]) == ("landed", 3)


def test_a_failing_large_push_lands_nothing_and_its_problems_are_readable(
    world, client, tokens, catalogue, settings
):
    from esitlik.datasets import storage

    settings.API_PUSH_SYNC_ROWS = 1
    response = push(client, world, tokens["alice"], BAD_ROWS)
    assert response.status_code == 202, response.content
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.rows_stored == 0
    assert not ImportRun.objects.filter(status="landed").exists()
    assert not storage.run_path(run).exists()
    body = client.get(response.json()["status_url"], **bearer(tokens["alice"])).json()
    assert body["status"] == "failed" and body["error_count"] >= 2
    where = {(d["row"], d["column"]) for d in body["problems"]}
    assert (1, "service") in where and (2, "total") in where
    assert all({"row", "column", "value", "problem"} <= set(d) for d in body["problems"])


def test_a_large_push_gives_the_same_problems_as_a_small_one(
    world, client, tokens, catalogue, settings
):
    small = push(client, world, tokens["alice"], BAD_ROWS, HTTP_ACCEPT_LANGUAGE="en")
    settings.API_PUSH_SYNC_ROWS = 1
    large = push(client, world, tokens["alice"], BAD_ROWS, HTTP_ACCEPT_LANGUAGE="en")
    followed = client.get(large.json()["status_url"], **bearer(tokens["alice"])).json()
    assert small.status_code == 422
    # The same items; the document's detail shape also has "field", null here.
    assert [{k: v for k, v in d.items() if k != "field"} for d in followed["problems"]] == (
        small.json()["error"]["details"]
    )


def test_a_large_push_of_columns_that_make_no_counts_is_refused_at_once(
    world, client, tokens, catalogue, settings
):
    settings.API_PUSH_SYNC_ROWS = 1
    rows = [
        {"service": "Sosyal Yardım", "women": 1, "men": 1, "total": 2},
        {"service": "Sosyal Yardım", "sex": "Kadın", "count": 3},
    ]
    response = push(client, world, tokens["alice"], rows)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "import_refused" and error["details"][0]["problem"]
    assert not ImportRun.objects.exists()


def test_a_large_push_is_refused_when_the_same_rows_landed(
    world, client, tokens, catalogue, settings
):
    assert push(client, world, tokens["bob"], GOOD_ROWS).status_code == 201
    settings.API_PUSH_SYNC_ROWS = 1
    again = push(client, world, tokens["bob"], GOOD_ROWS)
    assert again.status_code == 422 and again.json()["error"]["code"] == "invalid"
    assert ImportRun.objects.count() == 1


def test_a_large_push_still_needs_the_right_to_import(world, client, tokens, catalogue, settings):
    settings.API_PUSH_SYNC_ROWS = 1
    assert push(client, world, tokens["carol"], GOOD_ROWS).status_code == 403
    assert push(client, world, tokens["oscar"], GOOD_ROWS).status_code == 404
    assert not ImportRun.objects.exists()


def test_a_large_push_with_identifiers_is_refused_as_a_small_one_is(
    world, client, tokens, catalogue, settings
):
    from esitlik.datasets.ingest import files

    rows = [
        {"service": "Sosyal Yardım", "women": 1, "men": 1, "total": 2, "outcome": f"k{i}@ornek.tr"}
        for i in range(3)
    ]
    small = push(client, world, tokens["alice"], rows)
    settings.API_PUSH_SYNC_ROWS = 1
    large = push(client, world, tokens["alice"], rows)
    assert small.status_code == large.status_code == 422
    assert large.json()["error"]["code"] == small.json()["error"]["code"] == "import_refused"
    assert [d["problem"] for d in large.json()["error"]["details"]] == [
        d["problem"] for d in small.json()["error"]["details"]
    ]
    runs = ImportRun.objects.order_by("pk")
    assert [run.status for run in runs] == ["failed", "failed"]
    assert not files.upload_path(runs[1]).exists()


def test_it_refuses_a_lone_surrogate_as_unreadable_and_stores_nothing(
    world, client, tokens, catalogue
):
    # JSON can spell a lone surrogate; Python reads it into a str that cannot be written.
    rows = [{"service": "SURROGATE", "women": 1, "men": 1, "total": 2}]
    body = json.dumps(push_body(world, rows)).replace("SURROGATE", "Sosyal Yard\\ud800m")
    response = client.post(
        "/api/v1/service-counts", body, content_type="application/json", **bearer(tokens["alice"])
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert not ImportRun.objects.exists()
