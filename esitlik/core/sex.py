"""Sex as recorded of one person, and reading it the many ways Turkish spreadsheets write it.

Counts by sex elsewhere are four numbers (women, men, other, not stated); a person carries one
of these values. "Not stated" is a value of its own, never a missing one, so a figure can say
how many people it could not place."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.text import tr_casefold


class Sex(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", pgettext_lazy("sex", "Other")
    NOT_STATED = "not_stated", _("Not stated")


# Written forms, folded with tr_casefold, as directorates type them.
_WRITTEN = {
    Sex.WOMAN: ("kadın", "kadin", "k", "kız", "female", "f", "woman", "women", "bayan"),
    Sex.MAN: ("erkek", "e", "male", "m", "man", "men", "bay"),
    Sex.OTHER: ("diğer", "diger", "other", "o"),
    Sex.NOT_STATED: (
        "belirtilmemiş",
        "belirtilmemis",
        "belirtmek istemiyor",
        "bilinmiyor",
        "not stated",
        "unknown",
        "-",
    ),
}
_BY_TEXT = {text: sex for sex, texts in _WRITTEN.items() for text in texts}
# The plural count fields used beside it (participation events, training sessions).
COUNT_FIELD = {Sex.WOMAN: "women", Sex.MAN: "men", Sex.OTHER: "other", Sex.NOT_STATED: "not_stated"}


def sex_from_text(text) -> Sex | None:
    """ "Kadın", "KADIN", "K", "Female", "f" → Sex.WOMAN; a blank cell → Sex.NOT_STATED;
    anything else → None, for the caller to report."""
    folded = tr_casefold(str(text or "")).rstrip(".")
    if not folded:
        return Sex.NOT_STATED
    if folded in _BY_TEXT:
        return _BY_TEXT[folded]
    return next((sex for sex in Sex if tr_casefold(str(sex.label)) == folded), None)
