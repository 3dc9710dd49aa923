"""A focal point reports progress on an action of the plan in implementation."""

from datetime import date

from playwright.sync_api import Page, expect

from esitlik.plans import services, structure
from esitlik.plans.models import ActionPlan
from tests.browser.conftest import screenshot, sign_in

S = ActionPlan.Status


def plan_in_implementation(world):
    plan = services.plan_create(
        municipality=world.home,
        title={"tr": "3. Yerel Eşitlik Eylem Planı"},
        start_year=2025,
        end_year=2028,
        by=world.alice,
    )
    aim = structure.aim_create(plan=plan, title={"tr": "Şiddetle mücadele"}, by=world.alice)
    objective = structure.objective_create(
        aim=aim, title={"tr": "Destek hizmetleri"}, by=world.alice
    )
    own = structure.action_create(
        objective=objective,
        title={"tr": "Danışma hattı"},
        lead_directorate=world.social,
        by=world.alice,
    )
    structure.action_create(
        objective=objective,
        title={"tr": "Park aydınlatması"},
        lead_directorate=world.parks,
        by=world.alice,
    )
    for target in (S.CONSULTATION, S.COMMISSION_REVIEW):
        plan = services.plan_transition(
            plan=plan, target=target, expected_status=plan.status, by=None
        )
    plan = services.plan_transition(
        plan=plan,
        target=S.APPROVED,
        expected_status=plan.status,
        by=None,
        decision_no="2025/17",
        decision_date=date(2025, 2, 5),
    )
    plan = services.plan_transition(
        plan=plan, target=S.IN_IMPLEMENTATION, expected_status=plan.status, by=None
    )
    return plan, own


def test_it_lets_a_focal_point_report_on_their_action(page: Page, browser_world):
    plan, own = plan_in_implementation(browser_world)
    sign_in(page, "bob")
    page.get_by_role("navigation", name="Belediye").get_by_role(
        "link", name="Eylem planları"
    ).click()
    page.get_by_role("link", name="3. Yerel Eşitlik Eylem Planı").click()
    table = page.get_by_role("table", name="1.1 hedefinin faaliyetleri")
    expect(table.get_by_role("link")).to_have_count(1)  # only the action his directorate leads
    expect(table.get_by_role("columnheader", name="Faaliyet")).to_be_visible()
    table.get_by_role("link", name="Danışma hattı").click()

    page.get_by_label("Durum").select_option(label="Planlandığı gibi")
    page.get_by_label("İlerleme (%)").fill("35")
    page.get_by_label("Gerçekleşen harcama (TL)").fill("12.500,50")
    page.get_by_role("button", name="Kaydet").click()

    expect(page.get_by_role("status")).to_contain_text("Rapor kaydedildi.")
    row = page.get_by_role("row").filter(has_text="Danışma hattı")
    expect(row).to_contain_text("Planlandığı gibi")
    expect(row).to_contain_text("%35")
    screenshot(page, "17-plan-focal-point")
    own.refresh_from_db()
    assert str(own.budget_actual) == "12500.50"
