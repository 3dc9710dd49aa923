from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

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


@register.filter
def percent(value, digits=0):
    """0.4286 → "%43" in Turkish (the sign comes first), "43%" in English."""
    if value is None:
        return ""
    # number_format cuts digits off; round first so 66.67 shows as 67, not 66.
    number = number_format(round(value * 100, int(digits)), decimal_pos=int(digits))
    return f"%{number}" if (get_language() or "tr").startswith("tr") else f"{number}%"


@register.filter
def percent_points(value):
    """A whole percentage (0–100) written the language's way: "%40" or "40%"."""
    if value is None:
        return ""
    return f"%{value}" if (get_language() or "tr").startswith("tr") else f"{value}%"


@register.filter
def num(value):
    """A measured value as a person would write it: 12.50 → "12,5" in Turkish, "12.5" in
    English; 1250 → "1.250". Empty for no value."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    places = max(-value.normalize().as_tuple().exponent, 0)
    return number_format(value, decimal_pos=min(places, 2), force_grouping=True)


@register.filter
def rounded_points(value):
    """A weighted progress (a float 0–100) as a whole percentage, or "—" when there is none."""
    if value is None:
        return "—"
    return percent_points(round(value))
