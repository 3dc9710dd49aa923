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


@register.simple_tag
def focus_first_error(form):
    """Give the first invalid visible field autofocus; renders nothing.

    Done at render time so every form, Django's own sign-in and password forms included,
    behaves the same without a mixin.
    """
    for field in form.visible_fields():
        if field.errors:
            field.field.widget.attrs["autofocus"] = True
            break
    return ""


@register.filter
def localize_text(value):
    """A bilingual {"tr": …, "en": …} value in the active language (Turkish as fallback)."""
    return localized(value)
