"""The registers as spreadsheets: every stakeholder, every input and what became of it.

Contact people are personal data and leave the system only when an equality unit admin asks
for them (``with_contacts``); the view records that in the audit log.
"""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.text import tr_sorted
from esitlik.core.xlsx import add_table, new_book, to_bytes
from esitlik.participation.models import ContactPerson, Input, Stakeholder
from esitlik.plans.models import Action

DATE = "DD.MM.YYYY"


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def _item(item) -> str:
    return f"{item.code} {localized(item.title)}" if item else ""


def stakeholder_register(municipality: Municipality, *, with_contacts: bool = False) -> bytes:
    book = new_book()
    stakeholders = tr_sorted(
        Stakeholder.objects.filter(municipality=municipality)
        .select_related("neighbourhood")
        .annotate(
            attended_count=Count("events_attended", distinct=True),
            input_count=Count("inputs", distinct=True),
        ),
        key=lambda s: s.name,
    )
    add_table(
        book,
        _("Stakeholders"),
        [
            _("Name"),
            _("Type"),
            _("Neighbourhood"),
            _("Tags"),
            _("Notes"),
            _("Active"),
            _("Events attended"),
            _("Inputs"),
        ],
        [
            [
                s.name,
                _label(Stakeholder.Kind, s.kind),
                str(s.neighbourhood or ""),
                ", ".join(s.tags),
                s.notes,
                _("yes") if s.is_active else _("no"),
                s.attended_count,
                s.input_count,
            ]
            for s in stakeholders
        ],
        widths=[40, 24, 20, 30, 40, 8, 12, 10],
    )
    if with_contacts:
        contacts = ContactPerson.objects.filter(
            stakeholder__municipality=municipality
        ).select_related("stakeholder")
        add_table(
            book,
            _("Contact people"),
            [
                _("Stakeholder"),
                _("Name"),
                _("Position"),
                _("E-mail"),
                _("Phone"),
                _("Consent given on"),
                _("Purpose of the consent"),
            ],
            [
                [
                    c.stakeholder.name,
                    c.name,
                    c.position,
                    c.email,
                    c.phone,
                    c.consent_date,
                    c.consent_purpose,
                ]
                for c in tr_sorted(contacts, key=lambda c: f"{c.stakeholder.name} {c.name}")
            ],
            widths=[36, 24, 20, 28, 16, 14, 40],
            formats={6: DATE},
        )
    return to_bytes(book)


def _actions(actions: list[Action]) -> str:
    return "; ".join(f"{a.code} {localized(a.title)}" for a in actions)


def input_register(municipality: Municipality, inputs=None) -> bytes:
    """Every input (or those given) with its source and decision: "you said, we did"."""
    if inputs is None:
        inputs = Input.objects.filter(municipality=municipality)
    inputs = inputs.select_related(
        "heading", "article", "neighbourhood", "event", "stakeholder"
    ).prefetch_related("actions")
    book = new_book()
    add_table(
        book,
        _("Inputs"),
        [
            _("Reference"),
            _("Received on"),
            _("Kind"),
            _("Text"),
            _("Target groups"),
            _("YEEP heading"),
            _("Charter article"),
            _("Neighbourhood"),
            _("Event"),
            _("Stakeholder"),
            _("How it came"),
            _("Decision"),
            _("Reason for the decision"),
            _("Actions it led to"),
        ],
        [
            [
                item.reference,
                item.received_on,
                _label(Input.Kind, item.kind),
                item.text,
                ", ".join(_label(Action.TargetGroup, g) for g in item.target_groups),
                _item(item.heading),
                _item(item.article),
                str(item.neighbourhood or ""),
                item.event.title if item.event else "",
                item.stakeholder.name if item.stakeholder else "",
                _label(Input.Channel, item.channel),
                _label(Input.Status, item.status),
                item.decision_reason,
                _actions(list(item.actions.all())),
            ]
            for item in inputs.order_by("received_on", "reference")
        ],
        widths=[14, 12, 10, 60, 24, 30, 30, 18, 30, 28, 18, 22, 40, 40],
        formats={2: DATE},
    )
    return to_bytes(book)
