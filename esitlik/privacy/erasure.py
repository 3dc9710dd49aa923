"""Erasing one person's data on request (KVKK art. 7 and 11), keeping the figures.

- A stakeholder's contact person exists only by consent: the row is deleted (its consents
  stay, pointing at nothing, as proof of what was agreed and withdrawn).
- A staff person and an external trainer are counted in the training figures: the row stays
  with its sex, directorate, role category and attendance, the name becomes
  "Silinmiş kişi #<n>" (n is the request's number) and the staff number, organisation and
  notes are cleared. People trained, coverage and the sessions' counts do not change.
- A member's account, when the person is a member of this municipality only: the membership
  and its API tokens are removed, the account keeps no name, e-mail or password and cannot
  sign in; the audit log keeps that it acted, under the new label. An account with
  memberships elsewhere is left alone and the answer says so (the other municipality is
  another controller).
- Invitations to the e-mail address are deleted.
- Every free text that mentions the person (an input, minutes, notes, the audit log's
  recorded changes, earlier requests) has the mention replaced by the label.
- One audit entry says that an erasure happened and how many records of each kind it
  touched; never what was erased.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esitlik.api.models import ApiToken
from esitlik.core.audit import audit_record
from esitlik.core.models import Membership, Role
from esitlik.participation.models import ContactPerson
from esitlik.privacy.models import DataRequest
from esitlik.privacy.people import Findings, find, scrub_json, scrub_text
from esitlik.training.staff import name_key

LABEL = "Silinmiş kişi #%d"


def label_for(request: DataRequest) -> str:
    return LABEL % request.pk


@dataclass
class Erased:
    label: str
    deleted: dict[str, int] = field(default_factory=dict)
    anonymised: dict[str, int] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)

    def add(self, bucket: str, key: str, n: int = 1) -> None:
        target = getattr(self, bucket)
        target[key] = target.get(key, 0) + n

    def summary(self) -> str:
        parts = [f"{key}: {n}" for key, n in sorted(self.deleted.items())]
        parts_a = [f"{key}: {n}" for key, n in sorted(self.anonymised.items())]
        lines = [
            _("Erased as “%(label)s”.") % {"label": self.label},
            _("Deleted: %(items)s.") % {"items": ", ".join(parts) or "—"},
            _("Name and contact details removed: %(items)s.")
            % {"items": ", ".join(parts_a) or "—"},
        ]
        lines += self.kept
        return "\n".join(lines)


def _user_erase(user, municipality, label: str, erased: Erased) -> None:
    elsewhere = Membership.objects.filter(user=user).exclude(municipality=municipality)
    if elsewhere.exists():
        erased.kept.append(
            _(
                "A user account was kept: the person is also a member of another "
                "municipality, which answers for that account."
            )
        )
        return
    for membership in Membership.objects.filter(user=user, municipality=municipality):
        if (
            membership.role == Role.EQUALITY_ADMIN
            and not Membership.objects.filter(municipality=municipality, role=Role.EQUALITY_ADMIN)
            .exclude(pk=membership.pk)
            .exists()
        ):
            raise ValidationError(
                _(
                    "The person is the only equality unit admin: make someone else admin "
                    "before erasing their account."
                )
            )
        erased.add("deleted", "api_tokens", ApiToken.objects.filter(membership=membership).count())
        membership.delete()
        erased.add("deleted", "memberships")
    user.username = f"silinmis-{user.pk}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    erased.add("anonymised", "accounts")


@transaction.atomic
def person_erase(*, request: DataRequest, found: Findings, by) -> Erased:
    """Erase what ``found`` holds about one person, for ``request`` (of the same
    municipality). ``found`` is looked up again here, inside the transaction."""
    municipality = request.municipality
    found = find(municipality, found.terms)
    label = label_for(request)
    erased = Erased(label)
    regexes = found.regexes

    for consent in found.consents:
        consent.purpose = scrub_text(consent.purpose, regexes, label)
        if consent.withdrawn_on is None and consent.contact_id:
            consent.withdrawn_on = timezone.localdate()
            consent.withdrawn_by = by if getattr(by, "is_authenticated", False) else None
        consent.save()
    for contact in found.contacts:
        ContactPerson.objects.filter(pk=contact.pk).delete()
        erased.add("deleted", "contacts")
    for staff in found.staff:
        staff.name = label
        staff.name_key = name_key(label)
        staff.staff_number = ""
        staff.version += 1
        staff.save(update_fields=["name", "name_key", "staff_number", "version"])
        erased.add("anonymised", "staff")
    for trainer in found.trainers:
        trainer.name = label
        trainer.organisation = ""
        trainer.notes = ""
        trainer.training_for = ""
        trainer.version += 1
        trainer.save(update_fields=["name", "organisation", "notes", "training_for", "version"])
        erased.add("anonymised", "trainers")
    for user in found.users:
        _user_erase(user, municipality, label, erased)
    for invitation in found.invitations:
        invitation.delete()
        erased.add("deleted", "invitations")
    for obj, names in found.mentions:
        obj.refresh_from_db()
        for name in names:
            setattr(obj, name, scrub_text(getattr(obj, name) or "", regexes, label))
        type(obj).objects.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in names})
        erased.add("anonymised", "texts")
    for entry in found.audit:
        # The entry stays (what happened, when, by which account); the person's values go.
        entry.changes = scrub_json(entry.changes, regexes, label)
        entry.object_repr = scrub_text(entry.object_repr, regexes, label)
        if entry.actor_id in {u.pk for u in found.users} and entry.actor_repr:
            entry.actor_repr = label
        entry.actor_repr = scrub_text(entry.actor_repr, regexes, label)
        entry.save(update_fields=["changes", "object_repr", "actor_repr"])
        erased.add("anonymised", "audit_entries")
    for earlier in [*found.requests, request]:
        DataRequest.objects.filter(pk=earlier.pk).update(
            requester=label, outcome=scrub_text(earlier.outcome, regexes, label)
        )
    request.refresh_from_db()
    request.status = DataRequest.Status.ANSWERED
    request.answered_on = timezone.localdate()
    request.handled_by = by if getattr(by, "is_authenticated", False) else None
    request.outcome = "\n".join(filter(None, [request.outcome, erased.summary()]))
    request.save(update_fields=["status", "answered_on", "handled_by", "outcome"])
    audit_record(
        action="privacy.person.erased",
        actor=by,
        municipality=municipality,
        obj=request,
        object_repr=label,
        changes={
            "deleted": {"old": None, "new": erased.deleted},
            "anonymised": {"old": None, "new": erased.anonymised},
        },
    )
    return erased
