"""Finding one person's data across the municipality's records.

A person is looked for by name, e-mail and phone, each optional. Records *about* a person
(a contact person, a staff person, an external trainer, a member's account, an invitation)
match on their own fields; free texts (an input, minutes, notes, the audit log's changes)
match when they *mention* the name, the address or the number. Names are compared the
Turkish way ("AYŞE YILMAZ" is "Ayşe Yılmaz"), phones by their digits ("0532 123 45 67" is
"+90 (532) 1234567").

What is found is read again, not trusted, by :mod:`esitlik.privacy.erasure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import AuditEntry, Invitation, Municipality
from esitlik.core.text import tr_casefold, tr_lower, tr_upper
from esitlik.participation.models import ContactPerson, Event, Input, Stakeholder
from esitlik.privacy.models import Consent, DataRequest
from esitlik.training.models import StaffMember, Trainer, TrainingSession

# The free texts searched for mentions: (model, its fields, how the municipality is reached).
TEXT_FIELDS = (
    (Input, ("text", "decision_reason"), "municipality"),
    (Event, ("title", "moderator", "place", "minutes"), "municipality"),
    (Stakeholder, ("name", "notes"), "municipality"),
    (Trainer, ("organisation", "notes", "training_for"), "municipality"),
    (TrainingSession, ("title", "place", "notes"), "municipality"),
)

PLACES = {
    "contacts": _("Stakeholders' contact people"),
    "staff": _("Staff (training attendance)"),
    "trainers": _("External trainers"),
    "accounts": _("User accounts and memberships"),
    "invitations": _("Invitations"),
    "consents": _("Consents"),
    "mentions": _("Mentioned in texts (inputs, events, notes)"),
    "audit": _("Audit log entries that name the person"),
    "requests": _("Personal data requests"),
}


@dataclass(frozen=True)
class Terms:
    name: str = ""
    email: str = ""
    phone: str = ""

    @classmethod
    def of(cls, name="", email="", phone="") -> Terms:
        return cls(" ".join((name or "").split()), (email or "").strip(), (phone or "").strip())

    def __bool__(self) -> bool:
        return bool(self.name or self.email or self.digits)

    @property
    def digits(self) -> str:
        """The phone's last ten digits (a Turkish number without 0 or +90)."""
        digits = re.sub(r"\D", "", self.phone)
        return digits[-10:] if len(digits) >= 7 else ""


def _letter(char: str) -> str:
    if char.isspace():
        return r"\s+"
    variants = {char, char.lower(), char.upper(), tr_lower(char), tr_upper(char)}
    if len(variants) == 1:
        return re.escape(char)
    return "(?:" + "|".join(re.escape(v) for v in sorted(variants)) + ")"


def patterns(terms: Terms) -> list[re.Pattern]:
    """Regular expressions that find the terms inside a free text."""
    found = []
    if terms.name:
        found.append(re.compile(r"(?<!\w)" + "".join(_letter(c) for c in terms.name) + r"(?!\w)"))
    if terms.email:
        found.append(re.compile(r"(?<![\w.+-])" + re.escape(terms.email) + r"(?![\w-])", re.I))
    if terms.digits:
        sep = r"[\s.\-()/]*"
        found.append(
            re.compile(
                r"(?<!\d)(?:\+?9"
                + sep
                + "0"
                + sep
                + ")?(?:0"
                + sep
                + ")?"
                + sep.join(terms.digits)
                + r"(?!\d)"
            )
        )
    return found


def mentions(text: Any, found: list[re.Pattern]) -> bool:
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    return any(p.search(text) for p in found)


def scrub_text(text: str, found: list[re.Pattern], label: str) -> str:
    for pattern in found:
        text = pattern.sub(label, text)
    return text


def scrub_json(value: Any, found: list[re.Pattern], label: str) -> Any:
    """A JSON value with every mention in its strings (keys too) replaced by ``label``."""
    if isinstance(value, str):
        return scrub_text(value, found, label)
    if isinstance(value, list):
        return [scrub_json(item, found, label) for item in value]
    if isinstance(value, dict):
        return {
            scrub_text(str(k), found, label): scrub_json(v, found, label) for k, v in value.items()
        }
    return value


def _same_name(value: str, terms: Terms) -> bool:
    """The record's name holds the name searched for, as whole words, the Turkish way."""
    return bool(terms.name) and any(p.search(value or "") for p in patterns(Terms(terms.name)))


def _same_phone(value: str, terms: Terms) -> bool:
    digits = re.sub(r"\D", "", value or "")
    return bool(terms.digits) and len(digits) >= 7 and digits.endswith(terms.digits)


def _same_email(value: str, terms: Terms) -> bool:
    return bool(terms.email) and (value or "").strip().lower() == terms.email.lower()


@dataclass
class Findings:
    """Everything found about one person in one municipality, by place."""

    municipality: Municipality
    terms: Terms
    contacts: list[ContactPerson] = field(default_factory=list)
    staff: list[StaffMember] = field(default_factory=list)
    trainers: list[Trainer] = field(default_factory=list)
    users: list = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    # (object, field names that mention the person)
    mentions: list[tuple[Any, list[str]]] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    requests: list[DataRequest] = field(default_factory=list)
    # What finds the person in free text: the terms, and every name, address and number of
    # the records found (a search by e-mail also finds the contact's name in minutes).
    regexes: list[re.Pattern] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "contacts": len(self.contacts),
            "staff": len(self.staff),
            "trainers": len(self.trainers),
            "accounts": len(self.users),
            "invitations": len(self.invitations),
            "consents": len(self.consents),
            "mentions": len(self.mentions),
            "audit": len(self.audit),
            "requests": len(self.requests),
        }

    @property
    def total(self) -> int:
        return sum(self.counts().values())


def find(municipality: Municipality, terms: Terms) -> Findings:
    found = Findings(municipality, terms)
    if not terms:
        return found
    found.contacts = [
        c
        for c in ContactPerson.objects.filter(stakeholder__municipality=municipality)
        .select_related("stakeholder")
        .order_by("pk")
        if _same_name(c.name, terms) or _same_email(c.email, terms) or _same_phone(c.phone, terms)
    ]
    found.staff = [
        s
        for s in StaffMember.objects.filter(municipality=municipality)
        .select_related("directorate", "role_category")
        .order_by("pk")
        if _same_name(s.name, terms)
    ]
    found.trainers = [
        t
        for t in Trainer.objects.filter(municipality=municipality, staff__isnull=True).order_by(
            "pk"
        )
        if _same_name(t.name, terms)
    ]
    users = (
        get_user_model()
        .objects.filter(
            Q(memberships__municipality=municipality)
            | Q(pk__in=Invitation.objects.filter(municipality=municipality).values("accepted_by"))
        )
        .distinct()
    )
    found.users = [
        u
        for u in users.order_by("pk")
        if _same_name(u.get_full_name(), terms)
        or _same_email(u.email, terms)
        or (terms.name and tr_casefold(terms.name) == tr_casefold(u.get_username()))
    ]
    # An invitation to any address the person is known by (a search by name finds their
    # account, whose address the invitation went to).
    emails = {e.lower() for e in [terms.email, *(u.email for u in found.users)] if e}
    emails |= {c.email.lower() for c in found.contacts if c.email}
    found.invitations = [
        i
        for i in Invitation.objects.filter(municipality=municipality).order_by("pk")
        if i.email.strip().lower() in emails
    ]
    found.consents = list(
        Consent.objects.filter(municipality=municipality)
        .filter(
            Q(contact__in=[c.pk for c in found.contacts])
            | Q(trainer__in=[t.pk for t in found.trainers])
            | Q(trainer__staff__in=[s.pk for s in found.staff])
        )
        .order_by("pk")
    )
    identities = [terms]
    identities += [Terms.of(c.name, c.email, c.phone) for c in found.contacts]
    identities += [Terms.of(s.name) for s in found.staff]
    identities += [Terms.of(t.name) for t in found.trainers]
    identities += [Terms.of(u.get_full_name(), u.email) for u in found.users]
    identities += [Terms.of(u.get_username()) for u in found.users]
    identities += [Terms.of(email=i.email) for i in found.invitations]
    regexes, seen = [], set()
    for one in identities:
        for pattern in patterns(one):
            if pattern.pattern not in seen:
                seen.add(pattern.pattern)
                regexes.append(pattern)
    found.regexes = regexes
    for model, fields, _path in TEXT_FIELDS:
        for obj in model.objects.filter(municipality=municipality).order_by("pk"):
            hits = [name for name in fields if mentions(getattr(obj, name), regexes)]
            if hits:
                found.mentions.append((obj, hits))
    for consent in Consent.objects.filter(municipality=municipality).order_by("pk"):
        if mentions(consent.purpose, regexes) and consent not in found.consents:
            found.consents.append(consent)
    user_ids = [u.pk for u in found.users]
    entries = AuditEntry.objects.filter(
        Q(municipality=municipality) | Q(municipality__isnull=True, actor__in=user_ids)
    ).order_by("pk")
    found.audit = [e for e in entries if _entry_mentions(e, regexes, user_ids)]
    found.requests = [
        r
        for r in DataRequest.objects.filter(municipality=municipality).order_by("pk")
        if mentions(r.requester, regexes) or mentions(r.outcome, regexes)
    ]
    return found


def _entry_mentions(entry: AuditEntry, regexes, user_ids) -> bool:
    import json

    return (
        mentions(entry.object_repr, regexes)
        or mentions(entry.actor_repr, regexes)
        or mentions(json.dumps(entry.changes, ensure_ascii=False, default=str), regexes)
        or entry.actor_id in user_ids
        or (entry.object_type == "auth.user" and entry.object_id in {str(i) for i in user_ids})
    )
