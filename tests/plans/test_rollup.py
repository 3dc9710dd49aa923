"""Roll-up, traffic lights, coverage and the overdue list, computed from real plans."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.urls import reverse

from esitlik.frameworks.models import FrameworkItem
from esitlik.plans import deadlines, indicators, progress, rollup, structure
from esitlik.plans.models import Indicator
from tests.plans.helpers import approve, build


def item(framework_code, code, version=None):
    found = FrameworkItem.objects.filter(framework__code=framework_code, code=code)
    if version:
        found = found.filter(framework__version=version)
    return found.get()


def test_progress_is_weighted_and_ignores_cancelled_actions(plan, world):
    _aim, objective, first = build(plan, world, progress=100, status="completed", weight=3)
    structure.action_create(
        objective=objective,
        title={"tr": "İkinci"},
        lead_directorate=world.parks,
        progress=20,
        by=world.alice,
    )
    structure.action_create(
        objective=objective,
        title={"tr": "İptal"},
        lead_directorate=world.parks,
        progress=0,
        status="cancelled",
        weight=50,
        by=world.alice,
    )
    actions = list(rollup.actions_of(plan))
    assert rollup.weighted_progress(actions) == pytest.approx((3 * 100 + 20) / 4)
    rows = {row.label: row for row in rollup.by_directorate(actions)}
    assert rows[str(world.social)].progress == 100
    assert rollup.by_aim(plan, actions)[0]["objectives"][0]["progress"] == pytest.approx(80)


@pytest.mark.parametrize(
    ("settings", "value", "target", "light"),
    [
        ({"direction": "up", "baseline_value": D(100)}, D(150), D(150), "achieved"),
        ({"direction": "up", "baseline_value": D(100)}, D(130), D(150), "progressing"),
        ({"direction": "up", "baseline_value": D(100)}, D(110), D(150), "off_track"),
        ({"direction": "down", "baseline_value": D(40)}, D(25), D(20), "progressing"),
        ({"direction": "band", "band_low": D(40), "band_high": D(60)}, D(45), None, "achieved"),
        ({"direction": "band", "band_low": D(40), "band_high": D(60)}, D(35), None, "off_track"),
        ({"direction": "up"}, None, D(5), "no_data"),
    ],
)
def test_the_traffic_light_reads_value_against_target(settings, value, target, light):
    indicator = Indicator(measure="percentage", **settings)
    assert rollup.light_for(indicator, value, target) == light


def test_coverage_counts_actions_by_article_and_heading(plan, world):
    heading = item("yeep-headings", "5")
    aim = structure.aim_create(plan=plan, title={"tr": "Şiddet"}, heading=heading, by=world.alice)
    objective = structure.objective_create(aim=aim, title={"tr": "Sığınak"}, by=world.alice)
    article = item("cemr-charter", "22", "2006")
    action = structure.action_create(
        objective=objective,
        title={"tr": "Sığınak"},
        lead_directorate=world.social,
        tags=[article],
        by=world.alice,
    )
    before = rollup.coverage(plan)
    assert len(before.articles) == 30
    indicators.indicator_create(
        parent=action,
        title={"tr": "Yatak"},
        kind="process",
        measure="count",
        by=world.alice,
    )
    cover = rollup.coverage(plan)
    assert cover.cells[(article.pk, heading.pk)] == 1
    assert cover.article_rows[article.pk].indicators == 1
    assert article not in cover.uncovered_articles
    assert len(cover.uncovered_articles) == 29
    assert heading not in cover.uncovered_headings


def test_the_overdue_list_has_late_actions_and_missing_figures(plan, world):
    today = date.today()
    _aim, _objective, action = build(
        plan, world, start_date=date(2025, 1, 1), end_date=today - timedelta(days=3)
    )
    indicator = indicators.indicator_create(
        parent=action, title={"tr": "Sayı"}, kind="outcome", measure="count", by=world.alice
    )
    plan = approve(plan)
    items = deadlines.agenda(plan)
    assert [i.state for i in items if i.action == action] == ["overdue"]
    # The 2025 figures were due on 30 January 2026 and nobody sent them.
    missing = [i for i in items if i.indicator and i.period.year == 2025]
    assert missing[0].state == "overdue"
    progress.update_save(
        indicator=indicator, year=2025, half=0, by=world.bob, value=D(3), submit=True
    )
    after = [i for i in deadlines.agenda(plan) if i.indicator and i.period.year == 2025]
    assert after[0].state == "awaiting_review"


def test_the_plan_pages_render_for_a_monitor(plan, world, client):
    _aim, _objective, action = build(plan, world, progress=40)
    indicators.indicator_create(
        parent=action,
        title={"tr": "Kadın sayısı"},
        kind="outcome",
        measure="count",
        by=world.alice,
    )
    client.force_login(world.mona)
    for name in ("plan_progress", "plan_coverage", "plan_timeline", "indicator_list"):
        url = reverse(name, kwargs={"slug": world.home.slug, "plan_id": plan.pk})
        response = client.get(url)
        assert response.status_code == 200, name
    page = client.get(
        reverse("plan_progress", kwargs={"slug": world.home.slug, "plan_id": plan.pk})
    ).content.decode()
    assert "%40" in page
    due = client.get(reverse("due_list", kwargs={"slug": world.home.slug}))
    assert due.status_code == 200
