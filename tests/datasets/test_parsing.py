"""Reading one column's distinct values as a field type: the product's own cell readers,
checked against values generated the ways people write them."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from esitlik.datasets.ingest.parsing import Context, parse_values
from esitlik.datasets.kinds import FieldType

CONTEXT = Context(year=2025)
ANY_YEAR = Context(year=None)


def read(field_type, values, context=CONTEXT):
    parsed = parse_values(field_type, values, context)
    return parsed.values, {i: rule for i, (rule, _message) in parsed.errors.items()}


def turkish(amount: Decimal) -> str:
    """12345.5 → "12.345,50": dots group thousands, a comma before the decimals."""
    whole, cents = f"{amount:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ".".join(groups) + "," + cents


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_amounts_written_the_turkish_way_read_back_exactly(amount):
    values, errors = read(FieldType.AMOUNT, [turkish(amount), f"{amount:.2f}".replace(".", ",")])
    assert errors == {}
    assert values == [amount, amount]


@given(st.integers(min_value=0, max_value=10**9))
def test_counts_with_or_without_thousands_dots(count):
    grouped = f"{count:,}".replace(",", ".")
    values, errors = read(FieldType.COUNT, [str(count), grouped, float(count)])
    assert (values, errors) == ([count, count, count], {})


@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)))
def test_dates_in_every_usual_form_read_back(day):
    serial = (day - date(1899, 12, 30)).days
    forms = [
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        f"{day.strftime('%d.%m.%Y')} 14:30",
        serial,
        float(serial),
        str(serial),
        datetime(day.year, day.month, day.day, 9, 0),
        day,
    ]
    values, errors = read(FieldType.DATE, forms)
    assert errors == {}
    assert values == [day] * len(forms)


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(2060, 12, 31)))
def test_dates_outside_the_runs_year_are_refused(day):
    values, errors = read(FieldType.DATE, [day.strftime("%d.%m.%Y")])
    assert (errors == {}) == (day.year == 2025)


def test_what_is_not_a_date_says_how_to_write_one():
    parsed = parse_values(FieldType.DATE, ["32.01.2025", "yarın", 12.5], ANY_YEAR)
    assert {message for _rule, message in parsed.errors.values()} == {"Write a date as 31.12.2026."}


def test_sex_is_read_the_turkish_way_and_a_blank_is_not_stated():
    values, errors = read(
        FieldType.SEX, ["KADIN", "kadın", "K", "ERKEK", "e", "Female", "m", "Diğer", "", "x"]
    )
    assert values[:9] == ["woman"] * 3 + ["man"] * 2 + ["woman", "man", "other", "not_stated"]
    assert errors == {9: "unknown_value"}


def test_age_bands_and_lists():
    values, errors = read(FieldType.AGE_BAND, ["15-19", "15–19 yaş", "85 ve üzeri", "15-24"])
    assert values[:3] == ["15-19", "15-19", "85+"]
    assert errors == {3: "unknown_value"}
    values, errors = read(FieldType.MIGRATION, ["T.C.", "Geçici koruma", "", "Yabancı"])
    assert values == ["citizen", "refugee", "not_stated", "foreign"]
    values, errors = read(FieldType.OUTCOME, ["Yararlandı", "RET", ""])
    assert values == ["received", "rejected", None]


def test_text_is_trimmed_and_bounded():
    values, errors = read(FieldType.TEXT, ["  Üst   yönetici ", 12.0, "x" * 201])
    assert values[:2] == ["Üst yönetici", "12"]
    assert errors == {2: "type"}


def test_whole_numbers_refuse_decimals():
    values, errors = read(FieldType.COUNT, ["12,5", "-1", "3"])
    assert values == [None, None, 3]
    assert errors == {0: "type", 1: "type"}


def test_timedelta_is_not_a_number():
    values, errors = read(FieldType.COUNT, [timedelta(days=1)])
    assert errors == {0: "type"}
