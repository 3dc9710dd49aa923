from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from esitlik.core.numbers import parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.500,50", "12500.50"),
        ("12500,50", "12500.50"),
        ("1.250.000", "1250000"),
        ("1.250", "1250"),
        ("12,500.50", "12500.50"),
        ("12500.50", "12500.50"),
        ("0,5", "0.5"),
        (" 1 250 000 TL ", "1250000"),
        ("₺750", "750"),
        ("-3,25", "-3.25"),
    ],
)
def test_it_reads_amounts_as_turkish_offices_write_them(text, value):
    assert parse_amount(text, "tr") == Decimal(value)


def test_it_reads_a_single_dot_as_decimal_in_english():
    assert parse_amount("1.250", "en") == Decimal("1.25")
    assert parse_amount("1,250", "en") == Decimal("1250")


@pytest.mark.parametrize("text", ["", "abc", "12a", "1..2,,3x", "--5"])
def test_it_rejects_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_amount(text)


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_it_reads_back_what_turkish_formatting_writes(value):
    whole, _, cents = f"{value:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    assert parse_amount(f"{grouped},{cents}", "tr") == value


@pytest.mark.parametrize(
    ("language", "stored", "shown"),
    [
        ("tr", "1800000.00", "1.800.000"),
        ("tr", "12500.50", "12.500,5"),
        ("tr", "294.00", "294"),
        ("en", "12500.50", "12,500.5"),
        ("tr", "-15.00", "-15"),
    ],
)
def test_an_amount_field_shows_a_stored_value_as_it_is_typed_back(language, stored, shown):
    from django.utils import translation

    from esitlik.core.forms import AmountField

    field = AmountField(required=False, max_digits=14, decimal_places=2)
    with translation.override(language):
        assert field.prepare_value(Decimal(stored)) == shown
        assert field.clean(shown) == Decimal(stored)
