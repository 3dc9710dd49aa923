import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from esitlik.core.models import AuditEntry, Neighbourhood
from esitlik.participation.inputs import input_create
from tests.participation.helpers import neighbourhood, stakeholder


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def names(world):
    return sorted(
        Neighbourhood.objects.filter(municipality=world.home).values_list("name", flat=True)
    )


def test_it_lists_neighbourhoods_turkish_sorted_with_what_names_them(world, client):
    for name in ["Zafer", "Çamlık", "İnönü", "Cumhuriyet", "Ihlamur"]:
        neighbourhood(world, name)
    camlik = Neighbourhood.objects.get(name="Çamlık")
    stakeholder(world, name="Çamlık Muhtarlığı", kind="headman", neighbourhood=camlik)
    input_create(
        municipality=world.home, by=world.alice, kind="problem", text="Sokak", neighbourhood=camlik
    )
    input_create(
        municipality=world.home, by=world.alice, kind="need", text="Kreş", neighbourhood=camlik
    )
    neighbourhood(world, "Başka Yer", municipality=world.other)
    client.force_login(world.mona)
    response = client.get(reverse("neighbourhood_list", args=["ornek"]))
    page = response.content.decode()
    order = [
        page.index(f">{name}<") for name in ["Cumhuriyet", "Çamlık", "Ihlamur", "İnönü", "Zafer"]
    ]
    assert order == sorted(order)
    assert "Başka Yer" not in page
    assert "Stakeholders" in page and "Inputs" in page
    row = dict(response.context["rows"])[camlik]
    assert row == [1, 2]
    # A monitor reads the list but gets no paste form and no edit links.
    assert response.context["form"] is None
    assert reverse("neighbourhood_edit", args=["ornek", camlik.pk]) not in page


def test_it_adds_pasted_names_and_reports_those_already_there(world, client):
    neighbourhood(world, "Karşıyaka")
    client.force_login(world.alice)
    url = reverse("neighbourhood_list", args=["ornek"])
    pasted = "Atatürk\r\n  KARŞIYAKA MAHALLESİ \r\n\r\nYeşilyurt Mah.\r\nAtatürk\r\n"
    response = client.post(url, {"names": pasted, "district": ""}, follow=True)
    assert names(world) == ["Atatürk", "Karşıyaka", "Yeşilyurt Mah."]
    page = response.content.decode()
    assert "2 neighbourhoods were added." in page
    assert "Already on the list, so not added again: KARŞIYAKA MAHALLESİ, Atatürk." in page
    assert AuditEntry.objects.filter(action="core.neighbourhood.created").count() == 3


def test_it_keeps_a_district_with_the_pasted_names(world, client):
    client.force_login(world.alice)
    client.post(
        reverse("neighbourhood_list", args=["ornek"]),
        {"names": "Cumhuriyet", "district": " Yenişehir "},
    )
    assert Neighbourhood.objects.get(name="Cumhuriyet").district == "Yenişehir"


def test_it_refuses_a_paste_with_a_line_too_long_and_adds_nothing(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("neighbourhood_list", args=["ornek"]), {"names": "Merkez\n" + "x" * 121}
    )
    assert response.status_code == 200
    assert "Line 2 is longer than 120 characters." in response.content.decode()
    assert names(world) == []


def test_it_asks_for_names_when_the_box_is_empty(world, client):
    client.force_login(world.alice)
    response = client.post(reverse("neighbourhood_list", args=["ornek"]), {"names": "  "})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_it_refuses_a_paste_from_a_role_that_does_not_manage_the_structure(world, client):
    client.force_login(world.bob)
    response = client.post(reverse("neighbourhood_list", args=["ornek"]), {"names": "Merkez"})
    assert response.status_code == 403
    assert names(world) == []


def test_it_lets_the_admin_rename_and_take_a_neighbourhood_out_of_use(world, client):
    row = neighbourhood(world, "Karsiyaka")
    client.force_login(world.alice)
    url = reverse("neighbourhood_edit", args=["ornek", row.pk])
    assert 'value="Karsiyaka"' in client.get(url).content.decode()
    response = client.post(url, {"name": " Karşıyaka ", "district": "Merkez"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.name, row.district, row.is_active) == ("Karşıyaka", "Merkez", False)
    page = client.get(reverse("neighbourhood_list", args=["ornek"])).content.decode()
    assert "not in use" in page
    assert AuditEntry.objects.filter(action="core.neighbourhood.updated").exists()


def test_it_refuses_a_name_already_on_the_list(world, client):
    neighbourhood(world, "Atatürk")
    row = neighbourhood(world, "Merkez")
    client.force_login(world.alice)
    response = client.post(
        reverse("neighbourhood_edit", args=["ornek", row.pk]),
        {"name": "ATATÜRK", "district": "", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "is already on the list" in response.content.decode()
    row.refresh_from_db()
    assert row.name == "Merkez"


def test_it_links_the_list_from_the_settings_page(world, client):
    client.force_login(world.alice)
    page = client.get(reverse("municipality_settings", args=["ornek"])).content.decode()
    assert reverse("neighbourhood_list", args=["ornek"]) in page
