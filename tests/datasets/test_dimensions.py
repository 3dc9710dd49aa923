"""A municipality's extra dimensions: the key made from the Turkish name, the headings and
values they take, and every write audited and guarded against a stale form."""

import pytest
from django.core.exceptions import ValidationError

from esitlik.core.models import AuditEntry
from esitlik.datasets.dimensions import (
    VALUE_MAX,
    VALUES_MAX,
    dimension_create,
    dimension_delete,
    dimension_key,
    dimension_update,
    dimensions_of,
)
from esitlik.datasets.models import Dimension


def create(world, name="Hane tipi", **values):
    return dimension_create(municipality=world.home, name=name, by=world.alice, **values)


def refusal(error: ValidationError) -> dict[str, str]:
    """The field → message of a service's refusal."""
    return {field: " ".join(messages) for field, messages in error.message_dict.items()}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Eğitim Durumu", "egitim_durumu"),
        ("Hane Tipi", "hane_tipi"),
        ("IĞDIR İLÇE ŞUBESİ", "igdir_ilce_subesi"),
        ("Çalışma durumu (son 12 ay)", "calisma_durumu_son_12_ay"),
        ("  Ödemiş / Ümraniye  ", "odemis_umraniye"),
        ("2024 anketi", "d_2024_anketi"),
    ],
)
def test_it_makes_the_key_from_the_turkish_name(name, key):
    assert dimension_key({"tr": name, "en": "Something else"}) == key


def test_it_keeps_a_key_short_enough_for_its_column():
    key = dimension_key({"tr": "Çok uzun bir boyut adı " * 5})
    assert len(key) <= Dimension.KEY_MAX and not key.endswith("_")


def test_it_creates_a_dimension_with_its_key_and_column(world):
    dimension = create(world, {"tr": "Eğitim Durumu", "en": "Education"})
    assert (dimension.key, dimension.column) == ("egitim_durumu", "x_egitim_durumu")
    assert dimension.name == {"tr": "Eğitim Durumu", "en": "Education"}
    assert dimensions_of(world.home.pk) == [dimension]
    assert dimensions_of(world.other.pk) == []


def test_it_tidies_names_headings_and_values(world):
    dimension = create(
        world,
        {"tr": "  Hane   tipi ", "en": ""},
        aliases="Aile tipi\n\n  Hane  yapısı \nAİLE TİPİ",
        values="Tek ebeveynli\r\nÇekirdek aile\n  \nTEK EBEVEYNLİ\ntek   ebeveynli\nCekirdek Aile",
    )
    assert dimension.name == {"tr": "Hane tipi"}
    assert dimension.alias_list() == ["Aile tipi", "Hane yapısı"]
    # Values that fold alike (case, Turkish letters, spacing) are one value: the first kept.
    assert dimension.value_list() == ["Tek ebeveynli", "Çekirdek aile"]


def test_it_keeps_the_key_when_the_dimension_is_renamed(world):
    dimension = create(world, "Hane tipi")
    dimension_update(
        dimension=dimension, by=world.alice, name={"tr": "Hane yapısı", "en": "Household"}
    )
    dimension.refresh_from_db()
    assert dimension.name == {"tr": "Hane yapısı", "en": "Household"}
    assert dimension.key == "hane_tipi"


def test_it_refuses_a_dimension_without_a_turkish_name(world):
    with pytest.raises(ValidationError) as refused:
        create(world, {"tr": "  ", "en": "Household type"})
    assert "Turkish name" in refusal(refused.value)["name"]
    with pytest.raises(ValidationError) as refused:
        create(world, "—")
    assert "at least one letter or digit" in refusal(refused.value)["name"]
    assert not Dimension.objects.exists()


def test_it_refuses_a_name_that_would_share_a_key(world):
    create(world, "Hane tipi")
    with pytest.raises(ValidationError) as refused:
        create(world, "HANE TİPİ")
    message = refusal(refused.value)["name"]
    assert "hane_tipi" in message and "Hane tipi" in message
    # Another municipality has its own dimensions.
    dimension_create(municipality=world.other, name="Hane tipi", by=world.oscar)


def test_it_refuses_a_value_too_long_naming_it(world):
    long = "Uzun değer " + "x" * VALUE_MAX
    with pytest.raises(ValidationError) as refused:
        create(world, values=f"Kısa\n{long}")
    message = refusal(refused.value)["values"]
    assert str(VALUE_MAX) in message and long[:40] in message


def test_it_refuses_too_many_values(world):
    with pytest.raises(ValidationError) as refused:
        create(world, values="\n".join(f"Değer {n}" for n in range(VALUES_MAX + 1)))
    assert f"({VALUES_MAX + 1} given)" in refusal(refused.value)["values"]


def test_it_refuses_a_heading_a_built_in_column_uses(world):
    with pytest.raises(ValidationError) as refused:
        create(world, aliases="Aile tipi\nCİNSİYET")
    message = refusal(refused.value)["aliases"]
    assert "CİNSİYET" in message and "“Sex”" in message
    with pytest.raises(ValidationError) as refused:
        create(world, "Mahalle adı")
    assert "Mahalle adı" in refusal(refused.value)["name"]
    assert not Dimension.objects.exists()


def test_it_refuses_a_heading_another_dimension_uses(world):
    create(world, "Hane tipi", aliases="Aile tipi")
    with pytest.raises(ValidationError) as refused:
        create(world, "Eğitim durumu", aliases="aile  tipi")
    assert "Hane tipi" in refusal(refused.value)["aliases"]
    with pytest.raises(ValidationError) as refused:
        create(world, {"tr": "Öğrenim", "en": "Hane Tipi"})
    assert "Hane tipi" in refusal(refused.value)["name"]


def test_a_dimension_may_keep_its_own_headings_when_saved_again(world):
    dimension = create(world, "Hane tipi", aliases="Aile tipi")
    dimension_update(dimension=dimension, by=world.alice, values="Tek kişilik")
    assert Dimension.objects.get().value_list() == ["Tek kişilik"]


def test_it_audits_every_write(world):
    dimension = create(world, {"tr": "Hane tipi", "en": "Household type"}, values="Tek kişilik")
    dimension_update(
        dimension=dimension,
        by=world.alice,
        version=dimension.version,
        aliases="Aile tipi",
        values="Tek kişilik\nKalabalık",
    )
    dimension_delete(dimension=dimension, by=world.alice, version=dimension.version)

    entries = {e.action: e for e in AuditEntry.objects.filter(actor=world.alice)}
    assert set(entries) == {
        "datasets.dimension.created",
        "datasets.dimension.updated",
        "datasets.dimension.deleted",
    }
    made = entries["datasets.dimension.created"]
    assert made.municipality == world.home and made.object_repr
    assert made.changes["key"] == {"old": None, "new": "hane_tipi"}
    assert made.changes["values"] == {"old": None, "new": "Tek kişilik"}
    assert entries["datasets.dimension.updated"].changes == {
        "aliases": {"old": "", "new": "Aile tipi"},
        "values": {"old": "Tek kişilik", "new": "Tek kişilik\nKalabalık"},
    }
    gone = entries["datasets.dimension.deleted"].changes
    assert gone["key"] == {"old": "hane_tipi", "new": None}
    assert gone["name"]["old"] == {"tr": "Hane tipi", "en": "Household type"}
    assert not Dimension.objects.exists()


def test_an_update_that_changes_nothing_leaves_no_entry(world):
    dimension = create(world, values="A")
    dimension_update(dimension=dimension, by=world.alice, values=" A ")
    assert not AuditEntry.objects.filter(action="datasets.dimension.updated").exists()
    assert Dimension.objects.get().version == 1


def test_it_refuses_to_write_over_a_newer_version(world):
    dimension = create(world)
    seen = dimension.version
    dimension_update(
        dimension=Dimension.objects.get(pk=dimension.pk), by=world.alice, values="Tek kişilik"
    )

    with pytest.raises(ValidationError) as refused:
        dimension_update(dimension=dimension, by=world.alice, version=seen, values="Kalabalık")
    assert refused.value.code == "stale"
    with pytest.raises(ValidationError):
        dimension_delete(dimension=dimension, by=world.alice, version=seen)
    assert Dimension.objects.get().value_list() == ["Tek kişilik"]


def test_a_refused_write_changes_nothing(world):
    dimension = create(world, values="Tek kişilik")
    with pytest.raises(ValidationError):
        dimension_update(
            dimension=dimension, by=world.alice, values="Kalabalık", aliases="Cinsiyet"
        )
    assert Dimension.objects.get().value_list() == ["Tek kişilik"]
    assert not AuditEntry.objects.filter(action="datasets.dimension.updated").exists()
