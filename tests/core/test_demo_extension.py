from esitlik.core.demo import load_all
from esitlik.frameworks.models import Framework


def test_it_loads_every_apps_demo_once(db):
    assert load_all() > 0
    assert load_all() == 0
    own = Framework.objects.get(municipality__slug="ornek")
    assert own.items.count() == 5
