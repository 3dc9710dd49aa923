"""The participation services: what they refuse, what they record."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.participation import inputs, stakeholders
from esitlik.participation.events import event_create, event_update
from esitlik.participation.models import ContactPerson, Event, Input
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder
from tests.plans.helpers import approve, build, make_plan


def errors_of(excinfo) -> dict:
    return {field: " ".join(messages) for field, messages in excinfo.value.message_dict.items()}


def test_stakeholder_names_are_unique_the_turkish_way(world):
    stakeholder(world, name="IĞDIR Kadın Kooperatifi")
    with pytest.raises(ValidationError) as excinfo:
        stakeholder(world, name="  ığdır kadın   kooperatifi ")
    assert "already in the registry" in errors_of(excinfo)["name"]
    # Another municipality may register an organisation of the same name.
    stakeholder(world, name="IĞDIR Kadın Kooperatifi", municipality=world.other)


def test_stakeholder_tags_are_cleaned_and_refused_when_too_long(world):
    item = stakeholder(world, tags="kadın kooperatifi, Engelli ; engelli,,")
    assert item.tags == ["kadın kooperatifi", "Engelli"]
    with pytest.raises(ValidationError) as excinfo:
        stakeholder(world, name="Başka", tags=["x" * 41])
    assert "at most 40" in errors_of(excinfo)["tags"]


def test_stakeholder_refuses_another_municipalitys_neighbourhood(world):
    theirs = neighbourhood(world, municipality=world.other)
    with pytest.raises(ValidationError) as excinfo:
        stakeholder(world, neighbourhood=theirs)
    assert "neighbourhood" in errors_of(excinfo)


def test_contact_needs_consent_and_erasure_leaves_no_personal_data(world):
    org = stakeholder(world)
    with pytest.raises(ValidationError) as excinfo:
        stakeholders.contact_add(
            stakeholder=org,
            by=world.alice,
            name="Ayşe Yılmaz",
            consent_date=None,
            consent_purpose="",
        )
    assert set(errors_of(excinfo)) == {"consent_date", "consent_purpose"}
    contact = stakeholders.contact_add(
        stakeholder=org,
        by=world.alice,
        name="Ayşe Yılmaz",
        email="ayse@example.org",
        consent_date=timezone.localdate(),
        consent_purpose="Plan toplantılarına davet",
    )
    stakeholders.contact_erase(contact=contact, by=world.alice)
    assert not ContactPerson.objects.exists()
    logged = " ".join(
        f"{e.object_repr} {e.changes}" for e in AuditEntry.objects.filter(municipality=world.home)
    )
    assert "Ayşe" not in logged and "ayse@example.org" not in logged
    assert AuditEntry.objects.filter(action="participation.contact.erased").count() == 1


def test_event_in_the_future_cannot_be_held(world):
    with pytest.raises(ValidationError) as excinfo:
        held_workshop(world, days_ago=-3)
    assert "not happened yet" in errors_of(excinfo)["status"]
    assert not Event.objects.exists()


def test_event_counts_must_agree_with_the_total(world):
    with pytest.raises(ValidationError) as excinfo:
        held_workshop(world, women=20, men=30, total=60)
    assert "add up to 50 but the total is 60" in errors_of(excinfo)["not_stated"]
    with pytest.raises(ValidationError) as excinfo:
        held_workshop(world, group_counts={"headmen": 40, "staff": 11})
    assert "51 people, more than the 50" in errors_of(excinfo)["group_counts"]
    with pytest.raises(ValidationError):
        held_workshop(world, group_counts={"aliens": 3})


def test_a_total_alone_counts_everyone_as_not_stated(world):
    event = held_workshop(world, women=0, men=0, total=42)
    assert (event.not_stated, event.participants) == (42, 42)


def test_a_planned_event_has_no_attendance(world):
    with pytest.raises(ValidationError) as excinfo:
        event_create(
            municipality=world.home,
            by=world.alice,
            kind=Event.Kind.MEETING,
            title="Gelecek toplantı",
            starts_at=timezone.now() + timedelta(days=5),
            women=3,
        )
    assert "held event" in errors_of(excinfo)["status"]


def test_event_update_refuses_a_stale_form_and_audits_stakeholders(world):
    event = held_workshop(world)
    org = stakeholder(world)
    event_update(event=event, by=world.alice, version=event.version, attended=[org])
    assert list(event.attended.all()) == [org]
    with pytest.raises(ValidationError):
        event_update(event=event, by=world.alice, version=1, title="Yeni ad")
    entry = AuditEntry.objects.filter(action="participation.event.updated").latest("id")
    assert entry.changes["attended"]["new"] == [org.name]


def test_inputs_get_references_and_refuse_empty_text(world):
    event = held_workshop(world)
    first = inputs.input_create(
        municipality=world.home, by=world.bob, event=event, kind="problem", text=" Aydınlatma "
    )
    second = inputs.input_create(
        municipality=world.home, by=world.bob, event=event, kind="proposal", text="Kreş"
    )
    year = timezone.localtime(event.starts_at).year
    assert (first.reference, second.reference) == (f"G-{year}-0001", f"G-{year}-0002")
    assert first.text == "Aydınlatma" and first.channel == Input.Channel.EVENT
    assert (first.position, second.position) == (1, 2)
    with pytest.raises(ValidationError) as excinfo:
        inputs.input_create(municipality=world.home, by=world.bob, kind="need", text="   ")
    assert "without text" in errors_of(excinfo)["text"]


def test_decision_rules(world):
    plan = make_plan(world)
    action = build(plan, world)[2]
    approve(plan)
    item = inputs.input_create(municipality=world.home, by=world.bob, kind="need", text="Kreş")
    with pytest.raises(ValidationError) as excinfo:
        inputs.input_decide(item=item, by=world.alice, status="not_taken")
    assert "reason" in errors_of(excinfo)["decision_reason"]
    with pytest.raises(ValidationError) as excinfo:
        inputs.input_decide(item=item, by=world.alice, status="taken")
    assert "actions" in errors_of(excinfo)
    inputs.input_decide(item=item, by=world.alice, status="taken", actions=[action])
    item.refresh_from_db()
    assert item.status == "taken" and item.decided_at is not None
    assert list(action.inputs.all()) == [item]
    with pytest.raises(ValidationError):
        inputs.input_delete(item=item, by=world.alice)


def test_references_keep_counting_past_four_digits(world):
    year = timezone.localdate().year
    for number in (9998, 9999):
        Input.objects.create(
            municipality=world.home,
            reference=f"G-{year}-{number:04d}",
            kind="need",
            text="Eski",
            received_on=timezone.localdate(),
        )
    first = inputs.input_create(municipality=world.home, by=world.bob, kind="need", text="Yeni")
    second = inputs.input_create(municipality=world.home, by=world.bob, kind="need", text="Bir")
    assert (first.reference, second.reference) == (f"G-{year}-10000", f"G-{year}-10001")
