"""Finding, exporting and erasing one person's data."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry, Invitation, Membership
from esitlik.participation.models import ContactPerson, Event, Input
from esitlik.participation.stakeholders import contact_add, stakeholder_create
from esitlik.privacy import exporting, services
from esitlik.privacy.erasure import person_erase
from esitlik.privacy.models import DataRequest
from esitlik.privacy.people import Terms, find
from esitlik.training.models import Attendance, StaffMember, Trainer
from tests.privacy.helpers import EMAIL, NAME, PHONE, person_everywhere, traces


def a_request(world, kind="erasure", requester=NAME):
    return services.request_create(
        municipality=world.home,
        by=world.alice,
        kind=kind,
        requester=requester,
        channel="email",
        received_on=timezone.localdate(),
    )


@pytest.mark.parametrize(
    "terms",
    [Terms.of(name=NAME), Terms.of(name="ayşe yılmaz"), Terms.of(email=EMAIL.upper())],
)
def test_it_finds_the_person_in_every_place(world, terms):
    person = person_everywhere(world)
    found = find(world.home, terms)
    assert found.contacts == [person.contact]
    assert found.users == [person.user]
    assert found.invitations == [person.invitation]
    assert person.consent in found.consents
    mentioned = {(type(obj).__name__, tuple(names)) for obj, names in found.mentions}
    assert ("Input", ("text",)) in mentioned
    assert ("Event", ("moderator", "minutes")) in mentioned
    assert ("Stakeholder", ("notes",)) in mentioned
    assert ("Trainer", ("notes",)) in mentioned
    assert found.audit, "the audit log's recorded changes name her"
    if terms.name:
        assert found.staff == [person.staff]
        assert found.trainers == [person.trainer]


def test_it_finds_a_phone_however_it_is_written(world):
    person = person_everywhere(world)
    found = find(world.home, Terms.of(phone="+90 (532) 1234567"))
    assert found.contacts == [person.contact]
    assert {type(obj).__name__ for obj, _ in found.mentions} >= {"Input", "Stakeholder"}


def test_it_does_not_find_a_name_inside_another_word(world):
    person_everywhere(world)
    assert not find(world.home, Terms.of(name="Ayşe Yıl")).contacts


def test_it_finds_nothing_in_another_municipality(world):
    person_everywhere(world)
    assert find(world.other, Terms.of(NAME, EMAIL, PHONE)).total == 0


def test_the_export_holds_everything_found(world):
    person = person_everywhere(world)
    found = find(world.home, Terms.of(name=NAME))
    document = json.loads(exporting.as_json(found))
    data = document["data"]
    assert data["contacts"][0]["email"] == EMAIL and data["contacts"][0]["phone"] == PHONE
    assert data["staff"][0]["staff_number"] == "S-0042"
    assert len(data["staff"][0]["trainings_attended"]) == 1
    assert data["trainers"][0]["organisation"] == "CEİD"
    assert data["accounts"][0]["username"] == "ayilmaz"
    assert data["invitations"][0]["email"] == EMAIL
    assert data["consents"][0]["text_version"] == "Davet izni v1"
    assert any(row["id"] == person.item.pk for row in data["mentions"])
    assert data["audit"]
    book = load_workbook(io.BytesIO(exporting.as_xlsx(found)))
    cells = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert {EMAIL, PHONE, "S-0042", "ayilmaz"} <= cells


def test_erasure_leaves_no_trace_and_keeps_the_counts(world):
    person = person_everywhere(world)
    elsewhere = contact_add(
        stakeholder=stakeholder_create(
            municipality=world.other, name="Iğdır Kadın Derneği", kind="ngo", by=world.oscar
        ),
        by=world.oscar,
        name=NAME,
        email=EMAIL,
        consent_date=timezone.localdate(),
        consent_purpose="Davet",
    )
    request = a_request(world)
    before = {
        "staff": StaffMember.objects.count(),
        "attendances": Attendance.objects.count(),
        "trainers": Trainer.objects.count(),
        "inputs": Input.objects.count(),
        "event_women": Event.objects.get().women,
        "audit": AuditEntry.objects.count(),
    }
    assert traces()

    erased = person_erase(
        request=request, found=find(world.home, Terms.of(NAME, EMAIL, PHONE)), by=world.alice
    )

    assert erased.label == f"Silinmiş kişi #{request.pk}"
    # Only the other municipality's record of someone with the same name is left.
    assert traces() == {
        ("participation.contactperson", "name", elsewhere.pk),
        ("participation.contactperson", "email", elsewhere.pk),
    }
    assert not ContactPerson.objects.filter(pk=person.contact.pk).exists()
    assert not Invitation.objects.filter(pk=person.invitation.pk).exists()
    assert not Membership.objects.filter(user=person.user).exists()
    person.user.refresh_from_db()
    assert not person.user.is_active and not person.user.has_usable_password()
    person.staff.refresh_from_db()
    assert person.staff.name == erased.label and person.staff.sex == "woman"
    assert StaffMember.objects.count() == before["staff"]
    assert Attendance.objects.count() == before["attendances"]
    assert Trainer.objects.count() == before["trainers"]
    assert Input.objects.count() == before["inputs"]
    assert Event.objects.get().women == before["event_women"]
    person.item.refresh_from_db()
    assert "kreş saatleri" in person.item.text and erased.label in person.item.text
    # The log keeps every entry, and one more saying an erasure happened, without values.
    assert AuditEntry.objects.count() == before["audit"] + 1
    entry = AuditEntry.objects.filter(action="privacy.person.erased").get()
    assert entry.changes["deleted"]["new"]["contacts"] == 1
    request.refresh_from_db()
    assert request.status == DataRequest.Status.ANSWERED and request.requester == erased.label
    # The consent stays as proof, withdrawn and pointing at nothing.
    person.consent.refresh_from_db()
    assert person.consent.contact is None and person.consent.withdrawn_on is not None


def test_erasure_keeps_an_account_that_belongs_to_another_municipality_too(world):
    person = person_everywhere(world)
    Membership.objects.create(user=person.user, municipality=world.other, role="monitor")
    erased = person_erase(
        request=a_request(world), found=find(world.home, Terms.of(email=EMAIL)), by=world.alice
    )
    person.user.refresh_from_db()
    assert person.user.email == EMAIL and person.user.is_active
    assert erased.kept


def test_erasure_refuses_to_remove_the_only_admin(world):
    with pytest.raises(ValidationError):
        person_erase(
            request=a_request(world, requester="alice"),
            found=find(world.home, Terms.of(email=world.alice.email)),
            by=world.alice,
        )
    world.alice.refresh_from_db()
    assert world.alice.is_active
