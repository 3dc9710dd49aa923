"""The privacy guard: columns that hold direct identifiers are refused before anything is
stored, unless the person importing drops them.

Equality figures never need to know who someone is. A column is taken for identifiers when
its heading says so (``TC Kimlik No``, ``Adı Soyadı``, ``Telefon``, ``E-posta``…) and it
holds anything, or when at least half of a sample of its distinct values are:

- Turkish ID numbers: 11 digits, the first not 0, whose last two digits are the checksum
  (d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10, d11 = (d1+…+d10) mod 10);
- Turkish phone numbers: a mobile (5xx xxx xx xx, with or without 0 or +90) or a landline
  with its leading 0 or +90 (0232 123 45 67);
- e-mail addresses;
- people's names: two to four words, the first a common first name ("Ayşe Yılmaz",
  "MEHMET ALİ KAYA").

Values that the column's field reads as a known service, neighbourhood or directorate are
not counted as names: "Mehmet Akif Ersoy" is a neighbourhood too. Whatever is shown back to
the user (a problem's value, the problems workbook) passes through :func:`masked`, so an
identifier typed into an ordinary column is not repeated either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from esitlik.core.tabular import cell_text, is_blank, match_key

SAMPLE_VALUES = 2000
SHARE = 0.5

_ID_HEADINGS = {
    "tc",
    "tc no",
    "tc kimlik",
    "tc kimlik no",
    "tc kimlik numarasi",
    "t c kimlik no",
    "tckn",
    "tckno",
    "kimlik no",
    "kimlik numarasi",
    "yabanci kimlik no",
    "national id",
    "id number",
    "identity number",
}
_NAME_HEADINGS = {
    "ad",
    "adi",
    "soyad",
    "soyadi",
    "ad soyad",
    "adi soyadi",
    "ad ve soyad",
    "ad soyadi",
    "isim",
    "ismi",
    "isim soyisim",
    "soyisim",
    "yararlanan adi",
    "yararlanan adi soyadi",
    "basvuran",
    "basvuran adi soyadi",
    "katilimci",
    "anne adi",
    "baba adi",
    "name",
    "full name",
    "first name",
    "last name",
    "surname",
    "given name",
    "family name",
}
_PHONE_HEADINGS = {
    "telefon",
    "telefon no",
    "telefon numarasi",
    "tel",
    "tel no",
    "cep",
    "cep tel",
    "cep telefonu",
    "gsm",
    "iletisim",
    "phone",
    "phone number",
    "mobile",
    "telephone",
}
_EMAIL_HEADINGS = {"e posta", "eposta", "e posta adresi", "e mail", "email", "mail", "mail adresi"}

# Common first names (folded by match_key), enough to tell a list of people from a list of
# services or places: the most frequent Turkish names, and names frequent among refugees.
FIRST_NAMES = set(
    """
    ayse fatma emine hatice zeynep elif meryem sultan hanife zehra esra merve ozlem yasemin
    hacer leyla gulsum ebru derya songul fadime nur havva aysel hulya sevgi serpil filiz kubra
    busra tugba sibel gamze cansu gizem ozge sevda pinar melek dilek seda esma rabia aynur
    gulay nurten hulya sena irem buse ecem ceren damla selin sude yagmur nazli asli hande
    berna canan cigdem didem eda funda gul gulten hatice huriye kadriye kevser melahat
    mine muazzez naciye nermin nesrin nilufer nurcan perihan remziye rukiye saadet safiye
    sakine semra sevim sukran sengul serife tulay umran yeter zeliha zuhal nihal neslihan
    mehmet mustafa ahmet ali huseyin hasan ibrahim ismail osman yusuf murat omer ramazan
    halil suleyman abdullah mahmut recep fatih kadir emre hakan kemal salih orhan yasar
    adem burak serkan ugur bayram erkan dursun onur volkan musa yakup tuncay gokhan cengiz
    selim serdar erdal sinan levent tolga umut baris cem deniz can kaan arda efe emir eren
    berk kerem yigit enes furkan batuhan oguz ozan taner tarik tayfun turgut yavuz yilmaz
    zafer sefa seyit sami nihat necati metin mesut kenan ilhan ilker irfan halit hamza
    gurkan erol engin ercan ersin emrah bulent bilal aydin atilla aziz abdulkadir abdurrahman
    muhammed muhammet mohammed mohamed mohammad ahmad ahmed khaled khalid omar abdul fatima
    aisha amina mariam maryam noor nour layla hussein hassan yousef youssef ibrahim ali
    john mary james david michael sarah maria anna elena olga natalia
    """.split()
)
_TC = re.compile(r"^[1-9]\d{10}$")
_MOBILE = re.compile(r"^(?:\+?90|0)?5\d{9}$")
_LANDLINE = re.compile(r"^(?:\+?90|0)[2-4]\d{9}$")
_PHONE_MARKS = re.compile(r"[\s().\-/]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
_NAME_WORD = re.compile(r"^[^\W\d_]+\.?$")


def tc_number_valid(text: str) -> bool:
    """Whether ``text`` is a Turkish ID number: 11 digits, the first not 0, and the two check
    digits right."""
    if not _TC.match(text):
        return False
    d = [int(c) for c in text]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d[9] == tenth and d[10] == sum(d[:10]) % 10


def _as_text(raw) -> str:
    return cell_text(raw)


def identifier_kind(raw) -> str | None:
    """What the value is, if it is a direct identifier other than a name: "tc", "phone",
    "email"."""
    text = _as_text(raw).strip()
    if not text or len(text) > 200:
        return None
    if "@" in text:
        return "email" if _EMAIL.match(text) else None
    digits = _PHONE_MARKS.sub("", text)
    if tc_number_valid(digits) and (digits == text or len(text) <= 14):
        return "tc"
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return "phone"
    return None


def looks_like_name(raw) -> bool:
    if not isinstance(raw, str):
        return False
    words = raw.split()
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.match(word) for word in words)
        and match_key(words[0]) in FIRST_NAMES
    )


def _is_words(raw) -> bool:
    text = _as_text(raw)
    return isinstance(raw, str) and any(char.isalpha() for char in text)


def masked(raw) -> str:
    """A value as it may be shown: identifiers replaced by a note of what they were."""
    kind = identifier_kind(raw)
    if kind is None:
        return _as_text(raw)
    return "••• " + str(WHAT[kind]())


WHAT = {
    "tc": lambda: _("(a Turkish ID number, not shown)"),
    "phone": lambda: _("(a phone number, not shown)"),
    "email": lambda: _("(an e-mail address, not shown)"),
    "name": lambda: _("(a person's name, not shown)"),
}


def describe(kind: str) -> str:
    return {
        "tc": _("Turkish ID numbers"),
        "phone": _("phone numbers"),
        "email": _("e-mail addresses"),
        "name": _("people's names"),
    }[kind]


@dataclass(frozen=True)
class Finding:
    name: str  # the column's name (see reading.column_names)
    header: str
    letter: str
    kind: str  # "tc", "phone", "email", "name"

    @property
    def reason(self) -> str:
        return describe(self.kind)

    def message(self) -> str:
        return _(
            "The column “%(column)s” (%(letter)s) seems to hold %(what)s. Personal "
            "identifiers are never stored: drop the column and import again."
        ) % {"column": self.name, "letter": self.letter, "what": self.reason}


def heading_kind(header: str) -> str | None:
    key = match_key(header)
    for kind, headings in (
        ("tc", _ID_HEADINGS),
        ("name", _NAME_HEADINGS),
        ("phone", _PHONE_HEADINGS),
        ("email", _EMAIL_HEADINGS),
    ):
        if key in headings:
            return kind
    return None


def scan_column(
    header: str, values, *, known=lambda raw: False, heading: bool = True
) -> str | None:
    """What identifiers the column seems to hold, from its heading (unless ``heading`` is
    false: the heading is a field's alias, e.g. "Name" of a decision-making body) and a
    sample of its distinct values. ``known`` says whether a value is a known catalogue
    entry (never a person's name)."""
    sample = []
    for raw in values:
        if not is_blank(raw):
            sample.append(raw)
            if len(sample) >= SAMPLE_VALUES:
                break
    if not sample:
        return None
    if heading and (kind := heading_kind(header)):
        # A heading alone could mislead ("Ad" over a column of counts): names must be text.
        if kind != "name" or sum(map(_is_words, sample)) >= SHARE * len(sample):
            return kind
    counts = {"tc": 0, "phone": 0, "email": 0, "name": 0}
    for raw in sample:
        kind = identifier_kind(raw)
        if kind is None and not known(raw) and looks_like_name(raw):
            kind = "name"
        if kind:
            counts[kind] += 1
    kind, count = max(counts.items(), key=lambda item: item[1])
    return kind if count and count >= SHARE * len(sample) else None
