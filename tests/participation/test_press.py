"""The press-release sentence, in Turkish and English, for the ways a summary can be asked for."""

import dataclasses
from datetime import date

import pytest

from esitlik.participation.press import period, press_sentence, whole_months
from esitlik.participation.summary import Filters, Row, participation_summary
from tests.plans.helpers import make_plan


@pytest.fixture
def empty(world):
    return participation_summary(world.home)


def figures(empty, **values):
    """A summary with the given figures; the defaults are Mersin's three months."""
    women = values.pop("women", 725)
    participants = values.pop("participants", 1250)
    base = {
        "filters": Filters(date_from=date(2024, 11, 1), date_to=date(2025, 1, 31)),
        "held": 41,
        "stakeholder_count": 31,
        "participants": participants,
        "people_shares": participants >= 10,
        "sexes": [
            Row("women", "Women", women, women / participants if participants >= 10 else None)
        ],
        "inputs": 214,
        "decided": 214,
        "taken": 96,
        "partly": 0,
        "under_review": 0,
        "first_held": date(2024, 11, 4),
        "last_held": date(2025, 1, 29),
    }
    return dataclasses.replace(empty, **{**base, **values})


def test_it_writes_the_press_sentence_in_turkish_and_english(empty):
    summary = figures(empty)
    assert press_sentence(summary, "tr") == (
        "3 ayda 41 toplantı, 31 paydaş, 1.250 katılımcı (%58 kadın); "
        "214 görüşün 96'sı plana alındı."
    )
    assert press_sentence(summary, "en") == (
        "In 3 months: 41 meetings, 31 stakeholders, 1,250 participants (58% women); "
        "96 of 214 inputs were taken into the plan."
    )


def test_it_says_what_was_taken_partly_and_what_is_still_under_review(empty):
    summary = figures(empty, decided=174, taken=40, partly=12, under_review=40)
    assert press_sentence(summary, "tr").endswith(
        "214 görüşün 40'ı plana alındı (12'si kısmen), 40'ı değerlendiriliyor."
    )
    assert press_sentence(summary, "en").endswith(
        "40 of 214 inputs were taken into the plan (12 in part), 40 are under review."
    )


def test_it_says_when_nothing_has_been_decided_or_taken(empty):
    waiting = figures(empty, decided=0, taken=0, under_review=214)
    assert press_sentence(waiting, "tr").endswith("; 214 görüş değerlendiriliyor.")
    assert press_sentence(waiting, "en").endswith("; 214 inputs are under review.")
    none = figures(empty, decided=200, taken=0, under_review=14)
    assert press_sentence(none, "tr").endswith(
        "214 görüşün henüz hiçbiri plana alınmadı, 14'ü değerlendiriliyor."
    )
    assert press_sentence(none, "en").endswith(
        "0 of 214 inputs were taken into the plan, 14 are under review."
    )


def test_it_gives_no_share_of_women_under_ten_participants(empty):
    summary = figures(empty, held=1, stakeholder_count=1, participants=8, women=5, inputs=0)
    assert press_sentence(summary, "tr") == "3 ayda 1 toplantı, 1 paydaş, 8 katılımcı."
    assert press_sentence(summary, "en") == "In 3 months: 1 meeting, 1 stakeholder, 8 participants."


def test_it_says_so_when_no_meeting_was_held(empty):
    assert press_sentence(empty, "tr") == "Yapılmış toplantı kaydı yok."
    assert press_sentence(empty, "en") == "No meeting held is on record."
    inputs = figures(empty, held=0, inputs=5, decided=5, taken=1)
    assert (
        press_sentence(inputs, "tr") == "Yapılmış toplantı kaydı yok; 5 görüşün 1'i plana alındı."
    )


@pytest.mark.parametrize(
    ("first", "last", "tr", "en"),
    [
        (date(2026, 1, 1), date(2026, 12, 31), "2026 yılında", "In 2026"),
        (date(2024, 1, 1), date(2025, 12, 31), "2024–2025 yıllarında", "In 2024–2025"),
        (date(2026, 8, 24), date(2026, 11, 23), "3 ayda", "In 3 months"),
        (date(2026, 3, 1), date(2026, 3, 31), "1 ayda", "In 1 month"),
        (date(2026, 3, 1), date(2026, 3, 14), "14 günde", "In 14 days"),
        (
            date(2024, 11, 12),
            date(2025, 2, 5),
            "12.11.2024–05.02.2025 döneminde",
            "Between 12.11.2024 and 05.02.2025",
        ),
        (date(2024, 11, 12), None, "12.11.2024 tarihinden bu yana", "Since 12.11.2024"),
        (None, date(2025, 2, 5), "05.02.2025 tarihine kadar", "Until 05.02.2025"),
    ],
)
def test_it_words_the_period_from_the_filters(empty, first, last, tr, en):
    summary = figures(empty, filters=Filters(date_from=first, date_to=last))
    assert press_sentence(summary, "tr").startswith(f"{tr[0].upper()}{tr[1:]} 41 toplantı")
    assert press_sentence(summary, "en").startswith(f"{en}: 41 meetings")


def test_without_a_period_it_speaks_of_the_plan_or_the_years_of_the_events(world, empty):
    plan = make_plan(world)
    preparing = figures(empty, filters=Filters(plan=plan), all_preparation=True)
    assert press_sentence(preparing, "tr").startswith("Plan hazırlığında 41 toplantı")
    assert press_sentence(preparing, "en").startswith("While preparing the plan: 41 meetings")
    later = figures(empty, filters=Filters(plan=plan), all_preparation=False)
    assert period(later) == ("plan",)
    one_year = figures(
        empty, filters=Filters(), first_held=date(2026, 2, 1), last_held=date(2026, 10, 1)
    )
    assert press_sentence(one_year, "tr").startswith("2026 yılında 41 toplantı")
    assert press_sentence(one_year, "en").startswith("In 2026: 41 meetings")
    years = figures(empty, filters=Filters())
    assert period(years) == ("years", 2024, 2025)


def test_whole_months_are_recognised_however_the_month_ends():
    assert whole_months(date(2024, 11, 1), date(2025, 1, 31)) == 3
    assert whole_months(date(2026, 3, 1), date(2026, 5, 31)) == 3
    assert whole_months(date(2026, 2, 28), date(2026, 5, 27)) == 3
    assert whole_months(date(2026, 3, 1), date(2026, 5, 30)) is None
