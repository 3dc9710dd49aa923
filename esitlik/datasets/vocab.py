"""The closed lists a dataset's cells are read into, and the ways directorates write them.

Each list is a ``TextChoices`` (what is stored, in Parquet and in the database) with a table of
written forms. Written forms are compared by :func:`esitlik.core.tabular.match_key` (Turkish
case folding, accents dropped), so "KADIN", "kadın" and "Kadin" are one form. The Turkish and
English labels of each choice are accepted too, without being listed.

Sex lives in :mod:`esitlik.core.sex`, shared with participation and training.
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.i18n_text import in_language
from esitlik.core.sex import Sex, sex_from_text
from esitlik.core.tabular import match_key


class Outcome(models.TextChoices):
    APPLIED = "applied", _("Applied")
    RECEIVED = "received", _("Received the service")
    REJECTED = "rejected", _("Rejected")


class Disability(models.TextChoices):
    YES = "yes", _("Disabled")
    NO = "no", _("Not disabled")
    NOT_STATED = "not_stated", _("Not stated")


class Migration(models.TextChoices):
    CITIZEN = "citizen", _("Turkish citizen")
    FOREIGN = "foreign", _("Foreign national")
    REFUGEE = "refugee", _("Refugee or under protection")
    NOT_STATED = "not_stated", _("Not stated")


class EqualityTag(models.TextChoices):
    TARGETED = "targeted", _("Targeted")
    MAINSTREAMED = "mainstreamed", _("Mainstreamed")
    NEUTRAL = "neutral", pgettext_lazy("budget", "Neutral")


class DecisionBody(models.TextChoices):
    COUNCIL = "council", _("Municipal council")
    EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee")
    COMMISSION = "commission", _("Council commission")
    MAYOR = "mayor", _("Mayor and deputy mayors")
    DIRECTORS = "directors", _("Directors")
    MUHTARS = "muhtars", _("Neighbourhood headmen")


WRITTEN: dict[type[models.TextChoices], dict[str, tuple[str, ...]]] = {
    Outcome: {
        Outcome.APPLIED: ("başvuru", "başvurdu", "basvuru", "application", "applied", "bekliyor"),
        Outcome.RECEIVED: (
            "yararlandı",
            "yararlanan",
            "hizmet aldı",
            "verildi",
            "kabul",
            "onaylandı",
            "received",
            "served",
            "accepted",
            "approved",
        ),
        Outcome.REJECTED: ("ret", "red", "reddedildi", "olumsuz", "rejected", "refused", "denied"),
    },
    Disability: {
        Disability.YES: ("evet", "var", "engelli", "e", "yes", "y", "1", "true", "disabled"),
        Disability.NO: ("hayır", "hayir", "yok", "engelsiz", "h", "no", "n", "0", "false"),
        Disability.NOT_STATED: ("belirtilmemiş", "bilinmiyor", "unknown", "-", "not stated"),
    },
    Migration: {
        Migration.CITIZEN: ("tc", "t.c.", "tc vatandaşı", "türk", "türkiye", "vatandaş", "citizen"),
        Migration.FOREIGN: ("yabancı", "yabanci", "foreign", "foreigner", "ikamet izinli"),
        Migration.REFUGEE: (
            "mülteci",
            "multeci",
            "geçici koruma",
            "gecici koruma",
            "sığınmacı",
            "uluslararası koruma",
            "refugee",
            "asylum seeker",
            "temporary protection",
        ),
        Migration.NOT_STATED: ("belirtilmemiş", "bilinmiyor", "unknown", "-", "not stated"),
    },
    EqualityTag: {
        EqualityTag.TARGETED: ("hedefli", "doğrudan", "kadına yönelik", "targeted", "t"),
        EqualityTag.MAINSTREAMED: ("ana akım", "anaakım", "duyarlı", "mainstreamed", "m"),
        EqualityTag.NEUTRAL: ("nötr", "notr", "tarafsız", "ilgisiz", "neutral", "n"),
    },
    DecisionBody: {
        DecisionBody.COUNCIL: ("meclis", "belediye meclisi", "council", "meclis üyesi"),
        DecisionBody.EXECUTIVE_COMMITTEE: ("encümen", "belediye encümeni", "executive committee"),
        DecisionBody.COMMISSION: ("komisyon", "ihtisas komisyonu", "commission", "committee"),
        DecisionBody.MAYOR: (
            "başkan",
            "belediye başkanı",
            "başkan yardımcısı",
            "başkan yardımcıları",
            "mayor",
            "deputy mayor",
        ),
        DecisionBody.DIRECTORS: ("müdür", "müdürler", "daire başkanı", "director", "directors"),
        DecisionBody.MUHTARS: ("muhtar", "muhtarlar", "mahalle muhtarı", "headman", "muhtars"),
    },
}


def choice_from_text(choices: type[models.TextChoices], text) -> str | None:
    """The stored value ``text`` means in ``choices``; None when it is none of them. A blank
    cell means "not stated" where the list has that value, else None."""
    if choices is Sex:
        found = sex_from_text(text)
        return found.value if found else None
    key = match_key(text or "")
    if not key:
        return "not_stated" if "not_stated" in choices.values else None
    for value, written in WRITTEN.get(choices, {}).items():
        if key in {match_key(w) for w in written}:
            return str(value)
    for choice in choices:
        labels = {choice.value, in_language(choice.label, "tr"), in_language(choice.label, "en")}
        if key in {match_key(label) for label in labels}:
            return choice.value
    return None


# Age bands ---------------------------------------------------------------------------------

# Five-year bands as TÜİK publishes them, the last open: 0-4, 5-9, … 80-84, 85+.
AGE_BANDS = [f"{low}-{low + 4}" for low in range(0, 85, 5)] + ["85+"]
OLDEST = 120
_RANGE = re.compile(r"^(\d{1,3})\s*[-–—/]\s*(\d{1,3})(?:\s*(?:yaş|yas|years?))?$")
_OPEN = re.compile(
    r"^(\d{1,3})\s*(?:\+|ve üzeri|ve uzeri|yaş ve üzeri|yas ve uzeri|and over|or more)$"
)


def age_band_of(age: int) -> str:
    return "85+" if age >= 85 else AGE_BANDS[age // 5]


def age_band_from_text(text) -> str | None:
    """ "15-19", "15–19 yaş", "85+", "85 ve üzeri" → the five-year band; a band that is not
    one of TÜİK's five-year bands (e.g. "15-24") → None, for the caller to report."""
    value = " ".join(str(text or "").strip().lower().split())
    if match := _RANGE.match(value):
        band = f"{int(match[1])}-{int(match[2])}"
        return band if band in AGE_BANDS else None
    if match := _OPEN.match(value):
        return "85+" if int(match[1]) == 85 else None
    return None
