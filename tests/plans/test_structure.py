from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from esitlik.core.models import AuditEntry
from esitlik.frameworks import services as framework_services
from esitlik.frameworks.models import Framework, FrameworkItem
from esitlik.plans import structure
from esitlik.plans.models import Action, ActionPlan
from tests.plans.helpers import approve, build

S = ActionPlan.Status


def test_it_gives_stable_nested_codes(plan, world):
    aim, objective, action = build(plan, world)
    second = structure.action_create(
        objective=objective, title={"tr": "İkinci"}, lead_directorate=world.parks, by=world.alice
    )
    aim2 = structure.aim_create(plan=plan, title={"tr": "Eğitim"}, by=world.alice)
    assert (aim.code, objective.code, action.code, second.code, aim2.code) == (
        "1",
        "1.1",
        "1.1.1",
        "1.1.2",
        "2",
    )


def test_it_tags_an_aim_with_a_yeep_heading_only(plan, world):
    heading = FrameworkItem.objects.get(framework__code="yeep-headings", code="5")
    aim = structure.aim_create(plan=plan, title={"tr": "Şiddet"}, heading=heading, by=None)
    assert aim.heading == heading
    article = FrameworkItem.objects.filter(kind="article").first()
    with pytest.raises(ValidationError):
        structure.aim_create(plan=plan, title={"tr": "X"}, heading=article, by=None)


def test_it_checks_an_action_and_saves_nothing_when_wrong(plan, world):
    _, objective, _ = build(plan, world)
    bad = [
        {"start_date": date(2026, 5, 1), "end_date": date(2026, 1, 1)},
        {"status": "completed", "progress": 40},
        {"budget_planned": Decimal("-5")},
        {"target_groups": ["aliens"]},
    ]
    for values in bad:
        with pytest.raises(ValidationError):
            structure.action_create(
                objective=objective,
                title={"tr": "Hatalı"},
                lead_directorate=world.social,
                by=None,
                **values,
            )
    with pytest.raises(ValidationError):
        structure.action_create(
            objective=objective,
            title={"tr": "Hatalı"},
            lead_directorate=world.other_directorate,
            by=None,
        )
    assert not Action.objects.filter(title__tr="Hatalı").exists()


def test_it_accepts_only_tags_this_municipality_may_use(plan, world):
    _, objective, _ = build(plan, world)
    article = FrameworkItem.objects.get(
        framework__code="cemr-charter", framework__version="2006", code="22"
    )
    foreign_set = framework_services.tag_set_create(
        municipality=world.other, title={"tr": "Iğdır"}, by=None
    )
    foreign = framework_services.tag_create(
        framework=foreign_set, code="X", title={"tr": "X"}, by=None
    )
    action = structure.action_create(
        objective=objective,
        title={"tr": "Etiketli"},
        lead_directorate=world.social,
        tags=[article],
        by=None,
    )
    assert list(action.tags.all()) == [article]
    with pytest.raises(ValidationError):
        structure.action_create(
            objective=objective,
            title={"tr": "Yabancı"},
            lead_directorate=world.social,
            tags=[foreign],
            by=None,
        )
    section = FrameworkItem.objects.filter(kind="section").first()
    with pytest.raises(ValidationError):
        structure.action_update(action=action, by=None, tags=[section])


def test_it_audits_changes_to_supporting_directorates_and_tags(plan, world):
    _, _, action = build(plan, world)
    structure.action_update(
        action=action, by=world.alice, supporting_directorates=[world.parks], progress=10
    )
    entry = AuditEntry.objects.filter(action="plans.action.updated").get()
    assert entry.changes["progress"] == {"old": 0, "new": 10}
    assert entry.changes["supporting_directorates"]["new"] == ["Park ve Bahçeler Müdürlüğü"]


def test_it_fixes_the_structure_once_approved(plan, world):
    aim, objective, action = build(plan, world)
    plan = approve(plan)
    with pytest.raises(ValidationError):
        structure.aim_create(plan=plan, title={"tr": "Geç"}, by=world.alice)
    with pytest.raises(ValidationError):
        structure.action_update(action=action, by=world.alice, progress=50)


def test_it_lets_the_lead_focal_point_report_after_approval(plan, world, client):
    _, _, action = build(plan, world)
    url = reverse("action_edit", args=["ornek", plan.pk, action.pk])
    client.force_login(world.bob)
    assert client.get(url).status_code == 403  # before approval: only the admin edits
    approve(plan)
    response = client.post(
        url, {"status": "on_track", "progress": "35", "budget_actual": "12.500,50"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress, action.budget_actual) == (
        "on_track",
        35,
        Decimal("12500.50"),
    )
    entry = AuditEntry.objects.get(action="plans.action.reported")
    assert entry.actor == world.bob


def test_it_refuses_a_report_from_another_directorates_focal_point(plan, world, client):
    _, _, action = build(plan, world)
    approve(plan)
    action.lead_directorate = world.parks
    action.save(update_fields=["lead_directorate"])
    client.force_login(world.bob)
    url = reverse("action_edit", args=["ornek", plan.pk, action.pk])
    assert client.post(url, {"status": "completed", "progress": "100"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "not_started"
    page = client.get(reverse("plan_detail", args=["ornek", plan.pk])).content.decode()
    assert url not in page


def test_it_builds_the_structure_through_the_pages(plan, world, client):
    client.force_login(world.alice)
    heading = FrameworkItem.objects.get(framework__code="yeep-headings", code="1")
    client.post(
        reverse("aim_create", args=["ornek", plan.pk]),
        {"title_0": "Eğitimde eşitlik", "heading": heading.pk},
    )
    aim = plan.aims.get()
    client.post(
        reverse("objective_create", args=["ornek", plan.pk, aim.pk]),
        {"title_0": "Okul öncesi erişim"},
    )
    objective = aim.objectives.get()
    article = FrameworkItem.objects.get(
        framework__code="cemr-charter", framework__version="2006", code="16"
    )
    response = client.post(
        reverse("action_create", args=["ornek", plan.pk, objective.pk]),
        {
            "title_0": "Mahalle kreşleri açılması",
            "lead_directorate": world.social.pk,
            "supporting_directorates": [world.parks.pk],
            "start_date": "2025-03-01",
            "end_date": "2026-12-31",
            "budget_planned": "1.250.000",
            "target_groups": ["children", "women"],
            "tags": [article.pk],
            "status": "not_started",
            "progress": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    action = objective.actions.get()
    assert action.code == "1.1.1" and action.budget_planned == Decimal("1250000")
    assert action.target_groups == ["children", "women"]
    page = client.get(reverse("plan_detail", args=["ornek", plan.pk])).content.decode()
    assert "Mahalle kreşleri açılması" in page and "Eğitim" in page
    bad = client.post(
        reverse("action_create", args=["ornek", plan.pk, objective.pk]),
        {
            "title_0": "Ters tarihli",
            "lead_directorate": world.social.pk,
            "start_date": "2026-01-01",
            "end_date": "2025-01-01",
            "status": "not_started",
            "progress": "0",
        },
    )
    assert bad.status_code == 200
    assert "Bitiş, başlangıçtan önce olamaz." in bad.content.decode()


def test_it_shows_foreign_tags_to_no_one(world, plan, client):
    framework_services.tag_set_create(municipality=world.other, title={"tr": "Gizli küme"}, by=None)
    client.force_login(world.alice)
    _, objective, _ = build(plan, world)
    page = client.get(reverse("action_create", args=["ornek", plan.pk, objective.pk]))
    assert "Gizli küme" not in page.content.decode()
    assert Framework.objects.filter(title__tr="Gizli küme").exists()


def test_a_new_row_keeps_a_code_given_for_it_when_it_fits_and_is_free(plan, world):
    aim, objective, _action = build(plan, world)
    kept = structure.objective_create(aim=aim, title={"tr": "Beşinci"}, code="1.5", by=None)
    after = structure.objective_create(aim=aim, title={"tr": "Sonraki"}, by=None)
    assert (kept.code, after.code) == ("1.5", "1.6")
    for code in ("1.1", "2.1", "1.x", "1.07"):
        with pytest.raises(ValidationError) as caught:
            structure.objective_create(aim=aim, title={"tr": "X"}, code=code, by=None)
        assert "code" in caught.value.message_dict
