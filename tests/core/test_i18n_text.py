from django.utils.translation import override

from esitlik.core.i18n_text import BilingualField, localized


def test_it_shows_the_active_language():
    value = {"tr": "Eşitlik Birimi", "en": "Equality Unit"}
    with override("en"):
        assert localized(value) == "Equality Unit"
    with override("tr"):
        assert localized(value) == "Eşitlik Birimi"


def test_it_falls_back_to_turkish_when_english_is_missing():
    with override("en"):
        assert localized({"tr": "Zabıta Dairesi"}) == "Zabıta Dairesi"
        assert localized({"tr": "Zabıta Dairesi", "en": ""}) == "Zabıta Dairesi"


def test_it_accepts_plain_strings_and_none():
    assert localized("Işık") == "Işık"
    assert localized(None) == ""


def test_it_requires_turkish_and_keeps_english_optional():
    field = BilingualField()
    assert field.clean(["  Fen İşleri ", ""]) == {"tr": "Fen İşleri"}
    assert field.clean(["Fen İşleri", " Public Works "]) == {
        "tr": "Fen İşleri",
        "en": "Public Works",
    }


def test_it_rejects_english_without_turkish():
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        BilingualField().clean(["", "Public Works"])
