from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.participation.models import ContactPerson
from esitlik.privacy import services
from esitlik.privacy.models import Consent
from tests.privacy.helpers import person_everywhere


def test_it_records_a_consent_with_its_text_version_and_how(world):
    person = person_everywhere(world)
    consent = person.consent
    assert consent.subject == Consent.Subject.CONTACT
    assert consent.municipality == world.home
    assert (consent.text_version, consent.method) == ("Davet izni v1", "paper")
    entry = AuditEntry.objects.get(action="privacy.consent.recorded")
    assert entry.changes["text_version"]["new"] == "Davet izni v1"
    assert "Yılmaz" not in str(entry.changes) and "Yılmaz" not in entry.object_repr


def test_it_refuses_a_consent_without_purpose_or_in_the_future(world):
    person = person_everywhere(world)
    with pytest.raises(ValidationError) as error:
        services.consent_record(
            by=world.alice,
            trainer=person.trainer,
            purpose="",
            text_version="",
            given_on=timezone.localdate() + timedelta(days=1),
            method="email",
        )
    assert set(error.value.error_dict) == {"purpose", "text_version", "given_on"}


def test_withdrawing_a_contacts_last_consent_erases_the_contact(world):
    person = person_everywhere(world)
    message = services.consent_withdraw(
        consent=person.consent, by=world.alice, withdrawn_on=timezone.localdate(), method="email"
    )
    assert "bilgileri silindi" in message
    assert not ContactPerson.objects.filter(pk=person.contact.pk).exists()
    person.consent.refresh_from_db()
    assert person.consent.withdrawn_on == timezone.localdate()
    assert person.consent.contact is None
    assert AuditEntry.objects.filter(action="privacy.consent.withdrawn").exists()
    assert AuditEntry.objects.filter(action="participation.contact.erased").exists()


def test_withdrawing_one_of_two_consents_keeps_the_contact(world):
    person = person_everywhere(world)
    services.consent_record(
        by=world.alice,
        contact=person.contact,
        purpose="Bülten",
        text_version="Bülten izni v1",
        given_on=date(2025, 2, 1),
        method="email",
    )
    services.consent_withdraw(
        consent=person.consent, by=world.alice, withdrawn_on=timezone.localdate(), method="email"
    )
    assert ContactPerson.objects.filter(pk=person.contact.pk).exists()


def test_withdrawing_a_trainers_consent_clears_the_notes(world):
    person = person_everywhere(world)
    consent = services.consent_record(
        by=world.alice,
        trainer=person.trainer,
        purpose="Eğitici havuzunda iletişim",
        text_version="Eğitici izni v1",
        given_on=date(2025, 1, 1),
        method="in_person",
    )
    services.consent_withdraw(
        consent=consent, by=world.alice, withdrawn_on=timezone.localdate(), method="paper"
    )
    person.trainer.refresh_from_db()
    assert person.trainer.notes == ""
    with pytest.raises(ValidationError):
        services.consent_withdraw(
            consent=consent, by=world.alice, withdrawn_on=timezone.localdate(), method="paper"
        )
