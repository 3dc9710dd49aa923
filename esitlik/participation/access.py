"""Loading the records named in a participation URL, always inside the membership's
municipality (another tenant's id is a 404), and who may change an event."""

from django.http import Http404

from esitlik.core.models import Membership
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.participation.models import ContactPerson, Event, EventAttachment, Input, Stakeholder


def access_stakeholder(membership: Membership, stakeholder_id: int) -> Stakeholder:
    try:
        return Stakeholder.objects.select_related("neighbourhood").get(
            pk=stakeholder_id, municipality_id=membership.municipality_id
        )
    except Stakeholder.DoesNotExist:
        raise Http404 from None


def access_contact(stakeholder: Stakeholder, contact_id: int) -> ContactPerson:
    try:
        return ContactPerson.objects.get(pk=contact_id, stakeholder=stakeholder)
    except ContactPerson.DoesNotExist:
        raise Http404 from None


def access_event(membership: Membership, event_id: int) -> Event:
    try:
        return Event.objects.select_related("directorate", "plan").get(
            pk=event_id, municipality_id=membership.municipality_id
        )
    except Event.DoesNotExist:
        raise Http404 from None


def access_attachment(event: Event, attachment_id: int) -> EventAttachment:
    try:
        return EventAttachment.objects.get(pk=attachment_id, event=event)
    except EventAttachment.DoesNotExist:
        raise Http404 from None


def access_input(membership: Membership, input_id: int) -> Input:
    try:
        return Input.objects.select_related(
            "event", "stakeholder", "neighbourhood", "heading", "article"
        ).get(pk=input_id, municipality_id=membership.municipality_id)
    except Input.DoesNotExist:
        raise Http404 from None


def can_edit_event(membership: Membership, event: Event) -> bool:
    """The equality unit changes every event; a focal point the events they recorded and
    those their directorate (or a branch of it) organised."""
    if can(membership, Perm.DECIDE_INPUTS):
        return True
    if not can(membership, Perm.RECORD_PARTICIPATION):
        return False
    if event.created_by_id == membership.user_id:
        return True
    return event.directorate is not None and can_edit_directorate(membership, event.directorate)


def can_edit_input(membership: Membership, item: Input) -> bool:
    """An input raised at an event is changed by whoever may change the event; one sent in,
    by the equality unit and by the focal point who recorded it."""
    if can(membership, Perm.DECIDE_INPUTS):
        return True
    if not can(membership, Perm.RECORD_PARTICIPATION):
        return False
    if item.event_id is not None:
        return can_edit_event(membership, item.event)
    return item.created_by_id == membership.user_id
