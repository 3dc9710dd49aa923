from django.utils.translation import override

from esitlik.core.templatetags.core_tags import percent, tr_number


def test_it_writes_percentages_the_turkish_way():
    with override("tr"):
        assert percent(2 / 3) == "%67"
        assert percent(0.4, 1) == "%40,0"
    with override("en"):
        assert percent(2 / 3) == "67%"
    assert percent(None) == ""


def test_it_groups_thousands_by_language():
    with override("tr"):
        assert tr_number(1234567) == "1.234.567"
    with override("en"):
        assert tr_number(1234567) == "1,234,567"
