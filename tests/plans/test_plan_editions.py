from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.plans import services
from esitlik.plans.models import ActionPlan

S = ActionPlan.Status


def new_plan(world, **values):
    values = {
        "title": {"tr": "Yerel Eşitlik Eylem Planı"},
        "start_year": 2025,
        "end_year": 2028,
        **values,
    }
    return services.plan_create(municipality=world.home, by=world.alice, **values)


def move(plan, target, **extra):
    return services.plan_transition(
        plan=plan, target=target, expected_status=plan.status, by=None, **extra
    )


def approve(plan):
    for target in (S.CONSULTATION, S.COMMISSION_REVIEW):
        plan = move(plan, target)
    return move(plan, S.APPROVED, decision_no="2025/12", decision_date=date(2025, 2, 3))


def test_it_numbers_editions_per_municipality(world):
    first, second = new_plan(world), new_plan(world, start_year=2029, end_year=2032)
    other = services.plan_create(
        municipality=world.other,
        title={"tr": "Plan"},
        start_year=2025,
        end_year=2027,
        by=world.oscar,
    )
    assert (first.edition, second.edition, other.edition) == (1, 2, 1)
    entries = AuditEntry.objects.filter(action="plans.plan.created", municipality=world.home)
    assert [e.changes["edition"]["new"] for e in entries.order_by("id")] == [1, 2]


def test_it_refuses_a_period_that_ends_before_it_starts(world):
    with pytest.raises(ValidationError) as error:
        new_plan(world, start_year=2028, end_year=2025)
    assert "end_year" in error.value.error_dict
    with pytest.raises(ValidationError):
        new_plan(world, start_year=1990, end_year=1992)
    assert not ActionPlan.objects.exists()


def test_it_walks_the_lifecycle_and_audits_each_move(world):
    plan = approve(new_plan(world))
    plan = move(plan, S.IN_IMPLEMENTATION)
    plan = move(plan, S.COMPLETED, final_evaluation="Hedeflerin çoğuna ulaşıldı.")
    assert plan.status == S.COMPLETED
    moves = [
        e.changes["status"]["new"]
        for e in AuditEntry.objects.filter(action="plans.plan.status_changed").order_by("id")
    ]
    assert moves == [
        "consultation",
        "commission_review",
        "approved",
        "in_implementation",
        "completed",
    ]
    approval = AuditEntry.objects.filter(changes__status__new="approved").get()
    assert approval.changes["decision_no"] == {"old": "", "new": "2025/12"}


def test_it_refuses_moves_that_are_not_allowed(world):
    plan = new_plan(world)
    with pytest.raises(ValidationError):
        move(plan, S.APPROVED, decision_no="1", decision_date=date(2025, 1, 1))
    with pytest.raises(ValidationError):
        move(plan, S.COMPLETED)
    plan.refresh_from_db()
    assert plan.status == S.DRAFT


def test_it_needs_the_council_decision_to_approve(world):
    plan = move(move(new_plan(world), S.CONSULTATION), S.COMMISSION_REVIEW)
    with pytest.raises(ValidationError) as error:
        move(plan, S.APPROVED)
    assert {"decision_no", "decision_date"} <= set(error.value.error_dict)
    with pytest.raises(ValidationError):
        move(
            plan,
            S.APPROVED,
            decision_no="2025/1",
            decision_date=timezone.localdate() + timedelta(days=3),
        )
    plan.refresh_from_db()
    assert plan.status == S.COMMISSION_REVIEW and plan.decision_no == ""


def test_it_needs_a_final_evaluation_to_complete(world):
    plan = move(approve(new_plan(world)), S.IN_IMPLEMENTATION)
    with pytest.raises(ValidationError) as error:
        move(plan, S.COMPLETED, final_evaluation="   ")
    assert "final_evaluation" in error.value.error_dict


def test_it_refuses_a_move_based_on_a_stale_status(world):
    plan = new_plan(world)
    services.plan_transition(plan=plan, target=S.CONSULTATION, expected_status=S.DRAFT, by=None)
    with pytest.raises(ValidationError) as error:
        # A second person still looking at the draft presses the same button.
        services.plan_transition(plan=plan, target=S.CONSULTATION, expected_status=S.DRAFT, by=None)
    assert "“Kamuoyu görüşü”" in error.value.messages[0]


def test_it_supersedes_the_completed_edition_when_the_next_is_approved(world):
    first = move(
        move(approve(new_plan(world)), S.IN_IMPLEMENTATION),
        S.COMPLETED,
        final_evaluation="Değerlendirme",
    )
    second = new_plan(world, start_year=2029, end_year=2032, previous=first)
    assert second.previous == first
    approve(second)
    first.refresh_from_db()
    assert first.status == S.SUPERSEDED


def test_it_locks_the_details_of_an_approved_plan(world):
    plan = approve(new_plan(world))
    with pytest.raises(ValidationError):
        services.plan_update(plan=plan, by=world.alice, end_year=2030)


def test_it_refuses_a_previous_edition_of_another_municipality(world):
    foreign = services.plan_create(
        municipality=world.other, title={"tr": "P"}, start_year=2025, end_year=2027, by=None
    )
    with pytest.raises(ValidationError):
        new_plan(world, previous=foreign)


def test_it_runs_the_lifecycle_through_the_pages(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("plan_create", args=["ornek"]),
        {
            "title_0": "3. Yerel Eşitlik Eylem Planı",
            "start_year": "2025",
            "end_year": "2028",
        },
    )
    plan = ActionPlan.objects.get()
    assert response["Location"] == reverse("plan_detail", args=["ornek", plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert reverse("plan_transition", args=["ornek", plan.pk, "consultation"]) in page
    url = reverse("plan_transition", args=["ornek", plan.pk, "consultation"])
    assert client.post(url, {"expected_status": "draft"}).status_code == 302
    # The same form sent again, from a page that still showed the draft:
    assert client.post(url, {"expected_status": "draft"}).status_code == 404
    plan.refresh_from_db()
    assert plan.status == S.CONSULTATION
    client.post(
        reverse("plan_transition", args=["ornek", plan.pk, "commission_review"]),
        {"expected_status": "consultation"},
    )
    approval = reverse("plan_transition", args=["ornek", plan.pk, "approved"])
    response = client.post(approval, {"expected_status": "commission_review"})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    response = client.post(
        approval,
        {
            "expected_status": "commission_review",
            "decision_no": "2025/31",
            "decision_date": "2025-03-05",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.decision_no) == (S.APPROVED, "2025/31")
    commitment = client.get(reverse("commitment_detail", args=["ornek"])).content.decode()
    assert "İlk plan kabul edildi" in commitment


def test_it_shows_plans_to_every_inside_role_but_lets_only_the_admin_manage(world, client):
    plan = new_plan(world)
    client.force_login(world.carol)
    page = client.get(reverse("plan_detail", args=["ornek", plan.pk])).content.decode()
    assert "Yerel Eşitlik Eylem Planı" in page
    assert reverse("plan_transition", args=["ornek", plan.pk, "consultation"]) not in page
    url = reverse("plan_transition", args=["ornek", plan.pk, "consultation"])
    assert client.post(url, {"expected_status": "draft"}).status_code == 403
    assert client.get(reverse("plan_create", args=["ornek"])).status_code == 403
