import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from esitlik.core.models import AuditEntry
from esitlik.frameworks import services
from esitlik.frameworks.models import Framework


def test_it_creates_a_tag_set_with_a_turkish_safe_code(world):
    tag_set = services.tag_set_create(
        municipality=world.home, title={"tr": "Işıklı Şehir İçin Öncelikler"}, by=world.alice
    )
    assert tag_set.code == "isikli-sehir-icin-oncelikler"
    again = services.tag_set_create(
        municipality=world.home, title={"tr": "Işıklı şehir için öncelikler"}, by=world.alice
    )
    assert again.code == "isikli-sehir-icin-oncelikler-2"
    assert AuditEntry.objects.filter(action="frameworks.tag_set.created").count() == 2


def test_it_refuses_a_duplicate_tag_code_in_one_set_regardless_of_case(world):
    tag_set = services.tag_set_create(municipality=world.home, title={"tr": "Set"}, by=None)
    services.tag_create(framework=tag_set, code="g1", title={"tr": "Bir"}, by=None)
    with pytest.raises(ValidationError):
        services.tag_create(framework=tag_set, code=" G1 ", title={"tr": "İki"}, by=None)
    assert tag_set.items.count() == 1


def test_it_never_changes_reference_frameworks(world):
    reference = Framework.objects.get(code="sdg5")
    with pytest.raises(ValidationError):
        services.tag_create(framework=reference, code="5.x", title={"tr": "x"}, by=world.alice)
    with pytest.raises(ValidationError):
        services.tag_set_update(framework=reference, title={"tr": "x"}, by=world.alice)


def test_it_retires_a_tag_instead_of_deleting_it(world, client):
    tag_set = services.tag_set_create(municipality=world.home, title={"tr": "Set"}, by=None)
    tag = services.tag_create(framework=tag_set, code="A", title={"tr": "Eski"}, by=None)
    client.force_login(world.alice)
    response = client.post(
        reverse("tag_edit", args=["ornek", tag_set.pk, tag.pk]),
        {"code": "A", "title_0": "Eski", "title_1": "", "is_active": ""},
    )
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.is_active is False
    entry = AuditEntry.objects.get(action="frameworks.tag.updated")
    assert entry.changes == {"is_active": {"old": True, "new": False}}


def test_it_lets_the_admin_build_a_tag_set_through_the_pages(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("tag_set_create", args=["ornek"]),
        {"title_0": "Stratejik plan", "title_1": "Strategic plan"},
    )
    tag_set = Framework.objects.get(municipality=world.home)
    assert response["Location"] == reverse("framework_detail", args=["ornek", tag_set.pk])
    response = client.post(
        reverse("tag_create", args=["ornek", tag_set.pk]),
        {"code": "SP1", "title_0": "Sosyal belediyecilik", "is_active": "on"},
    )
    assert response.status_code == 302
    page = client.get(reverse("framework_detail", args=["ornek", tag_set.pk])).content.decode()
    assert "Sosyal belediyecilik" in page
    duplicate = client.post(
        reverse("tag_create", args=["ornek", tag_set.pk]),
        {"code": "sp1", "title_0": "Başka", "is_active": "on"},
    )
    assert duplicate.status_code == 200
    assert "Bu kümedeki başka bir etiket bu kodu kullanıyor." in duplicate.content.decode()


def test_it_shows_reference_frameworks_read_only(world, client):
    client.force_login(world.alice)
    charter = Framework.objects.get(code="cemr-charter", version="2006")
    page = client.get(reverse("framework_detail", args=["ornek", charter.pk])).content.decode()
    assert "Toplumsal cinsiyete dayalı şiddet" in page
    assert reverse("tag_create", args=["ornek", charter.pk]) not in page
    assert client.get(reverse("tag_create", args=["ornek", charter.pk])).status_code == 403
    item = charter.items.first()
    assert client.get(reverse("tag_edit", args=["ornek", charter.pk, item.pk])).status_code == 403


def test_it_lists_only_this_municipalitys_own_sets(world, client):
    services.tag_set_create(municipality=world.other, title={"tr": "Iğdır öncelikleri"}, by=None)
    services.tag_set_create(municipality=world.home, title={"tr": "Örnek öncelikleri"}, by=None)
    client.force_login(world.mona)
    page = client.get(reverse("framework_list", args=["ornek"])).content.decode()
    assert "Örnek öncelikleri" in page and "Iğdır öncelikleri" not in page
    assert "Avrupa Yerel Yaşamda Kadın Erkek Eşitliği Şartı" in page
    assert "30 madde · 6 ilke" in page
