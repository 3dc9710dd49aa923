"""Counts of people by sex and by group, as events and training sessions record them.

By sex the four counts make the total. By group they may leave people out (a sign-in sheet
does not always say who someone was) but never add up to more than the total."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

SEX_FIELDS = ("women", "men", "other", "not_stated")


def clean_group_counts(counts, groups: type[models.TextChoices]) -> dict[str, int]:
    """{group: count} with the empty and zero groups left out; groups not in ``groups`` and
    negative or fractional counts refused."""
    result = {}
    for group, count in (counts or {}).items():
        if group not in groups.values:
            raise ValidationError(
                {"group_counts": _("“%(group)s” is not a participant group.") % {"group": group}}
            )
        if count in (None, "", 0):
            continue
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValidationError(
                {
                    "group_counts": _("The count for %(group)s must be a whole number, 0 or more.")
                    % {"group": groups(group).label}
                }
            )
        result[group] = count
    return result


def with_total(values: dict, total: int | None) -> dict:
    """A total typed without a split by sex counts everyone as "not stated": forms forgive a
    sign-in sheet that only says how many came."""
    if total and not any(values.get(name) for name in SEX_FIELDS):
        values = {**values, "not_stated": total}
    return values


def count_errors(record, total: int | None) -> dict[str, str]:
    """What is wrong with ``record``'s counts (its SEX_FIELDS and ``group_counts``) against a
    typed ``total``, as {field: message}."""
    errors = {}
    people = sum(getattr(record, name) for name in SEX_FIELDS)
    if total is not None and total != people:
        errors["not_stated"] = _(
            "The counts by sex add up to %(sum)d but the total is %(total)d; "
            "put the difference under “not stated”."
        ) % {"sum": people, "total": total}
    grouped = sum(record.group_counts.values())
    if grouped > people:
        errors["group_counts"] = _(
            "The groups add up to %(grouped)d people, more than the %(total)d who took part."
        ) % {"grouped": grouped, "total": people}
    return errors
