"""The stakeholder registry pages: list and filters, create and edit, the engagement history,
and contact people seen only by those allowed to see personal data."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from esitlik.core.models import AuditEntry
from esitlik.core.neighbourhoods import neighbourhood_update
from esitlik.participation import inputs
from esitlik.participation.events import event_create
from esitlik.participation.models import ContactPerson, Event, Stakeholder
from esitlik.participation.stakeholders import contact_add, stakeholder_update
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def url(name, *args):
    return reverse(name, args=["ornek", *args])


def listed(client, **query) -> list[str]:
    response = client.get(url("stakeholder_list"), query)
    assert response.status_code == 200
    return [row.name for row in response.context["rows"]]


@pytest.fixture
def registry(world):
    karsiyaka = neighbourhood(world, "Karşıyaka")
    merkez = neighbourhood(world, "Merkez")
    women = stakeholder(world, tags=["kadın kooperatifi", "Engelli"], neighbourhood=karsiyaka)
    headman = stakeholder(
        world, name="Karşıyaka Muhtarlığı", kind=Stakeholder.Kind.HEADMAN, neighbourhood=karsiyaka
    )
    bar = stakeholder(
        world,
        name="IĞDIR Barosu Kadın Hakları Merkezi",
        kind=Stakeholder.Kind.BAR,
        neighbourhood=merkez,
        tags=["engelli"],
        notes="Şiddet başvurularında hukuki destek",
    )
    union = stakeholder(world, name="Çağ Sendikası", kind=Stakeholder.Kind.UNION)
    stakeholder(world, name="Başka Dernek", municipality=world.other)
    return {"karsiyaka": karsiyaka, "merkez": merkez, "women": women, "headman": headman,
            "bar": bar, "union": union}  # fmt: skip


def test_it_lists_the_registry_turkish_sorted_with_counts(world, client, registry):
    workshop = held_workshop(world, attended=[registry["women"], registry["headman"]])
    held_workshop(world, title="Odak grup", attended=[registry["women"]])
    inputs.input_create(
        municipality=world.home, by=world.alice, kind="problem", text="Kreş yok",
        stakeholder=registry["women"], event=workshop,
    )  # fmt: skip
    client.force_login(world.mona)
    response = client.get(url("stakeholder_list"))
    assert listed(client) == [
        "Çağ Sendikası",
        "IĞDIR Barosu Kadın Hakları Merkezi",
        "Kadın Dayanışma Derneği",
        "Karşıyaka Muhtarlığı",
    ]
    women = next(r for r in response.context["rows"] if r.pk == registry["women"].pk)
    assert (women.event_count, women.input_count) == (2, 1)
    page = response.content.decode()
    assert "Başka Dernek" not in page
    assert "4 stakeholders" in page
    assert "<strong>1</strong> Union" in page and "<strong>1</strong> Bar association" in page
    assert 'aria-current="page">Stakeholders<' in page
    assert url("neighbourhood_list") in page
    # A monitor reads; only those who record participation see the add button.
    assert url("stakeholder_create") not in page
    client.force_login(world.bob)
    assert url("stakeholder_create") in client.get(url("stakeholder_list")).content.decode()


def test_it_filters_by_type_neighbourhood_and_tag(world, client, registry):
    client.force_login(world.carol)
    assert listed(client, kind="headman") == ["Karşıyaka Muhtarlığı"]
    assert listed(client, neighbourhood=registry["karsiyaka"].pk) == [
        "Kadın Dayanışma Derneği",
        "Karşıyaka Muhtarlığı",
    ]
    # "Engelli" and "engelli" are one tag, offered once.
    response = client.get(url("stakeholder_list"))
    tags = [value for value, _label in response.context["form"].fields["tag"].choices]
    assert tags == ["", "Engelli", "kadın kooperatifi"]
    assert listed(client, tag="Engelli") == [
        "IĞDIR Barosu Kadın Hakları Merkezi",
        "Kadın Dayanışma Derneği",
    ]
    assert listed(client, kind="ngo", tag="Engelli") == []
    page = client.get(url("stakeholder_list"), {"kind": "ngo", "tag": "Engelli"})
    assert "No stakeholder matches these filters." in page.content.decode()
    assert "0 of 4 stakeholders match" in page.content.decode()


def test_it_searches_the_turkish_way(world, client, registry):
    client.force_login(world.alice)
    assert listed(client, q="ığdır") == ["IĞDIR Barosu Kadın Hakları Merkezi"]
    assert listed(client, q="KARŞIYAKA") == ["Kadın Dayanışma Derneği", "Karşıyaka Muhtarlığı"]
    assert listed(client, q="  şiddet   hukuki ") == ["IĞDIR Barosu Kadın Hakları Merkezi"]
    assert listed(client, q="KOOPERATİFİ") == ["Kadın Dayanışma Derneği"]
    assert listed(client, q="kadın sendika") == []


def test_it_shows_a_bad_filter_value_instead_of_failing(world, client, registry):
    client.force_login(world.alice)
    response = client.get(
        url("stakeholder_list"), {"kind": "nonsense", "neighbourhood": "x", "tag": "yok"}
    )
    assert response.status_code == 200
    assert response.content.decode().count('aria-invalid="true"') == 3
    assert len(response.context["rows"]) == 4


def test_it_records_a_stakeholder_with_a_neighbourhood_and_tags(world, client):
    place = neighbourhood(world, "Yeşilyurt")
    client.force_login(world.bob)
    response = client.post(
        url("stakeholder_create"),
        {
            "name": "  Engelsiz Yaşam   Derneği ",
            "kind": "ngo",
            "neighbourhood": place.pk,
            "tags": "engelli, erişilebilirlik ,Engelli,",
            "notes": " Görme engelliler için ",
        },
    )
    created = Stakeholder.objects.get(municipality=world.home)
    assert response.status_code == 302
    assert response["Location"] == url("stakeholder_detail", created.pk)
    assert created.name == "Engelsiz Yaşam Derneği"
    assert created.neighbourhood == place
    assert created.tags == ["engelli", "erişilebilirlik"]
    assert created.notes == "Görme engelliler için"
    entry = AuditEntry.objects.get(action="participation.stakeholder.created")
    assert entry.actor == world.bob


def test_it_shows_what_to_fix_on_the_form_and_keeps_what_was_typed(world, client):
    stakeholder(world, name="Kadın Dayanışma Derneği")
    client.force_login(world.alice)
    missing = client.post(url("stakeholder_create"), {"name": " ", "kind": "", "notes": "Not"})
    page = missing.content.decode()
    assert missing.status_code == 200
    assert page.count('aria-invalid="true"') == 2
    assert "Not</textarea>" in page
    # The service's own refusals land on their fields.
    duplicate = client.post(
        url("stakeholder_create"), {"name": "KADIN dayanışma derneği", "kind": "ngo"}
    )
    assert "is already in the registry" in duplicate.content.decode()
    assert duplicate.context["form"].errors["name"]
    long_tag = client.post(
        url("stakeholder_create"), {"name": "Yeni Dernek", "kind": "ngo", "tags": "x" * 41}
    )
    assert long_tag.context["form"].errors["tags"] == [
        "A tag can be at most 40 characters: “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”."
    ]
    assert Stakeholder.objects.filter(municipality=world.home).count() == 1


def test_it_refuses_another_municipalitys_neighbourhood(world, client):
    foreign = neighbourhood(world, "Uzak", municipality=world.other)
    client.force_login(world.alice)
    response = client.post(
        url("stakeholder_create"), {"name": "Dernek", "kind": "ngo", "neighbourhood": foreign.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["neighbourhood"]
    assert not Stakeholder.objects.exists()


def test_it_edits_a_stakeholder_from_a_form_that_carries_its_version(world, client):
    old_place = neighbourhood(world, "Eski Mahalle")
    item = stakeholder(world, tags=["kadın", "göç"], neighbourhood=old_place)
    neighbourhood_update(neighbourhood=old_place, by=world.alice, is_active=False)
    client.force_login(world.alice)
    form = client.get(url("stakeholder_edit", item.pk)).context["form"]
    assert form["tags"].value() == "kadın, göç"
    # Out of use, but still offered on the record that names it.
    assert str(old_place.pk) in [
        str(value) for value, _label in form.fields["neighbourhood"].choices
    ]
    response = client.post(
        url("stakeholder_edit", item.pk),
        {
            "name": "Kadın Dayanışma Derneği",
            "kind": "ngo",
            "neighbourhood": old_place.pk,
            "tags": "kadın",
            "notes": "",
            "version": item.version,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.kind, item.tags, item.is_active) == ("ngo", ["kadın"], False)


def test_it_refuses_a_stale_edit(world, client):
    item = stakeholder(world)
    client.force_login(world.bob)
    version = client.get(url("stakeholder_edit", item.pk)).context["form"]["version"].value()
    stakeholder_update(stakeholder=item, by=world.alice, notes="Alice's change")
    response = client.post(
        url("stakeholder_edit", item.pk),
        {
            "name": "Bob's name",
            "kind": item.kind,
            "notes": "",
            "version": version,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Someone else saved a change to this while you were editing it." in (
        response.content.decode()
    )
    item.refresh_from_db()
    assert (item.name, item.notes) == ("Kadın Dayanışma Derneği", "Alice's change")


def test_it_shows_the_engagement_history(world, client, registry):
    women = registry["women"]
    attended = held_workshop(world, title="Muhtarlar çalıştayı", days_ago=30, attended=[women])
    planned = event_create(
        municipality=world.home, by=world.alice, kind=Event.Kind.FOCUS_GROUP,
        title="Engelli kadınlar odak grubu", starts_at=timezone.now() + timedelta(days=5),
        invited=[women],
    )  # fmt: skip
    held_workshop(world, title="Başkalarının toplantısı", attended=[registry["union"]])
    raised = inputs.input_create(
        municipality=world.home, by=world.alice, kind="proposal", text="Kreş açılsın",
        stakeholder=women, event=attended,
    )  # fmt: skip
    sent = inputs.input_create(
        municipality=world.home, by=world.alice, kind="problem", text="Rampa yok",
        stakeholder=women, channel="stakeholder", received_on=date.today() - timedelta(days=2),
    )  # fmt: skip
    inputs.input_create(
        municipality=world.home, by=world.alice, kind="problem", text="Başkasının görüşü",
        stakeholder=registry["union"],
    )  # fmt: skip
    client.force_login(world.carol)
    response = client.get(url("stakeholder_detail", women.pk))
    page = response.content.decode()
    history = [(row.event.title, row.invited, row.attended) for row in response.context["events"]]
    assert history == [
        ("Engelli kadınlar odak grubu", True, False),
        ("Muhtarlar çalıştayı", False, True),
    ]
    assert "Başkalarının toplantısı" not in page
    assert planned.status == "planned" and '<span class="tag">Planned</span>' in page
    assert "Focus group" in page and "Workshop" in page
    assert (
        attended.starts_at.astimezone(timezone.get_current_timezone()).strftime("%d.%m.%Y") in page
    )
    assert raised.reference in page and sent.reference in page
    assert "Kreş açılsın" in page and "Rampa yok" in page and "Başkasının görüşü" not in page
    assert "Under review" in page
    assert "Women&#x27;s organisation" in page and "Karşıyaka" in page
    assert "kadın kooperatifi" in page
    assert url("stakeholder_edit", women.pk) not in page  # a commission member only reads
    assert url("contact_create", women.pk) not in page


def test_it_shows_the_decision_on_an_input(world, client, registry):
    item = inputs.input_create(
        municipality=world.home, by=world.alice, kind="need", text="Gece aydınlatması",
        stakeholder=registry["women"],
    )  # fmt: skip
    inputs.input_decide(
        item=item, by=world.alice, status="not_taken", reason="Başka kurumun görevi"
    )
    client.force_login(world.alice)
    page = client.get(url("stakeholder_detail", registry["women"].pk)).content.decode()
    assert "Not taken into the plan" in page


@pytest.fixture
def contact(world):
    item = stakeholder(world)
    return contact_add(
        stakeholder=item,
        by=world.alice,
        name="Ayşe Yılmaz",
        position="Başkan",
        email="ayse@example.org",
        phone="0532 111 22 33",
        consent_date=date(2025, 3, 1),
        consent_purpose="Plan toplantılarına davet",
    )


PERSONAL = ("Ayşe Yılmaz", "ayse@example.org", "0532 111 22 33")


@pytest.mark.parametrize("username", ["alice", "bob"])
def test_it_shows_contacts_with_their_consent_to_those_who_may_see_them(
    world, client, contact, username
):
    client.force_login(getattr(world, username))
    page = client.get(url("stakeholder_detail", contact.stakeholder.pk)).content.decode()
    for text in PERSONAL:
        assert text in page
    assert "01.03.2025" in page and "Plan toplantılarına davet" in page
    assert url("contact_erase", contact.stakeholder.pk, contact.pk) in page
    assert url("contact_create", contact.stakeholder.pk) in page


@pytest.mark.parametrize("username", ["carol", "mona"])
def test_it_never_shows_contact_details_to_commission_members_or_monitors(
    world, client, contact, username
):
    client.force_login(getattr(world, username))
    stakeholder_id = contact.stakeholder.pk
    pages = [
        client.get(url("stakeholder_detail", stakeholder_id)),
        client.get(url("stakeholder_list")),
        client.get(url("stakeholder_list"), {"q": "Ayşe"}),
    ]
    for response in pages:
        assert response.status_code == 200
        page = response.content.decode()
        for text in PERSONAL:
            assert text not in page
        assert "Contact people" not in page
    # The search does not look into contacts either: nothing leaks through what it finds.
    assert pages[2].context["rows"] == []
    for name in ("contact_create", "stakeholder_create"):
        assert (
            client.get(
                url(name, *([stakeholder_id] if name == "contact_create" else []))
            ).status_code
            == 403
        )
    erase = url("contact_erase", stakeholder_id, contact.pk)
    assert client.get(erase).status_code == 403
    assert client.post(erase).status_code == 403
    assert ContactPerson.objects.filter(pk=contact.pk).exists()


def test_it_asks_for_consent_before_keeping_a_contact(world, client):
    item = stakeholder(world)
    client.force_login(world.bob)
    page = client.get(url("contact_create", item.pk)).content.decode()
    assert "<legend>Consent (required)</legend>" in page
    response = client.post(
        url("contact_create", item.pk),
        {"name": "Fatma Demir", "email": "fatma@example.org", "consent_purpose": " "},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["consent_date"] == [
        "Record when the person agreed to be contacted; without consent, keep no contact."
    ]
    assert errors["consent_purpose"] == ["Say what the person agreed to."]
    assert 'value="Fatma Demir"' in response.content.decode()
    future = client.post(
        url("contact_create", item.pk),
        {
            "name": "Fatma Demir",
            "consent_date": (date.today() + timedelta(days=1)).isoformat(),
            "consent_purpose": "Davet",
        },
    )
    assert future.context["form"].errors["consent_date"] == [
        "Consent cannot be dated in the future."
    ]
    assert not ContactPerson.objects.exists()


def test_it_keeps_a_contact_with_consent(world, client):
    item = stakeholder(world)
    client.force_login(world.bob)
    response = client.post(
        url("contact_create", item.pk),
        {
            "name": " Fatma  Demir ",
            "position": "Koordinatör",
            "email": "fatma@example.org",
            "phone": "",
            "consent_date": "2025-04-02",
            "consent_purpose": "Çalıştay davetleri",
        },
        follow=True,
    )
    contact = ContactPerson.objects.get()
    assert (contact.name, contact.consent_date) == ("Fatma Demir", date(2025, 4, 2))
    assert contact.recorded_by == world.bob
    assert "The contact person was added with their consent." in response.content.decode()
    entry = AuditEntry.objects.get(action="participation.contact.added")
    assert "Fatma" not in str(entry.changes) and "fatma@" not in str(entry.changes)


def test_it_erases_a_contact_on_request_after_asking(world, client, contact):
    client.force_login(world.alice)
    erase = url("contact_erase", contact.stakeholder.pk, contact.pk)
    confirm = client.get(erase)
    assert confirm.status_code == 200
    assert "Erase for good" in confirm.content.decode()
    assert ContactPerson.objects.filter(pk=contact.pk).exists()
    response = client.post(erase, follow=True)
    assert response.redirect_chain[-1][0] == url("stakeholder_detail", contact.stakeholder.pk)
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()
    page = response.content.decode()
    assert "The contact person&#x27;s details were erased." in page
    assert "Ayşe Yılmaz" not in page
    entry = AuditEntry.objects.get(action="participation.contact.erased")
    assert "Ayşe" not in entry.object_repr and entry.changes == {}


def test_it_answers_404_for_a_contact_of_another_stakeholder(world, client, contact):
    other = stakeholder(world, name="Başka Dernek")
    client.force_login(world.alice)
    assert client.get(url("contact_erase", other.pk, contact.pk)).status_code == 404
