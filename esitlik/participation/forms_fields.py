"""Form fields shared by the participation pages. They read what people type in a Turkish
office: "15.03.2026" as well as the browser's "2026-03-15", "1.234" people, "14.30"."""

from __future__ import annotations

import re

from django import forms
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from esitlik.core.text import tr_casefold
from esitlik.plans.models import Action

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%d-%m-%Y"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H"]
_THOUSANDS = re.compile(r"\d{1,3}([.,\s]\d{3})+")


class DateField(forms.DateField):
    """A day, from the browser's date picker or typed as "15.03.2026"."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = DATE_FORMATS


class TimeField(forms.TimeField):
    """A time of day, "14:30" or "14.30"."""

    widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    input_formats = TIME_FORMATS


class CountField(forms.IntegerField):
    """A head count: whole, 0 or more, typed as "1.234" or "1 234" too."""

    # A number input would refuse "1.234" in the browser before the server could read it.
    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u00a0", " ")
            if _THOUSANDS.fullmatch(value):
                value = re.sub(r"[.,\s]", "", value)
        return super().to_python(value)


def target_group_labels() -> dict[str, str]:
    return dict(Action.TargetGroup.choices)


def _group_names() -> dict[str, set[str]]:
    """Every way a group may be written: its code and its label in each language, folded the
    Turkish way."""
    names: dict[str, set[str]] = {code: {tr_casefold(code)} for code in Action.TargetGroup.values}
    for language in ("tr", "en"):
        with translation.override(language):
            for code, label in Action.TargetGroup.choices:
                names[code].add(tr_casefold(str(label)))
    return names


def parse_target_groups(text: str) -> tuple[list[str], list[str]]:
    """Codes of the groups named in ``text`` (separated by commas or semicolons) and the
    words that name none. A word matches a group's code or label in Turkish or English, or
    the beginning of exactly one of them: "kadın" is "Kadınlar", "engelli" "Engelliler"."""
    names = _group_names()
    codes: list[str] = []
    unknown: list[str] = []
    for word in re.split(r"[,;\n]", text or ""):
        key = tr_casefold(word)
        if not key:
            continue
        exact = [code for code, forms_ in names.items() if key in forms_]
        found = exact or [
            code for code, forms_ in names.items() if any(f.startswith(key) for f in forms_)
        ]
        if len(found) == 1:
            if found[0] not in codes:
                codes.append(found[0])
        else:
            unknown.append(" ".join(word.split()))
    return codes, unknown


class TargetGroupsField(forms.CharField):
    """Target groups typed as a list, "kadın, çocuk", for keyboard-only entry: ten
    checkboxes per row would make a table of eighty inputs unworkable."""

    default_help_text = gettext_lazy("Separate with commas, e.g. “women, children”.")

    def __init__(self, *, list_groups: bool = True, **kwargs):
        """``list_groups``: name the groups in the error message; the capture table lists
        them once above the rows instead."""
        self.list_groups = list_groups
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            labels = target_group_labels()
            return ", ".join(str(labels.get(code, code)) for code in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        codes, unknown = parse_target_groups(super().to_python(value))
        if unknown and not self.list_groups:
            raise forms.ValidationError(
                _("Not a target group: %(words)s.")
                % {"words": ", ".join(f"“{word}”" for word in unknown)}
            )
        if unknown:
            raise forms.ValidationError(
                _("Not a target group: %(words)s. Use: %(groups)s.")
                % {
                    "words": ", ".join(f"“{word}”" for word in unknown),
                    "groups": ", ".join(str(label) for label in target_group_labels().values()),
                }
            )
        return codes
