"""Knowledge gain and satisfaction across sessions, from each session's averages.

Sessions report averages, not people's scores, so a programme's average is each session's
weighted by the evaluation forms it returned (by its attendance when it does not say, and
equally when neither is known). Gain is post minus pre, in points out of 100, taken only over
sessions that gave both: a session with a post-test alone says nothing about what changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from esitlik.training.models import TrainingSession


@dataclass(frozen=True)
class Evaluation:
    sessions: int  # sessions that reported any evaluation
    responses: int  # forms returned, where the sessions said
    pre: Decimal | None
    post: Decimal | None
    gain: Decimal | None
    satisfaction: Decimal | None


def _weight(session: TrainingSession, attendance: dict[int, int]) -> int:
    if session.evaluation_responses:
        return session.evaluation_responses
    return attendance.get(session.pk) or session.counted or 1


def _mean(pairs: list[tuple[Decimal, int]], places: str) -> Decimal | None:
    total = sum(weight for _value, weight in pairs)
    if not total:
        return None
    value = sum(value * weight for value, weight in pairs) / total
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def evaluation_of(
    sessions: Iterable[TrainingSession], attendance: dict[int, int] | None = None
) -> Evaluation:
    """The weighted averages of held ``sessions``; ``attendance`` gives named sessions'
    attendance counts by session id (the weight when no form count is given)."""
    attendance = attendance or {}
    pre, post, gain_pre, gain_post, satisfaction = [], [], [], [], []
    reported, responses = 0, 0
    for session in sessions:
        if session.status != TrainingSession.Status.HELD:
            continue
        values = (session.pre_score, session.post_score, session.satisfaction)
        if all(value is None for value in values):
            continue
        reported += 1
        responses += session.evaluation_responses or 0
        weight = _weight(session, attendance)
        if session.pre_score is not None:
            pre.append((session.pre_score, weight))
        if session.post_score is not None:
            post.append((session.post_score, weight))
        if session.pre_score is not None and session.post_score is not None:
            gain_pre.append((session.pre_score, weight))
            gain_post.append((session.post_score, weight))
        if session.satisfaction is not None:
            satisfaction.append((session.satisfaction, weight))
    gain = None
    if gain_pre:
        gain = _mean(gain_post, "0.1") - _mean(gain_pre, "0.1")
    return Evaluation(
        sessions=reported,
        responses=responses,
        pre=_mean(pre, "0.1"),
        post=_mean(post, "0.1"),
        gain=gain,
        satisfaction=_mean(satisfaction, "0.01"),
    )
