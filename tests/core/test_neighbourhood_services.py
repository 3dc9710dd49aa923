"""The neighbourhood list: one name however it is typed, pasted lists, lookups for imports."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from esitlik.core.neighbourhoods import (
    neighbourhood_create,
    neighbourhood_key,
    neighbourhood_lookup,
    neighbourhood_update,
    neighbourhoods_add_lines,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "typed",
    ["KARŞIYAKA MAHALLESİ", "Karşıyaka Mah.", "  karşıyaka  ", "Karşıyaka mah", "KARŞIYAKA"],
)
def test_the_ways_people_write_a_neighbourhood_give_one_key(typed):
    assert neighbourhood_key(typed) == "karşıyaka"


def test_dotted_and_dotless_i_are_different_neighbourhoods():
    assert neighbourhood_key("IŞIKLAR") == neighbourhood_key("ışıklar") != "isiklar"


def test_a_name_is_on_the_list_once(world):
    neighbourhood_create(municipality=world.home, name="Cumhuriyet", by=world.alice)
    with pytest.raises(ValidationError) as excinfo:
        neighbourhood_create(municipality=world.home, name="CUMHURİYET MAHALLESİ", by=world.alice)
    assert "already on the list" in str(excinfo.value)
    # Another district, or another municipality, may have its own Cumhuriyet.
    neighbourhood_create(municipality=world.home, name="Cumhuriyet", district="Yenişehir", by=None)
    neighbourhood_create(municipality=world.other, name="Cumhuriyet", by=None)


def test_pasting_a_column_adds_the_new_names_and_skips_the_known_ones(world):
    neighbourhood_create(municipality=world.home, name="Çarşı", by=world.alice)
    added, skipped = neighbourhoods_add_lines(
        municipality=world.home,
        text="Atatürk\n\n  ÇARŞI MAH.\nİnönü\r\nAtatürk Mahallesi\n",
        by=world.alice,
    )
    assert [n.name for n in added] == ["Atatürk", "İnönü"]
    assert skipped == ["ÇARŞI MAH.", "Atatürk Mahallesi"]


def test_a_line_too_long_refuses_the_whole_paste(world):
    with pytest.raises(ValidationError) as excinfo:
        neighbourhoods_add_lines(municipality=world.home, text="Yeni\n" + "x" * 121, by=None)
    assert "Line 2" in str(excinfo.value)
    assert not world.home.neighbourhoods.exists()


def test_renaming_keeps_the_key_in_step(world):
    item = neighbourhood_create(municipality=world.home, name="Yeni Mahalle", by=world.alice)
    neighbourhood_update(neighbourhood=item, name="Yenidoğan", by=world.alice)
    item.refresh_from_db()
    assert (item.name, item.key) == ("Yenidoğan", "yenidoğan")


def test_lookup_names_ambiguous_names_only_with_their_district(world):
    first = neighbourhood_create(
        municipality=world.home, name="Cumhuriyet", district="Merkez", by=None
    )
    second = neighbourhood_create(
        municipality=world.home, name="Cumhuriyet", district="Yenişehir", by=None
    )
    table = neighbourhood_lookup(world.home)
    assert table["cumhuriyet"] is None
    assert table[neighbourhood_key("CUMHURİYET (YENİŞEHİR)")] == second
    assert table[neighbourhood_key("Cumhuriyet (Merkez)")] == first
