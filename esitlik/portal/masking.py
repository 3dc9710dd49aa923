"""Masking direct identifiers inside free text before it is shown to the public.

An input's text was typed by staff from what someone said or wrote; it may carry an e-mail
address, a phone number or a Turkish ID number. Each is replaced by a note of what it was,
with the words and the detector of the import privacy guard (``datasets.ingest.privacy``).
Any run of 11 digits is masked as an ID number even when its check digits are wrong: a
mistyped ID number still points at a person."""

from __future__ import annotations

import re

from esitlik.datasets.ingest.privacy import WHAT, identifier_kind

_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"']+@[^@\s<>()\[\],;:\"']+\.[A-Za-z]{2,}")
# A phone number as people write it: +90 532 123 45 67, 0532-123-4567, (0232) 123 45 67.
_PHONE = re.compile(
    r"(?<![\d])(?:\+?90[\s.\-]?)?\(?0?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{2}[\s.\-]?\d{2}(?!\d)"
)
_ELEVEN = re.compile(r"(?<!\d)\d{11}(?!\d)")


def _note(kind: str) -> str:
    return "••• " + str(WHAT[kind]())


def _phone_or_id(match: re.Match) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if identifier_kind(text) == "phone":
        return _note("phone")
    if len(digits) == 11:
        return _note("tc")
    return text


def mask_identifiers(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and 11-digit ID numbers replaced."""
    text = _EMAIL.sub(lambda m: _note("email"), text or "")
    text = _PHONE.sub(_phone_or_id, text)
    return _ELEVEN.sub(lambda m: _note("tc"), text)
