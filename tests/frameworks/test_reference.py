"""The shared frameworks as loaded by migration."""

from django.utils.translation import override

from esitlik.frameworks.models import Framework, FrameworkItem
from esitlik.frameworks.reference import FRAMEWORKS, sync_reference


def charter(version):
    return Framework.objects.get(code="cemr-charter", version=version, municipality=None)


def test_it_loads_the_2006_charter_with_30_articles_in_their_sections(db):
    items = charter("2006").items
    articles = items.filter(kind="article")
    assert articles.count() == 30
    assert sorted(int(a.code) for a in articles) == list(range(1, 31))
    assert items.filter(kind="principle").count() == 6
    assert items.get(code="22").title == {
        "tr": "Toplumsal cinsiyete dayalı şiddet",
        "en": "Gender-based violence",
    }
    assert items.get(code="17").parent.title["en"] == "The service delivery role"
    assert items.get(code="7").parent.title["en"] == "The political role"


def test_it_loads_the_2022_charter_as_its_own_version(db):
    principles = charter("2022").items.filter(kind="principle")
    assert "intersecting" in principles.get(code="P2").title["en"]
    assert "intersecting" not in charter("2006").items.get(code="P2").title["en"]
    with override("en"):
        assert "31–39" in charter("2022").description["en"]


def test_it_loads_the_six_yeep_headings_and_the_sdg5_targets(db):
    headings = Framework.objects.get(code="yeep-headings").items.order_by("position")
    assert [h.title["tr"] for h in headings] == [
        "Eğitim",
        "Sağlık",
        "İstihdam",
        "Yönetim mekanizmalarına katılım",
        "Kadına yönelik şiddet",
        "Kentsel hizmetler",
    ]
    targets = Framework.objects.get(code="sdg5").items.values_list("code", flat=True)
    assert list(targets) == ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.a", "5.b", "5.c"]


def test_it_has_turkish_and_english_for_every_title(db):
    for item in FrameworkItem.objects.filter(framework__municipality=None):
        assert item.title.get("tr") and item.title.get("en"), item.code


def test_it_updates_titles_in_place_without_duplicating(db):
    before = FrameworkItem.objects.count()
    article = charter("2006").items.get(code="14")
    changed = [dict(spec) for spec in FRAMEWORKS]
    changed[0] = {
        **changed[0],
        "items": [
            {"code": "14", "kind": "article", "title": {"tr": "Sağlık hizmetleri", "en": "Health"}}
        ],
    }
    sync_reference(Framework, FrameworkItem, changed)
    assert FrameworkItem.objects.count() == before
    article.refresh_from_db()
    assert article.title["tr"] == "Sağlık hizmetleri"
