"""The completeness page (expected, arrived, split by sex, per directorate and kind) and the
equality unit's expected-data forms."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.completeness import overdue_expectations
from esitlik.datasets.expectations import expectation_create
from esitlik.datasets.models import DataExpectation
from tests.datasets.pages import make_run


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def expect(world, directorate, kind, due=None, **kw):
    return expectation_create(
        municipality=world.home,
        directorate=directorate,
        kind=kind,
        year=2025,
        due=due,
        by=None,
        **kw,
    )


def test_it_shows_what_was_expected_what_arrived_and_what_is_not_by_sex(world, client):
    today = timezone.localdate()
    expect(world, world.social, "service_counts", due=today - timedelta(days=5))  # nothing came
    expect(world, world.social, "workforce", due=today - timedelta(days=5))
    expect(world, world.parks, "service_records", due=today + timedelta(days=30))
    expect(world, world.parks, "budget")
    by_sex = {"women": 60, "men": 35, "not_stated": 5}
    make_run(world, directorate=world.social, kind="workforce", summary={"by_sex": by_sex})
    # Arrived without a sex column, and with too much "not stated"; budget lines have no sex.
    make_run(
        world,
        directorate=world.parks,
        kind="service_records",
        mapping={"Hizmet": "service", "Tarih": "date", "Yaş": "age"},
        summary={"rows": 10, "by_sex": {"not_stated": 10}},
    )
    make_run(world, directorate=world.parks, kind="budget", summary={"rows": 10})
    make_run(
        world,
        directorate=world.parks,
        kind="decision_makers",
        summary={"by_sex": {"women": 5, "men": 10, "not_stated": 5}},
    )
    # Neither counts: a refused run, and another year's.
    make_run(world, directorate=world.social, kind="service_counts", status="failed")
    make_run(world, directorate=world.social, kind="service_counts", year=2024)
    make_run(world, kind="population", summary={"by_sex": {"woman": 100, "man": 98}})
    client.force_login(world.carol)

    response = client.get(url(world, "dataset_completeness"), {"year": 2025})
    rows = {
        (str(row.directorate or "—"), row.kind.value): row.state
        for row in response.context["table"].rows
    }
    assert rows == {
        ("Park ve Bahçeler Müdürlüğü", "service_records"): "not_by_sex",
        ("Park ve Bahçeler Müdürlüğü", "decision_makers"): "not_by_sex",
        ("Park ve Bahçeler Müdürlüğü", "budget"): "arrived",
        ("Sosyal Hizmetler Müdürlüğü", "service_counts"): "overdue",
        ("Sosyal Hizmetler Müdürlüğü", "workforce"): "received",
        ("—", "population"): "received",
    }
    page = response.content.decode()
    for words in (
        "Overdue: not arrived",
        "Arrived, not split by sex",
        "no sex column",
        "sex not stated for 25%",
        "Arrived, split by sex",
        "not applicable",
        "not requested",
    ):
        assert words in page
    assert url(world, "dataset_expectation_create") not in page  # carol may not add


def test_it_opens_on_the_latest_year_with_expected_data(world, client):
    expect(world, world.social, "workforce")
    client.force_login(world.alice)
    response = client.get(url(world, "dataset_completeness"))
    assert response.context["year"] == 2025
    # A year typed into the address that is not offered falls back the same way.
    assert client.get(url(world, "dataset_completeness"), {"year": "abc"}).context["year"] == 2025


def test_overdue_expectations_leave_out_what_has_landed_or_is_not_due(world):
    today = date(2026, 3, 1)
    late = expect(world, world.social, "service_counts", due=date(2026, 2, 1))
    expect(world, world.social, "workforce", due=date(2026, 2, 1))
    expect(world, world.parks, "budget", due=date(2026, 4, 1))
    expect(world, world.parks, "population")
    make_run(world, directorate=world.social, kind="workforce")
    assert overdue_expectations(world.home, today) == [late]
    assert overdue_expectations(world.other, today) == []


def form_data(world, **values):
    data = {
        "directorate": world.social.pk,
        "kind": "service_counts",
        "year": 2025,
        "service": "",
        "due": "31.01.2026",
        "note": "  yaş gruplarıyla  ",
    }
    data.update(values)
    return data


def test_the_admin_adds_expected_data_with_a_turkish_date(world, client):
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_expectation_create"), form_data(world))
    assert response.status_code == 302
    assert response["Location"].endswith("?year=2025")
    expectation = DataExpectation.objects.get()
    assert (expectation.due, expectation.note) == (date(2026, 1, 31), "yaş gruplarıyla")
    assert AuditEntry.objects.filter(action="datasets.expectation.created").count() == 1


def test_it_refuses_the_same_expectation_twice_and_a_service_for_the_wrong_kind(world, client):
    service = service_create(
        municipality=world.home, directorate=world.social, name="Aşevi", by=None
    )
    client.force_login(world.alice)
    client.post(url(world, "dataset_expectation_create"), form_data(world))
    again = client.post(url(world, "dataset_expectation_create"), form_data(world))
    assert "already expected to send" in again.content.decode()
    wrong = client.post(
        url(world, "dataset_expectation_create"),
        form_data(world, kind="workforce", service=service.pk),
    )
    assert "Only service records and service counts" in str(wrong.context["form"].errors)
    assert DataExpectation.objects.count() == 1


def test_the_admin_changes_and_removes_expected_data(world, client):
    expectation = expect(world, world.social, "workforce")
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_expectation_edit", expectation.pk),
        form_data(world, kind="workforce", due="2026-02-15"),
    )
    assert response.status_code == 302
    expectation.refresh_from_db()
    assert expectation.due == date(2026, 2, 15)
    assert client.get(url(world, "dataset_expectation_delete", expectation.pk)).status_code == 200
    assert DataExpectation.objects.exists()  # the confirmation page changes nothing
    client.post(url(world, "dataset_expectation_delete", expectation.pk))
    assert not DataExpectation.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"datasets.expectation.updated", "datasets.expectation.deleted"} <= actions


def test_a_focal_point_may_not_change_expected_data(world, client):
    expectation = expect(world, world.social, "workforce")
    client.force_login(world.bob)
    assert (
        client.post(url(world, "dataset_expectation_create"), form_data(world)).status_code == 403
    )
    assert client.post(url(world, "dataset_expectation_delete", expectation.pk)).status_code == 403
    assert DataExpectation.objects.count() == 1


def test_data_expected_for_one_service_arrives_only_with_that_service(world, client):
    kitchen = service_create(
        municipality=world.home, directorate=world.social, name="Aşevi", by=None
    )
    hotline = service_create(
        municipality=world.home, directorate=world.social, name="Destek hattı", by=None
    )
    past = timezone.localdate() - timedelta(days=1)
    expect(world, world.social, "service_records", due=past, service=kitchen)
    late = expect(world, world.social, "service_records", due=past, service=hotline)
    make_run(
        world,
        directorate=world.social,
        kind="service_records",
        summary={"by_sex": {"woman": 5, "man": 5}, "by_service": {str(kitchen.pk): 10}},
    )
    assert overdue_expectations(world.home, timezone.localdate()) == [late]
    client.force_login(world.alice)
    response = client.get(url(world, "dataset_completeness"), {"year": 2025})
    [row] = response.context["table"].rows
    assert row.state == "overdue" and row.late_list == [late]
    assert "not in what arrived" in response.content.decode()
