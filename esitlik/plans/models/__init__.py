"""The plans app's models: the commitment, plan editions and their structure, indicators."""

from .commitment import FIRST_PLAN_YEARS, Commitment
from .indicators import Evidence, Indicator, IndicatorTarget, IndicatorUpdate
from .plan import Action, ActionPlan, Aim, Objective, Partner

__all__ = [
    "FIRST_PLAN_YEARS",
    "Action",
    "ActionPlan",
    "Aim",
    "Commitment",
    "Evidence",
    "Indicator",
    "IndicatorTarget",
    "IndicatorUpdate",
    "Objective",
    "Partner",
]
