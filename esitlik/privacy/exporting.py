"""One person's data as the unit hands it over (KVKK art. 11): JSON and XLSX, the same
content, one section per place the person was found."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook

from esitlik.core.i18n_text import localized
from esitlik.core.xlsx import add_table, put
from esitlik.privacy.people import PLACES, Findings

FORMAT = "esitlik/privacy-export"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return localized(value) if set(value) <= {"tr", "en"} and value else value
    if value is None or isinstance(value, str | int | float | bool | list):
        return value
    return str(value)


def _row(**values) -> dict[str, Any]:
    return {key: _plain(value) for key, value in values.items()}


def sections(found: Findings) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    out["contacts"] = [
        _row(
            id=c.pk,
            stakeholder=c.stakeholder.name,
            name=c.name,
            position=c.position,
            email=c.email,
            phone=c.phone,
            consent_date=c.consent_date,
            consent_purpose=c.consent_purpose,
            recorded_at=c.recorded_at,
        )
        for c in found.contacts
    ]
    out["staff"] = [
        _row(
            id=s.pk,
            name=s.name,
            staff_number=s.staff_number,
            directorate=s.directorate,
            role_category=s.role_category,
            sex=s.get_sex_display(),
            still_works_here=s.is_active,
            trainings_attended=[
                f"{a.session.starts_on.isoformat()} {a.session}"
                for a in s.attendances.select_related("session__programme").order_by(
                    "session__starts_on"
                )
            ],
            trainer_in_pool=hasattr(s, "trainer"),
        )
        for s in found.staff
    ]
    out["trainers"] = [
        _row(
            id=t.pk,
            name=t.name,
            organisation=t.organisation,
            sex=t.get_sex_display(),
            topics=t.topics,
            status=t.get_status_display(),
            training_for=t.training_for,
            notes=t.notes,
            certifications=[
                f"{c.title} ({c.issuer}, {c.issued_on.isoformat()})" for c in t.certifications.all()
            ],
            sessions_given=[f"{s.starts_on.isoformat()} {s}" for s in t.sessions.all()]
            if hasattr(t, "sessions")
            else [],
        )
        for t in found.trainers
    ]
    out["accounts"] = [
        _row(
            id=u.pk,
            username=u.get_username(),
            first_name=u.first_name,
            last_name=u.last_name,
            email=u.email,
            date_joined=u.date_joined,
            last_login=u.last_login,
            memberships=[
                f"{m.municipality}: {m.get_role_display()}"
                for m in u.memberships.select_related("municipality")
                if m.municipality_id == found.municipality.pk
            ],
            api_tokens=[
                f"{t.name} ({t.prefix}…) {t.created_at.isoformat()}"
                + (f", last used {t.last_used_at.isoformat()}" if t.last_used_at else "")
                for m in u.memberships.filter(municipality=found.municipality)
                for t in m.api_tokens.all()
            ],
        )
        for u in found.users
    ]
    out["invitations"] = [
        _row(
            id=i.pk,
            email=i.email,
            role=i.get_role_display(),
            created_at=i.created_at,
            accepted_at=i.accepted_at,
        )
        for i in found.invitations
    ]
    out["consents"] = [
        _row(
            id=c.pk,
            whose=c.get_subject_display(),
            purpose=c.purpose,
            text_version=c.text_version,
            given_on=c.given_on,
            method=c.get_method_display(),
            withdrawn_on=c.withdrawn_on,
        )
        for c in found.consents
    ]
    out["mentions"] = [
        _row(
            record=str(obj._meta.verbose_name),
            id=obj.pk,
            field=name,
            text=getattr(obj, name),
        )
        for obj, names in found.mentions
        for name in names
    ]
    out["audit"] = [
        _row(
            id=e.pk,
            time=e.created_at,
            action=e.action,
            object=e.object_repr,
            actor=e.actor_repr,
            changes=json.dumps(e.changes, ensure_ascii=False, default=str),
            ip_address=e.ip_address,
        )
        for e in found.audit
    ]
    out["requests"] = [
        _row(
            id=r.pk,
            request=r.get_kind_display(),
            requester=r.requester,
            received_on=r.received_on,
            status=r.get_status_display(),
            answered_on=r.answered_on,
        )
        for r in found.requests
    ]
    return out


def as_json(found: Findings) -> bytes:
    document = {
        "format": FORMAT,
        "municipality": found.municipality.name,
        "made_at": timezone.now().isoformat(),
        "places": {key: str(label) for key, label in PLACES.items()},
        "data": sections(found),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def as_xlsx(found: Findings) -> bytes:
    book = Workbook()
    about = book.active
    about.title = "esitlik"
    put(about, 1, 1, FORMAT)
    put(about, 2, 1, found.municipality.name)
    put(about, 3, 1, timezone.now().isoformat())
    for key, rows in sections(found).items():
        headers = list(rows[0]) if rows else ["—"]
        table = [
            ["; ".join(map(str, row[h])) if isinstance(row[h], list) else row[h] for h in headers]
            for row in rows
        ]
        add_table(book, str(PLACES[key]), headers, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
