"""Role categories and the typed-in workforce: the denominators of training coverage."""

import pytest
from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.training.models import RoleCategory, WorkforceFigure
from esitlik.training.staff import role_category_create, workforce_set
from tests.training.helpers import category, person

pytestmark = pytest.mark.django_db


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def page(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


def grid(world, year_values: dict) -> dict:
    """POST data for the workforce grid: {category key: (women, men, other)} as typed."""
    data = {}
    for key, cells in year_values.items():
        pk = category(world, key).pk
        for column, value in zip(("women", "men", "other"), cells, strict=True):
            data[f"c{pk}_{column}"] = value
    return data


# Role categories


@pytest.mark.parametrize("who", ["bob", "carol", "mona", "nina"])
def test_only_the_equality_unit_keeps_role_categories(world, client, who):
    client.force_login(getattr(world, who))
    first = category(world)
    assert client.get(url(world, "role_category_list")).status_code == 403
    assert client.post(url(world, "role_category_list"), {"name_0": "Yeni"}).status_code == 403
    assert client.post(url(world, "role_category_edit", first.pk)).status_code == 403
    assert client.post(url(world, "role_category_delete", first.pk)).status_code == 403


def test_it_lists_categories_with_the_staff_and_figures_that_use_them(world, client):
    person(world, role="daire başkanı")
    person(world, name="Ali Veli", role="daire başkanı")
    workforce_set(
        municipality=world.home,
        year=2025,
        by=world.alice,
        figures={category(world): (3, 18, 0)},
    )
    client.force_login(world.alice)
    html = page(client, url(world, "role_category_list"))
    assert "5 role categories" in html
    row = html[html.index("Daire başkanı") :].split("</tr>")[0]
    assert '<td class="num">2</td>' in row and '<td class="num">1</td>' in row
    assert "Department head" in row


def test_it_adds_a_category_and_refuses_one_that_exists_the_turkish_way(world, client):
    client.force_login(world.alice)
    response = client.post(
        url(world, "role_category_list"),
        {"name_0": "  Kadın   koordinatörü ", "name_1": "Women's coordinator"},
    )
    assert response.status_code == 302
    added = RoleCategory.objects.get(municipality=world.home, key="kadın koordinatörü")
    assert added.name == {"tr": "Kadın koordinatörü", "en": "Women's coordinator"}
    assert added.position == 6
    response = client.post(url(world, "role_category_list"), {"name_0": "KADIN KOORDİNATÖRÜ"})
    assert response.status_code == 200
    assert "is already a category" in response.content.decode()
    assert RoleCategory.objects.filter(municipality=world.home).count() == 6


def test_it_renames_reorders_and_retires_a_category_in_use(world, client):
    heads = category(world)
    person(world, role="daire başkanı")
    client.force_login(world.alice)
    html = page(client, url(world, "role_category_edit", heads.pk))
    assert "Used by 1 staff and in 0 years of workforce figures." in html
    assert "cannot be deleted" in html
    assert url(world, "role_category_delete", heads.pk) not in html
    response = client.post(
        url(world, "role_category_edit", heads.pk),
        {"name_0": "Daire Başkanı", "name_1": "Head of department", "position": "9"},
    )
    assert response.status_code == 302
    heads.refresh_from_db()
    assert heads.name == {"tr": "Daire Başkanı", "en": "Head of department"}
    assert (heads.position, heads.is_active) == (9, False)
    assert heads.staff_members.count() == 1


def test_it_deletes_an_unused_category_after_asking(world, client):
    unused = role_category_create(municipality=world.home, name={"tr": "Yazım hatası"}, by=None)
    client.force_login(world.alice)
    assert url(world, "role_category_delete", unused.pk) in page(
        client, url(world, "role_category_edit", unused.pk)
    )
    html = page(client, url(world, "role_category_delete", unused.pk))
    assert "Delete “Yazım hatası”?" in html
    assert RoleCategory.objects.filter(pk=unused.pk).exists()
    response = client.post(url(world, "role_category_delete", unused.pk))
    assert response["Location"] == url(world, "role_category_list")
    assert not RoleCategory.objects.filter(pk=unused.pk).exists()
    assert AuditEntry.objects.filter(action="training.role_category.deleted").count() == 1


def test_it_refuses_to_delete_a_category_that_figures_name(world, client):
    heads = category(world)
    workforce_set(municipality=world.home, year=2024, by=None, figures={heads: (1, 2, 0)})
    client.force_login(world.alice)
    response = client.post(url(world, "role_category_delete", heads.pk), follow=True)
    assert "take it out of use instead" in response.content.decode()
    assert RoleCategory.objects.filter(pk=heads.pk).exists()
    assert WorkforceFigure.objects.filter(role_category=heads).count() == 1


# The workforce grid


def test_it_opens_on_this_year_when_there_are_no_figures(world, client):
    client.force_login(world.alice)
    response = client.get(url(world, "workforce"))
    assert response.context["year"] == timezone.localdate().year
    html = response.content.decode()
    assert "No workforce figures yet." in html
    assert "the denominators of training coverage" in html and "issue #6" in html


def test_it_opens_on_the_latest_year_with_figures_and_lists_the_years(world, client):
    for year in (2023, 2025):
        workforce_set(
            municipality=world.home, year=year, by=None, figures={category(world): (1, 1, 0)}
        )
    client.force_login(world.carol)
    response = client.get(url(world, "workforce"))
    assert response.context["year"] == 2025
    assert response.context["years"] == [2025, 2023]
    html = response.content.decode()
    assert '<a href="?year=2023">2023</a>' in html
    assert client.get(url(world, "workforce"), {"year": 2023}).context["year"] == 2023


def test_it_saves_the_grid_reading_counts_the_turkish_way(world, client):
    client.force_login(world.alice)
    data = grid(
        world,
        {
            "daire başkanı": ("3", "18", ""),
            "birim personeli": ("1.234", " 2 345 ", "7"),
            "diğer": ("0", "", "0"),
        },
    )
    response = client.post(url(world, "workforce") + "?year=2025", data)
    assert response.status_code == 302
    assert response["Location"] == url(world, "workforce") + "?year=2025"
    saved = {
        f.role_category.key: (f.women, f.men, f.other)
        for f in WorkforceFigure.objects.filter(municipality=world.home, year=2025)
    }
    assert saved == {"daire başkanı": (3, 18, 0), "birim personeli": (1234, 2345, 7)}
    response = client.get(response["Location"])
    assert response.context["totals"] == [1237, 2363, 7]
    assert response.context["grand_total"] == 3607
    html = response.content.decode()
    assert "3,607" in html  # English page; Turkish would write 3.607
    assert 'value="1,234"' in html  # read back as typed


def test_it_reports_bad_cells_by_category_and_column_and_saves_nothing(world, client):
    workforce_set(
        municipality=world.home, year=2025, by=None, figures={category(world): (3, 18, 0)}
    )
    client.force_login(world.alice)
    data = grid(
        world,
        {
            "daire başkanı": ("4", "on sekiz", "0"),
            "şube müdürü": ("5", "6", "-1"),
        },
    )
    response = client.post(url(world, "workforce") + "?year=2025", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Department head, Men: Enter a whole number." in html
    assert "Branch manager, Other or not stated: A count cannot be below 0." in html
    assert 'value="on sekiz"' in html  # what was typed stays, to be fixed
    figure = WorkforceFigure.objects.get(municipality=world.home, year=2025)
    assert (figure.women, figure.men, figure.other) == (3, 18, 0)


def test_a_row_left_at_zero_is_removed_and_a_retired_category_with_figures_still_shows(
    world, client
):
    heads, other = category(world), category(world, "diğer")
    workforce_set(
        municipality=world.home, year=2025, by=None, figures={heads: (3, 18, 0), other: (1, 1, 1)}
    )
    other.is_active = False
    other.save(update_fields=["is_active"])
    client.force_login(world.alice)
    html = page(client, url(world, "workforce"), year=2025)
    assert f'name="c{other.pk}_women"' in html
    assert f'name="c{other.pk}_women"' not in page(client, url(world, "workforce"), year=2026)
    client.post(
        url(world, "workforce") + "?year=2025",
        grid(world, {"daire başkanı": ("", "", ""), "diğer": ("1", "1", "1")}),
    )
    assert list(
        WorkforceFigure.objects.filter(year=2025).values_list("role_category__key", flat=True)
    ) == ["diğer"]


@pytest.mark.parametrize("who", ["bob", "carol", "mona"])
def test_everyone_inside_reads_the_figures_but_only_the_equality_unit_types_them(
    world, client, who
):
    workforce_set(
        municipality=world.home, year=2025, by=None, figures={category(world): (3, 18, 0)}
    )
    client.force_login(getattr(world, who))
    html = page(client, url(world, "workforce"))
    assert "<input" not in html.split("<table")[1]
    assert '<td class="num">18</td>' in html
    assert url(world, "role_category_list") not in html
    response = client.post(
        url(world, "workforce") + "?year=2025", grid(world, {"daire başkanı": ("9", "9", "9")})
    )
    assert response.status_code == 403
    assert WorkforceFigure.objects.get(year=2025).women == 3


def test_it_answers_a_bad_year_with_a_message_and_the_default_year(world, client):
    client.force_login(world.alice)
    response = client.get(url(world, "workforce"), {"year": "1850"})
    assert response.context["year"] == timezone.localdate().year
    assert "greater than or equal to 2000" in response.content.decode()
