import re

from django.urls import reverse

from esitlik.core.models import AuditEntry, Directorate


def test_it_lists_directorates_as_a_turkish_sorted_tree(world, client):
    world.social.__class__.objects.create(
        municipality=world.home, name={"tr": "Çocuk Şubesi"}, level="branch", parent=world.social
    )
    world.social.__class__.objects.create(
        municipality=world.home, name={"tr": "İmar Müdürlüğü"}, level="directorate"
    )
    client.force_login(world.mona)
    page = client.get(reverse("directorate_list", args=["ornek"])).content.decode()
    order = [
        page.index(name)
        for name in ["İmar Müdürlüğü", "Park ve Bahçeler", "Sosyal Hizmetler", "Çocuk Şubesi"]
    ]
    assert order == sorted(order)
    assert "Fen İşleri" not in page  # the other municipality's directorate


def test_it_lets_the_admin_add_a_directorate(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("directorate_create", args=["ornek"]),
        {
            "name_0": " Engelli Hizmetleri ",
            "name_1": "Disability Services",
            "level": "branch",
            "parent": world.social.pk,
            "code": "EH",
            "description": "",
        },
    )
    assert response.status_code == 302
    created = Directorate.objects.get(code="EH")
    assert created.name == {"tr": "Engelli Hizmetleri", "en": "Disability Services"}
    assert created.parent == world.social and created.municipality == world.home


def test_it_explains_what_is_missing_and_keeps_what_was_typed(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("directorate_create", args=["ornek"]),
        {"name_0": "", "name_1": "Only English", "level": "branch", "code": "X1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'value="Only English"' in page and 'value="X1"' in page
    assert not Directorate.objects.filter(code="X1").exists()


def test_it_refuses_a_parent_from_another_municipality_in_the_form(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("directorate_create", args=["ornek"]),
        {"name_0": "Yeni", "level": "branch", "parent": world.other_directorate.pk},
    )
    assert response.status_code == 200
    assert not Directorate.objects.filter(name__tr="Yeni").exists()


def test_it_lets_a_focal_point_describe_only_their_own_directorate(world, client):
    client.force_login(world.bob)
    url = reverse("directorate_edit", args=["ornek", world.social.pk])
    response = client.post(url, {"description": "Yaşlı ve engelli hizmetleri", "name_0": "Başka"})
    assert response.status_code == 302
    world.social.refresh_from_db()
    assert world.social.description == "Yaşlı ve engelli hizmetleri"
    assert world.social.name == {"tr": "Sosyal Hizmetler Müdürlüğü"}  # name is not theirs to change
    entry = AuditEntry.objects.filter(action="core.directorate.updated").get()
    assert entry.actor == world.bob

    other = client.post(
        reverse("directorate_edit", args=["ornek", world.parks.pk]), {"description": "x"}
    )
    assert other.status_code == 403
    world.parks.refresh_from_db()
    assert world.parks.description == ""


def test_it_lets_the_admin_move_and_deactivate_a_directorate(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("directorate_edit", args=["ornek", world.parks.pk]),
        {
            "name_0": "Park ve Bahçeler Müdürlüğü",
            "name_1": "",
            "level": "branch",
            "parent": world.social.pk,
            "code": "PB",
            "description": "",
            "is_active": "",
        },
    )
    assert response.status_code == 302
    world.parks.refresh_from_db()
    assert world.parks.parent == world.social and world.parks.is_active is False


def test_it_lists_each_error_with_a_link_and_focuses_the_first_wrong_field(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("directorate_create", args=["ornek"]), {"name_0": "", "level": "nonsense"}
    )
    page = response.content.decode()
    assert '<a href="#id_name_0">Ad:' in page
    assert '<a href="#id_level">Düzey:' in page
    name_box = re.search(r'<input[^>]*id="id_name_0"[^>]*>', page).group(0)
    level_box = re.search(r'<select[^>]*id="id_level"[^>]*>', page).group(0)
    assert "autofocus" in name_box and "autofocus" not in level_box
