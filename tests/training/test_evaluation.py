"""Knowledge gain per programme from the sessions' averages."""

from decimal import Decimal

import pytest

from esitlik.training.evaluation import evaluation_of
from tests.training.helpers import held_session, programme

pytestmark = pytest.mark.django_db


def test_gain_is_weighted_by_forms_and_ignores_sessions_without_both_tests(world):
    prog = programme(world)
    a = held_session(
        world,
        prog,
        pre_score=Decimal("40"),
        post_score=Decimal("80"),
        evaluation_responses=30,
        satisfaction=Decimal("4.5"),
    )
    b = held_session(
        world,
        prog,
        pre_score=Decimal("60"),
        post_score=Decimal("70"),
        evaluation_responses=10,
        satisfaction=Decimal("3.5"),
    )
    post_only = held_session(world, prog, post_score=Decimal("10"), evaluation_responses=100)
    silent = held_session(world, prog)
    result = evaluation_of([a, b, post_only, silent])
    # pre (40×30 + 60×10) / 40 = 45; post of the paired sessions (80×30 + 70×10) / 40 = 77.5
    assert result.gain == Decimal("32.5")
    assert result.pre == Decimal("45.0")
    assert result.sessions == 3 and result.responses == 140
    # Satisfaction (4.5×30 + 3.5×10) / 40 = 4.25
    assert result.satisfaction == Decimal("4.25")


def test_attendance_is_the_weight_when_no_form_count_is_given(world):
    prog = programme(world)
    a = held_session(world, prog, pre_score=Decimal("50"), post_score=Decimal("60"))
    b = held_session(world, prog, pre_score=Decimal("20"), post_score=Decimal("80"))
    result = evaluation_of([a, b], attendance={a.pk: 3, b.pk: 1})
    # gain = (60×3 + 80) / 4 − (50×3 + 20) / 4 = 65 − 42.5
    assert result.gain == Decimal("22.5")
    assert evaluation_of([]).gain is None
