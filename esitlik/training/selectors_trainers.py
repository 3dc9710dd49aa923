"""Reads of the trainer pool, shaped for its pages: each trainer's certifications with how
long they stay valid, the sessions they gave, and the topics the pool covers.

A staff trainer's name is personal data: ``shown_name`` gives it only to roles with
VIEW_STAFF; everyone else reads "Municipal staff trainer"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.text import tr_casefold, tr_sort_key, tr_sorted
from esitlik.training.models import Certification, Trainer, TrainingSession

# A certificate that ends within this many days is flagged, so it can be renewed in time.
EXPIRY_WARNING_DAYS = 90
STAFF_TRAINER = _("Municipal staff trainer")


class CertificationStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expires within 90 days")
    EXPIRED = "expired", _("Expired")
    NO_EXPIRY = "no_expiry", _("No expiry date")


def certification_status(certification: Certification, today: date) -> CertificationStatus:
    expires = certification.expires_on
    if expires is None:
        return CertificationStatus.NO_EXPIRY
    if expires < today:
        return CertificationStatus.EXPIRED
    if expires <= today + timedelta(days=EXPIRY_WARNING_DAYS):
        return CertificationStatus.EXPIRING
    return CertificationStatus.VALID


def shown_name(trainer: Trainer, see_staff: bool) -> str:
    if trainer.kind == Trainer.Kind.INTERNAL and not see_staff:
        return str(STAFF_TRAINER)
    return trainer.display_name


def where_from(trainer: Trainer) -> str:
    """An external trainer's organisation, a staff trainer's directorate."""
    if trainer.kind == Trainer.Kind.INTERNAL:
        directorate = trainer.staff.directorate if trainer.staff_id else None
        return localized(directorate.name) if directorate else ""
    return trainer.organisation


@dataclass(frozen=True)
class CertificationRow:
    certification: Certification
    status: CertificationStatus


@dataclass(frozen=True)
class PoolRow:
    trainer: Trainer
    name: str
    where: str
    certifications: list[CertificationRow]
    sessions_given: int


def certification_rows(trainer: Trainer, today: date) -> list[CertificationRow]:
    return [
        CertificationRow(c, certification_status(c, today)) for c in trainer.certifications.all()
    ]


def pool(
    municipality: Municipality,
    *,
    see_staff: bool,
    today: date,
    topic: str = "",
    certification: str = "",
) -> list[PoolRow]:
    """The pool, filtered: ``topic`` matches one of a trainer's topics Turkish-aware;
    ``certification`` is a CertificationStatus value (a trainer with at least one such
    certificate) or "none" (no certificate at all)."""
    trainers = (
        Trainer.objects.filter(municipality=municipality)
        .select_related("staff__directorate")
        .prefetch_related("certifications")
        .annotate(
            given=Count(
                "sessions",
                filter=Q(sessions__status=TrainingSession.Status.HELD),
                distinct=True,
            )
        )
    )
    topic_key = tr_casefold(topic) if topic else ""
    rows = []
    for trainer in trainers:
        if topic_key and topic_key not in {tr_casefold(t) for t in trainer.topics}:
            continue
        certs = certification_rows(trainer, today)
        if certification == "none" and certs:
            continue
        if certification and certification != "none":
            if not any(row.status == certification for row in certs):
                continue
        rows.append(
            PoolRow(
                trainer=trainer,
                name=shown_name(trainer, see_staff),
                where=where_from(trainer),
                certifications=certs,
                sessions_given=trainer.given,
            )
        )
    # Staff trainers whose names are hidden sort by directorate, never by the hidden name.
    return sorted(
        rows, key=lambda row: (tr_sort_key(row.name), tr_sort_key(row.where), row.trainer.pk)
    )


def by_status(rows: list[PoolRow]) -> list[tuple[str, str, list[PoolRow]]]:
    """(status, label, rows) for each status, in the order trains, in training, no longer."""
    return [
        (status, label, [row for row in rows if row.trainer.status == status])
        for status, label in Trainer.Status.choices
    ]


def topic_choices(municipality: Municipality) -> list[str]:
    """Every topic of the pool once ("TCE" and "tce" are one), Turkish-sorted, each in the
    spelling most trainers have (on a tie, one not in capitals)."""
    spellings: dict[str, dict[str, int]] = {}
    for topics in Trainer.objects.filter(municipality=municipality).values_list(
        "topics", flat=True
    ):
        for topic in topics or []:
            counts = spellings.setdefault(tr_casefold(topic), {})
            counts[topic] = counts.get(topic, 0) + 1
    chosen = [
        min(counts, key=lambda t: (-counts[t], t.isupper(), tr_sort_key(t)))
        for counts in spellings.values()
    ]
    return tr_sorted(chosen)


def sessions_given(trainer: Trainer) -> list[TrainingSession]:
    """Every session the trainer is named on, latest first (planned and cancelled ones too,
    each with its status)."""
    return list(trainer.sessions.select_related("programme").order_by("-starts_on", "-id"))
