"""Objects named in the privacy pages' URLs, always through the member's municipality."""

from __future__ import annotations

from django.http import Http404

from esitlik.core.models import Membership
from esitlik.core.permissions import Perm, can
from esitlik.participation.models import ContactPerson
from esitlik.privacy.models import Consent, DataRequest
from esitlik.training.models import Trainer

# Requests from a person (search, export, erase) are the equality unit's: the permission
# that already keeps contact people's details in a downloaded file to the unit.
HANDLE_REQUESTS = Perm.EXPORT_CONTACTS


def access_request(membership: Membership, request_id: int) -> DataRequest:
    try:
        return DataRequest.objects.get(pk=request_id, municipality=membership.municipality)
    except DataRequest.DoesNotExist as error:
        raise Http404 from error


def access_contact(membership: Membership, contact_id: int) -> ContactPerson:
    try:
        return ContactPerson.objects.select_related("stakeholder").get(
            pk=contact_id, stakeholder__municipality=membership.municipality
        )
    except ContactPerson.DoesNotExist as error:
        raise Http404 from error


def access_trainer(membership: Membership, trainer_id: int) -> Trainer:
    try:
        return Trainer.objects.get(pk=trainer_id, municipality=membership.municipality)
    except Trainer.DoesNotExist as error:
        raise Http404 from error


def access_consent(membership: Membership, consent_id: int) -> Consent:
    try:
        return Consent.objects.select_related("contact__stakeholder", "trainer").get(
            pk=consent_id, municipality=membership.municipality
        )
    except Consent.DoesNotExist as error:
        raise Http404 from error


def can_record_for_contacts(membership: Membership) -> bool:
    return can(membership, Perm.RECORD_PARTICIPATION) and can(membership, Perm.VIEW_CONTACTS)


def can_record_for_trainers(membership: Membership) -> bool:
    return can(membership, Perm.MANAGE_TRAINING)


def can_change(membership: Membership, consent: Consent) -> bool:
    if consent.subject == Consent.Subject.CONTACT:
        return can_record_for_contacts(membership)
    return can_record_for_trainers(membership)
