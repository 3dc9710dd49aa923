"""The service catalogue pages: the list by directorate with its search, and the equality
unit's form."""

from django.urls import reverse

from esitlik.core.models import AuditEntry
from esitlik.datasets.catalogue import service_create, service_update
from esitlik.datasets.models import Service


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def form_data(world, **values):
    data = {
        "name_0": "  Kadın   Danışma Merkezi ",
        "name_1": "Women's counselling centre",
        "directorate": world.social.pk,
        "code": " SH-04 ",
        "sensitive": "on",
        "description": "Şiddete uğrayan kadınlara danışmanlık.",
    }
    data.update(values)
    return data


def test_it_lists_services_under_their_directorates_with_the_sensitive_ones_marked(world, client):
    service_create(municipality=world.home, directorate=world.parks, name="Çocuk parkı", by=None)
    service_create(
        municipality=world.home,
        directorate=world.social,
        name="Şiddet destek hattı",
        sensitive=True,
        by=None,
    )
    service_create(municipality=world.home, directorate=world.social, name="Aşevi", by=None)
    service_create(
        municipality=world.other, directorate=world.other_directorate, name="Gizli", by=None
    )
    client.force_login(world.mona)

    response = client.get(url(world, "dataset_service_list"))
    groups = [
        (str(g.directorate), [str(s) for s in g.services]) for g in response.context["groups"]
    ]
    # Directorates in Turkish order; services in Turkish order (Ş after S, Ç after C).
    assert groups == [
        ("Park ve Bahçeler Müdürlüğü", ["Çocuk parkı"]),
        ("Sosyal Hizmetler Müdürlüğü", ["Aşevi", "Şiddet destek hattı"]),
    ]
    page = response.content.decode()
    assert "Gizli" not in page
    assert page.count('class="tag tag--sensitive"') == 1
    # A monitor reads the catalogue but is offered no way to change it.
    assert url(world, "dataset_service_create") not in page


def test_it_searches_by_part_of_a_name_the_turkish_way_and_by_code(world, client):
    service_create(
        municipality=world.home,
        directorate=world.social,
        name="IŞIK Atölyesi",
        code="SH-9",
        by=None,
    )
    service_create(municipality=world.home, directorate=world.parks, name="Spor kursu", by=None)
    client.force_login(world.carol)

    def shown(**query):
        page = client.get(url(world, "dataset_service_list"), query)
        return [str(s) for g in page.context["groups"] for s in g.services]

    assert shown(q="ışık") == ["IŞIK Atölyesi"]
    assert shown(q="isik atolye") == ["IŞIK Atölyesi"]
    assert shown(q="sh-9") == ["IŞIK Atölyesi"]
    assert shown(directorate=world.parks.pk) == ["Spor kursu"]
    assert shown(q="yok böyle") == []
    assert (
        "No service matches this search."
        in client.get(url(world, "dataset_service_list"), {"q": "yok"}).content.decode()
    )


def test_the_admin_adds_a_service_with_stray_spaces_forgiven(world, client):
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_service_create"), form_data(world))
    assert response.status_code == 302
    service = Service.objects.get()
    assert service.name == {"tr": "Kadın Danışma Merkezi", "en": "Women's counselling centre"}
    assert (service.code, service.sensitive, service.directorate) == ("SH-04", True, world.social)
    assert AuditEntry.objects.filter(action="datasets.service.created").count() == 1


def test_it_refuses_a_duplicate_name_on_the_name_field(world, client):
    service_create(
        municipality=world.home, directorate=world.parks, name="Kadın danışma merkezi", by=None
    )
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_service_create"), form_data(world))
    assert response.status_code == 200
    assert "already in the catalogue" in str(response.context["form"].errors["name"])
    assert Service.objects.count() == 1


def test_it_asks_for_the_turkish_name_and_a_directorate(world, client):
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_service_create"), form_data(world, name_0="", directorate="")
    )
    errors = response.context["form"].errors
    assert set(errors) == {"name", "directorate"}
    assert "Please correct the following" in response.content.decode()


def test_the_admin_edits_a_service_and_retires_it(world, client):
    service = service_create(
        municipality=world.home, directorate=world.social, name="Aşevi", by=None
    )
    client.force_login(world.alice)
    form = client.get(url(world, "dataset_service_edit", service.pk)).context["form"]
    assert form["version"].value() == service.version
    response = client.post(
        url(world, "dataset_service_edit", service.pk),
        form_data(world, name_0="Aşevi", name_1="Soup kitchen", version=service.version),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name["en"] == "Soup kitchen" and not service.is_active


def test_it_refuses_to_save_over_someone_elses_change(world, client):
    service = service_create(
        municipality=world.home, directorate=world.social, name="Aşevi", by=None
    )
    seen = service.version
    service_update(service=Service.objects.get(pk=service.pk), by=None, code="X1")
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_service_edit", service.pk),
        form_data(world, name_0="Aşevi", version=seen),
    )
    assert response.status_code == 200
    assert "Someone else saved a change" in response.content.decode()
    assert Service.objects.get(pk=service.pk).code == "X1"


def test_only_the_admin_may_change_the_catalogue(world, client):
    service = service_create(
        municipality=world.home, directorate=world.social, name="Aşevi", by=None
    )
    client.force_login(world.bob)  # the focal point of that very directorate
    assert client.post(url(world, "dataset_service_create"), form_data(world)).status_code == 403
    assert (
        client.post(url(world, "dataset_service_edit", service.pk), form_data(world)).status_code
        == 403
    )


def test_the_admin_marks_a_service_open_to_women_only_and_the_list_says_so(world, client):
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_service_create"), form_data(world, single_sex="women")
    )
    assert response.status_code == 302
    service = Service.objects.get()
    assert service.single_sex == "women"
    entry = AuditEntry.objects.get(action="datasets.service.created")
    assert entry.changes["single_sex"]["new"] == "women"
    page = client.get(url(world, "dataset_service_list")).content.decode()
    assert "women only" in page
    refused = client.post(url(world, "dataset_service_create"), form_data(world, single_sex="x"))
    assert refused.status_code == 200 and Service.objects.count() == 1
