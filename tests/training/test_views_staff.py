"""The staff register's pages: who opens them, how the list searches and filters, what a
person's page tells, and how the form forgives what people type."""

from decimal import Decimal

import pytest
from django.urls import reverse

from esitlik.core.models import Directorate
from esitlik.core.sex import Sex
from esitlik.training.models import StaffMember
from esitlik.training.staff import name_key, staff_update
from esitlik.training.trainers import trainer_create
from tests.training.helpers import category, held_session, person, programme

pytestmark = pytest.mark.django_db


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def page(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("who", ["carol", "mona", "nina"])
def test_it_keeps_the_register_from_roles_that_may_not_see_staff_names(world, client, who):
    someone = person(world)
    client.force_login(getattr(world, who))
    for address in (
        url(world, "staff_list"),
        url(world, "staff_create"),
        url(world, "staff_detail", someone.pk),
        url(world, "staff_edit", someone.pk),
    ):
        assert client.get(address).status_code == 403
    assert client.post(url(world, "staff_create"), {"name": "Biri"}).status_code == 403
    assert not StaffMember.objects.filter(name="Biri").exists()


def test_it_lists_staff_in_turkish_order_with_their_trainings(world, client):
    ozlem = person(world, name="Özlem Çelik", staff_number="1042")
    person(world, name="Zeynep Arslan", sex=Sex.WOMAN)
    person(world, name="Osman Demir", sex=Sex.MAN, role="daire başkanı")
    held_session(world, attendees=[ozlem])
    held_session(world, attendees=[ozlem], days_ago=20)
    client.force_login(world.bob)
    html = page(client, url(world, "staff_list"))
    assert html.index("Osman Demir") < html.index("Özlem Çelik") < html.index("Zeynep Arslan")
    assert "1042" in html and "3 people on the register" in html
    row = html[html.index("Özlem Çelik") :].split("</tr>")[0]
    assert row.rstrip().endswith('<td class="num">2</td>')


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("AYŞE YILMAZ", True),
        ("ayşe", True),
        ("  yılmaz ", True),
        ("YILMAZ ayşe", True),
        ("yilmaz", False),  # i and ı are different letters
        ("88-12", True),
        ("Kaya", False),
    ],
)
def test_it_searches_names_the_turkish_way_and_staff_numbers(world, client, typed, found):
    person(world, name="Ayşe Yılmaz", staff_number="88-123")
    person(world, name="Işıl Demir", staff_number="9")
    client.force_login(world.alice)
    html = page(client, url(world, "staff_list"), q=typed)
    assert ("Ayşe Yılmaz" in html) is found
    assert "Işıl" not in html


def test_it_filters_by_directorate_role_sex_training_and_whether_they_still_work_here(
    world, client
):
    branch = Directorate.objects.create(
        municipality=world.home,
        name={"tr": "Kadın Hizmetleri Şube Müdürlüğü"},
        level="branch",
        parent=world.social,
    )
    trained = person(world, name="Eğitimli Kadın")
    person(world, name="Parktaki Adam", sex=Sex.MAN, directorate=world.parks)
    person(world, name="Şubedeki Kadın", directorate=branch, role="şube müdürü")
    gone = person(world, name="Ayrılan Kişi", sex=Sex.OTHER)
    staff_update(staff=gone, by=world.alice, is_active=False)
    held_session(world, attendees=[trained])
    client.force_login(world.alice)
    address = url(world, "staff_list")

    def names(**params):
        html = page(client, address, **params)
        every = ("Eğitimli Kadın", "Parktaki Adam", "Şubedeki Kadın", "Ayrılan Kişi")
        return {name for name in every if name in html}

    # A department's list includes the branches under it.
    assert names(directorate=world.social.pk) == {
        "Eğitimli Kadın",
        "Şubedeki Kadın",
        "Ayrılan Kişi",
    }
    assert names(directorate=branch.pk) == {"Şubedeki Kadın"}
    assert names(role_category=category(world, "şube müdürü").pk) == {"Şubedeki Kadın"}
    assert names(sex="man") == {"Parktaki Adam"}
    assert names(trained="yes") == {"Eğitimli Kadın"}
    assert names(trained="no") == {"Parktaki Adam", "Şubedeki Kadın", "Ayrılan Kişi"}
    assert names(active="no") == {"Ayrılan Kişi"}
    assert names(active="yes", sex="woman") == {"Eğitimli Kadın", "Şubedeki Kadın"}
    assert "1 of 4 people match" in page(client, address, sex="man")


def test_it_counts_only_held_sessions_as_trainings(world, client):
    someone = person(world)
    session = held_session(world, attendees=[someone])
    session.status = "cancelled"
    session.save(update_fields=["status"])
    client.force_login(world.alice)
    assert page(client, url(world, "staff_list"), trained="no").count("Ayşe Yılmaz") == 1


def test_it_pages_the_register_by_a_hundred(world, client):
    StaffMember.objects.bulk_create(
        StaffMember(
            municipality=world.home, name=f"Kişi {n:03d}", name_key=name_key(f"Kişi {n:03d}")
        )
        for n in range(101)
    )
    client.force_login(world.alice)
    first = page(client, url(world, "staff_list"), q="kişi")
    assert "Kişi 099" in first and "Kişi 100" not in first
    assert "Page 1 of 2" in first and "q=ki%C5%9Fi&amp;page=2" in first
    second = page(client, url(world, "staff_list"), q="kişi", page=2)
    assert "Kişi 100" in second and "Kişi 099" not in second


def test_a_persons_page_lists_their_trainings_hours_and_place_in_the_trainer_pool(world, client):
    someone = person(world, name="Hatice Öztürk", staff_number="77")
    prog = programme(world, title="Hak temelli izleme")
    held_session(world, prog, attendees=[someone], hours=Decimal("12.5"), days_ago=30)
    held_session(world, attendees=[someone], hours=Decimal("6"))
    held_session(world, attendees=[someone])  # hours not recorded
    trainer = trainer_create(municipality=world.home, by=world.alice, staff=someone)
    client.force_login(world.bob)
    html = page(client, url(world, "staff_detail", someone.pk))
    assert "Hak temelli izleme" in html
    assert "3 trainings, 18.5 hours in all" in html
    assert "The hours of 1 session were not recorded" in html
    assert reverse("trainer_detail", args=[world.home.slug, trainer.pk]) in html
    assert "Trains" in html


def test_a_persons_page_says_when_they_have_no_training_and_are_not_a_trainer(world, client):
    someone = person(world)
    client.force_login(world.alice)
    html = page(client, url(world, "staff_detail", someone.pk))
    assert "No training attended yet." in html
    assert "Not in the trainer pool" in html


def test_it_adds_a_person_forgiving_spaces_and_a_typed_sex(world, client):
    client.force_login(world.bob)
    response = client.post(
        url(world, "staff_create"),
        {
            "name": "  ŞÜKRAN   İNCE ",
            "staff_number": " 12 345 ",
            "directorate": world.social.pk,
            "role_category": category(world, "şube müdürü").pk,
            "sex": "Kadın",
        },
    )
    added = StaffMember.objects.get(municipality=world.home)
    assert response.status_code == 302
    assert response["Location"] == url(world, "staff_detail", added.pk)
    assert (added.name, added.staff_number, added.sex) == ("ŞÜKRAN İNCE", "12345", Sex.WOMAN)
    assert added.name_key == "şükran ince"
    assert added.directorate == world.social and added.created_by == world.bob


def test_the_new_person_form_starts_in_the_focal_points_directorate(world, client):
    client.force_login(world.bob)
    html = page(client, url(world, "staff_create"))
    assert f'<option value="{world.social.pk}" selected>' in html
    assert "Still works here" not in html


def test_it_shows_the_services_refusal_on_the_field(world, client):
    person(world, name="Ayşe Yılmaz", staff_number="500")
    client.force_login(world.alice)
    response = client.post(
        url(world, "staff_create"), {"name": "Başka Biri", "staff_number": "500", "sex": "man"}
    )
    assert response.status_code == 200
    assert "Staff number 500 is already Ayşe Yılmaz" in response.content.decode()
    assert response.context["form"].errors["staff_number"]
    assert StaffMember.objects.count() == 1


def test_it_offers_only_categories_in_use_and_keeps_a_persons_retired_one(world, client):
    from esitlik.training.staff import role_category_update

    retired = category(world, "diğer")
    someone = person(world, role="diğer")
    role_category_update(category=retired, by=world.alice, is_active=False)
    client.force_login(world.alice)
    assert f'value="{retired.pk}"' not in page(client, url(world, "staff_create"))
    assert f'value="{retired.pk}" selected' in page(client, url(world, "staff_edit", someone.pk))


def test_it_edits_a_person_and_marks_them_as_left(world, client):
    someone = person(world)
    client.force_login(world.alice)
    response = client.post(
        url(world, "staff_edit", someone.pk),
        {
            "name": "Ayşe Yılmaz Kaya",
            "staff_number": "",
            "directorate": world.parks.pk,
            "role_category": "",
            "sex": "woman",
            "version": someone.version,
        },
    )
    assert response.status_code == 302
    someone.refresh_from_db()
    assert someone.name == "Ayşe Yılmaz Kaya" and not someone.is_active
    assert someone.directorate == world.parks and someone.role_category is None
    assert someone.version == 2


def test_it_refuses_an_edit_made_from_a_stale_form(world, client):
    someone = person(world)
    opened = someone.version
    staff_update(staff=someone, by=world.bob, name="Ayşe Yılmaz Demir")
    client.force_login(world.alice)
    response = client.post(
        url(world, "staff_edit", someone.pk),
        {"name": "Ayşe Kaya", "sex": "woman", "is_active": "on", "version": opened},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved a change" in html
    assert "<h1>Ayşe Yılmaz Demir</h1>" in html
    someone.refresh_from_db()
    assert someone.name == "Ayşe Yılmaz Demir"


def test_the_list_links_role_categories_only_for_the_equality_unit(world, client):
    roles = url(world, "role_category_list")
    client.force_login(world.alice)
    assert roles in page(client, url(world, "staff_list"))
    client.force_login(world.bob)
    html = page(client, url(world, "staff_list"))
    assert roles not in html
    assert url(world, "staff_create") in html
