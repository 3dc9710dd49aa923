"""The stakeholder and input registers as downloads: contact people only on an admin's
explicit request, and recorded when they leave."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry
from esitlik.participation import inputs
from esitlik.participation.stakeholders import contact_add
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder
from tests.plans.helpers import approve, build, make_plan


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _book(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def _all_text(book) -> str:
    return " ".join(
        str(cell.value) for ws in book.worksheets for row in ws.iter_rows() for cell in row
    )


def _org_with_contact(world):
    org = stakeholder(world, neighbourhood=neighbourhood(world), tags=["kooperatif"])
    contact_add(
        stakeholder=org,
        by=world.alice,
        name="Ayşe Yılmaz",
        email="ayse@example.org",
        phone="0555 000 00 00",
        consent_date=timezone.localdate(),
        consent_purpose="Toplantı daveti",
    )
    return org


def test_the_registry_leaves_contact_people_out_unless_an_admin_asks(world, client):
    org = _org_with_contact(world)
    url = reverse("stakeholder_export", args=[world.home.slug])
    for user in (world.alice, world.bob, world.carol):
        client.force_login(user)
        book = _book(client.get(url))
        assert book.sheetnames == ["Stakeholders"]
        rows = list(book["Stakeholders"].iter_rows(values_only=True))
        assert rows[1][:4] == (org.name, "Women's organisation", "Karşıyaka", "kooperatif")
        text = _all_text(book)
        assert "Ayşe" not in text and "ayse@example.org" not in text
    assert not AuditEntry.objects.filter(action="participation.contacts.exported").exists()


def test_only_an_admin_gets_contact_people_and_the_log_records_it(world, client):
    _org_with_contact(world)
    url = reverse("stakeholder_export", args=[world.home.slug]) + "?contacts=1"
    client.force_login(world.bob)
    assert client.get(url).status_code == 403
    client.force_login(world.alice)
    book = _book(client.get(url))
    contacts = list(book["Contact people"].iter_rows(values_only=True))
    assert contacts[1][1:4] == ("Ayşe Yılmaz", None, "ayse@example.org")
    entry = AuditEntry.objects.get(action="participation.contacts.exported")
    assert entry.actor == world.alice and entry.municipality == world.home


def test_the_input_register_says_what_became_of_each_input(world, client):
    plan = make_plan(world)
    action = build(plan, world)[2]
    approve(plan)
    event = held_workshop(world)
    taken = inputs.input_create(
        municipality=world.home,
        by=world.bob,
        event=event,
        kind="proposal",
        text="=Kadın danışma merkezi açılsın",
        target_groups=["women"],
    )
    inputs.input_decide(item=taken, by=world.alice, status="taken", actions=[action])
    inputs.input_create(municipality=world.other, by=world.oscar, kind="need", text="Iğdır")
    client.force_login(world.carol)
    book = _book(client.get(reverse("input_export", args=[world.home.slug])))
    sheet = book["Inputs"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2  # the other municipality's input is not there
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Reference"] == taken.reference
    assert row["Text"] == "=Kadın danışma merkezi açılsın" and sheet["D2"].data_type == "s"
    assert row["Decision"] == "Taken into the plan"
    assert row["Actions it led to"].startswith(action.code)
    assert row["Target groups"] == "Women" and row["Event"] == event.title


def test_the_network_coordinator_gets_no_register(world, client):
    client.force_login(world.nina)
    for name in ("stakeholder_export", "input_export"):
        assert client.get(reverse(name, args=[world.home.slug])).status_code == 403


def test_the_lists_offer_the_downloads_and_only_the_admin_the_contacts(world, client):
    stakeholders_url = reverse("stakeholder_list", args=[world.home.slug])
    client.force_login(world.alice)
    page = client.get(stakeholders_url).content.decode()
    assert 'name="contacts"' in page
    assert reverse("stakeholder_export", args=[world.home.slug]) in page
    client.force_login(world.bob)
    page = client.get(stakeholders_url).content.decode()
    assert 'name="contacts"' not in page
    assert reverse("stakeholder_export", args=[world.home.slug]) in page
    page = client.get(reverse("input_list", args=[world.home.slug])).content.decode()
    assert reverse("input_export", args=[world.home.slug]) in page
