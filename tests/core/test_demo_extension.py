from esitlik.core.demo import load_all
from esitlik.frameworks.models import Framework


def test_it_loads_every_apps_demo_once(db):
    assert load_all() > 0
    assert load_all() == 0
    own = Framework.objects.get(municipality__slug="ornek")
    assert own.items.count() == 5


def test_it_shows_a_third_edition_in_implementation_with_its_structure(db):
    from esitlik.plans.models import Action, ActionPlan

    load_all()
    plans = ActionPlan.objects.filter(municipality__slug="ornek").order_by("edition")
    assert [p.status for p in plans] == ["superseded", "superseded", "in_implementation"]
    third = plans.last()
    assert third.aims.count() == 6
    assert {aim.heading.code for aim in third.aims.all()} == {"1", "2", "3", "4", "5", "6"}
    actions = Action.objects.filter(objective__aim__plan=third)
    assert actions.count() == 20
    assert actions.filter(status="delayed").exists() and actions.filter(progress=100).exists()
