"""The demo's network compares three municipalities, every figure from what was published."""

from esitlik.core.demo import load_all
from esitlik.core.models import Network
from esitlik.network.figures import compare


def test_the_demo_network_compares_three_municipalities(db):
    load_all()
    comparison = compare(Network.objects.get(slug="kadin-dostu-kentler"))
    assert [c.municipality.slug for c in comparison.columns] == ["deneme", "ornek", "yesilova"]
    deneme, ornek, yesilova = (c.figures for c in comparison.columns)
    assert (deneme["women_council"].part, deneme["women_council"].whole) == (7, 25)
    assert (yesilova["women_managers"].part, yesilova["women_managers"].whole) == (5, 11)
    assert (ornek["women_council"].part, ornek["women_council"].whole) == (5, 31)
    assert yesilova["plan_progress"].value == 0.7
    assert yesilova["equality_budget"].value == (5_200_000 + 3_600_000) / 92_800_000
    # Only Örnek held training: the others have not published a coverage.
    assert ornek["training_coverage"] is not None
    assert deneme["training_coverage"] is None and yesilova["training_coverage"] is None
    assert load_all() == 0
