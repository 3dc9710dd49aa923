"""Bilingual user content: one JSON value per text, {"tr": "...", "en": "..."}.

Turkish is the language of record and always present; English is optional and falls back to
Turkish when missing, so a page never shows an empty label.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_ORDER = ("tr", "en")


def in_language(label, language: str, **params) -> str:
    """A translatable ``label`` in ``language`` whatever the active one, with ``params``
    filled in: spreadsheet headings are matched in both languages."""
    with translation.override(language):
        text = str(label)
    return text % params if params else text


def localized(value: Any, language: str | None = None) -> str:
    """The text of ``value`` in ``language`` (default: the active one), else the first found."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    language = (language or get_language() or "tr")[:2]
    if value.get(language):
        return value[language]
    for code in LANGUAGE_ORDER:
        if value.get(code):
            return value[code]
    return next((text for text in value.values() if text), "")


class BilingualWidget(forms.MultiWidget):
    template_name = "core/widgets/bilingual.html"

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(attrs=attrs), forms.TextInput(attrs=attrs)], attrs)

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("tr", ""), value.get("en", "")]
        return [value or "", ""]


class BilingualField(forms.MultiValueField):
    """A Turkish text (required) and its English version (optional), stored as one dict."""

    widget = BilingualWidget

    def __init__(self, *, max_length: int = 300, **kwargs):
        fields = (
            forms.CharField(max_length=max_length, label=_("Turkish")),
            forms.CharField(max_length=max_length, required=False, label=_("English")),
        )
        kwargs.setdefault(
            "error_messages", {"incomplete": _("Enter the Turkish text; English is optional.")}
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return {}
        turkish, english = (list(data_list) + ["", ""])[:2]
        result = {"tr": (turkish or "").strip()}
        if (english or "").strip():
            result["en"] = english.strip()
        return result
