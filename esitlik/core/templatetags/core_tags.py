from django import template
from django.utils.formats import number_format

from esitlik.core.audit import ACTION_LABELS
from esitlik.core.i18n_text import localized

register = template.Library()


@register.filter
def tr_number(value):
    """412000 → "412.000" in Turkish, "412,000" in English."""
    return number_format(value, force_grouping=True)


@register.filter
def audit_label(code):
    return ACTION_LABELS.get(code, code)


@register.filter
def change_text(change):
    """{"old": a, "new": b} → "a → b", bilingual values shown in the active language."""
    if not isinstance(change, dict) or not {"old", "new"} <= change.keys():
        return str(change)

    def show(value):
        if value in (None, ""):
            return "—"
        if isinstance(value, dict):
            return localized(value)
        return str(value)

    return f"{show(change['old'])} → {show(change['new'])}"
