"""Public reads: published data only, counts of people after disclosure control."""

from esitlik.participation.inputs import input_create, input_decide
from tests.plans.helpers import build, make_plan
from tests.reports.helpers import ready_report


def test_it_lists_municipalities_with_a_page(world, client):
    body = client.get("/api/v1/municipalities?limit=1").json()
    assert body["count"] == 2 and body["limit"] == 1 and body["offset"] == 0
    assert [m["slug"] for m in body["items"]] == ["igdir"]
    second = client.get("/api/v1/municipalities?limit=1&offset=1").json()
    assert [m["slug"] for m in second["items"]] == ["ornek"]


def test_it_refuses_a_page_larger_than_the_maximum(world, client, settings):
    response = client.get("/api/v1/municipalities?limit=100000")
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "limit"


def test_it_answers_404_for_an_unknown_municipality(world, client):
    response = client.get("/api/v1/municipalities/yok/plans")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response.json()["error"]["details"] == []


def test_it_shows_only_adopted_plans(world, client, adopted):
    make_plan(world)  # a draft beside the adopted one
    body = client.get("/api/v1/municipalities/ornek/plans").json()
    assert [p["id"] for p in body["items"]] == [adopted.plan.pk]
    assert body["items"][0]["status"] == "in_implementation"


def test_it_filters_plans_by_status(world, client, adopted):
    assert client.get("/api/v1/municipalities/ornek/plans?status=completed").json()["count"] == 0
    assert client.get("/api/v1/municipalities/ornek/plans?status=bogus").status_code == 422


def test_it_gives_a_plan_with_aims_objectives_and_actions(world, client, adopted):
    body = client.get(f"/api/v1/municipalities/ornek/plans/{adopted.plan.pk}").json()
    action = body["aims"][0]["objectives"][0]["actions"][0]
    assert action["code"] == adopted.action.code
    assert action["status"] == "not_started" and action["progress"] == 0
    assert body["actions"] == 1


def test_it_hides_a_draft_plan_as_missing(world, client):
    draft = make_plan(world)
    build(draft, world)
    response = client.get(f"/api/v1/municipalities/ornek/plans/{draft.pk}")
    assert response.status_code == 404


def test_it_answers_404_for_a_plan_under_another_municipality(world, client, adopted):
    response = client.get(f"/api/v1/municipalities/igdir/plans/{adopted.plan.pk}")
    missing = client.get("/api/v1/municipalities/igdir/plans/999999")
    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content


def test_it_gives_targets_and_approved_values_only(world, client, adopted):
    body = client.get("/api/v1/municipalities/ornek/indicators").json()
    indicator = body["items"][0]
    assert indicator["targets"] == [{"year": 2025, "value": 100.0, "women": None, "men": None}]
    assert [v["year"] for v in indicator["values"]] == [2025, 2026]  # the draft is left out


def test_it_hides_small_counts_and_what_would_reveal_them(world, client, adopted):
    values = client.get("/api/v1/municipalities/ornek/indicators").json()["items"][0]["values"]
    # 37 women and 3 men: the 3 is hidden, and so are the 37 (40 − 37 would give it back).
    assert values[0] == {
        "year": 2025,
        "half": 0,
        "value": 40.0,
        "women": None,
        "men": None,
        "suppressed": ["men", "women"],
    }
    assert values[1]["value"] is None and values[1]["suppressed"] == ["value"]


def test_it_filters_indicator_values_by_year(world, client, adopted):
    indicator = client.get("/api/v1/municipalities/ornek/indicators?year=2026").json()["items"][0]
    assert indicator["targets"] == [] and [v["year"] for v in indicator["values"]] == [2026]


def test_it_lists_only_published_public_reports(world, client):
    published = ready_report(world.home, published=True)
    ready_report(world.home)  # public, not published
    ready_report(world.home, audience="internal")
    ready_report(world.other, published=True)
    body = client.get("/api/v1/municipalities/ornek/reports").json()
    assert [r["id"] for r in body["items"]] == [published.pk]
    assert set(body["items"][0]["downloads"]) == {"pdf", "xlsx", "html", "json"}


def test_it_downloads_a_published_report_without_a_token(world, client):
    report = ready_report(world.home, published=True)
    links = client.get("/api/v1/municipalities/ornek/reports").json()["items"][0]["downloads"]
    response = client.get(links["pdf"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert client.get(links["json"]).status_code == 200
    assert report.pk


def test_it_answers_404_for_an_unpublished_or_foreign_report_file(world, client):
    draft = ready_report(world.home)
    foreign = ready_report(world.other, published=True)
    for slug, report in (("ornek", draft), ("ornek", foreign)):
        url = f"/api/v1/municipalities/{slug}/reports/{report.pk}/download/pdf"
        assert client.get(url).status_code == 404


def test_it_gives_inputs_references_and_decisions_without_their_text(world, client, adopted):
    item = input_create(
        municipality=world.home, by=world.alice, kind="problem", text="Gizli ayrıntı, Ayşe"
    )
    input_decide(item=item, by=world.alice, status="taken", actions=[adopted.action])
    body = client.get("/api/v1/municipalities/ornek/inputs").json()
    assert body["items"][0]["reference"] == item.reference
    assert body["items"][0]["status"] == "taken"
    assert body["items"][0]["actions"] == [adopted.action.code]
    assert "Ayşe" not in client.get("/api/v1/municipalities/ornek/inputs").content.decode()
    assert client.get("/api/v1/municipalities/ornek/inputs?status=not_taken").json()["count"] == 0
    assert client.get("/api/v1/municipalities/igdir/inputs").json()["count"] == 0
