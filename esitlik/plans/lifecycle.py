"""Which status an action plan may move to next, and what each move needs.

Kept apart from the services so the rules can be read (and shown in the docs) in one place.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from esitlik.plans.models import ActionPlan

S = ActionPlan.Status


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: object  # a lazy translation: the button text
    needs_decision: bool = False  # council decision number and date
    needs_evaluation: bool = False  # the final evaluation text


TRANSITIONS = [
    Transition(S.DRAFT, S.CONSULTATION, _("Open public consultation")),
    Transition(S.CONSULTATION, S.COMMISSION_REVIEW, _("Send to the commission")),
    Transition(S.CONSULTATION, S.DRAFT, _("Back to draft")),
    Transition(S.COMMISSION_REVIEW, S.DRAFT, _("Return to draft")),
    Transition(S.COMMISSION_REVIEW, S.APPROVED, _("Record council approval"), needs_decision=True),
    Transition(S.APPROVED, S.IN_IMPLEMENTATION, _("Start implementation")),
    Transition(
        S.IN_IMPLEMENTATION,
        S.COMPLETED,
        _("Complete with the final evaluation"),
        needs_evaluation=True,
    ),
]


def transitions_from(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == status]


def find(source: str, target: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)
