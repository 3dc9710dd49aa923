"""Which dated legal duties apply to a municipality, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from esitlik.core.models import Municipality
from esitlik.frameworks.models import LegalRule


@dataclass(frozen=True)
class Evaluation:
    rule: LegalRule
    applies: bool | None  # None: the population is not recorded, so it cannot be told
    reason: str


def rules_in_force(on: date) -> list[LegalRule]:
    return list(
        LegalRule.objects.filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("valid_from", "code")
    )


def evaluate(municipality: Municipality, on: date) -> list[Evaluation]:
    results = []
    for rule in rules_in_force(on):
        if municipality.kind in rule.kinds_always:
            results.append(
                Evaluation(
                    rule,
                    True,
                    _("Applies to every municipality of this kind (%(kind)s).")
                    % {"kind": municipality.get_kind_display()},
                )
            )
        elif rule.population_over is None:
            results.append(
                Evaluation(rule, False, _("Does not apply to this kind of municipality."))
            )
        elif municipality.population is None:
            results.append(
                Evaluation(
                    rule,
                    None,
                    _(
                        "Record the population in the municipality settings to see whether "
                        "this applies."
                    ),
                )
            )
        else:
            limit = number_format(rule.population_over, force_grouping=True)
            population = number_format(municipality.population, force_grouping=True)
            if municipality.population > rule.population_over:
                reason = _("Applies: population %(population)s is over %(limit)s.")
            else:
                reason = _("Does not apply: population %(population)s is not over %(limit)s.")
            results.append(
                Evaluation(
                    rule,
                    municipality.population > rule.population_over,
                    reason % {"population": population, "limit": limit},
                )
            )
    return results
