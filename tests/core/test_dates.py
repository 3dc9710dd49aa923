from datetime import date

from esitlik.core.dates import add_months


def test_it_adds_months_keeping_the_day_or_taking_the_months_last():
    assert add_months(date(2024, 11, 1), 3) == date(2025, 2, 1)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 23), -3) == date(2026, 8, 23)
    assert add_months(date(2026, 2, 15), -14) == date(2024, 12, 15)
