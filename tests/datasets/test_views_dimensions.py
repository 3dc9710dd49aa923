"""The extra dimensions' pages: the list every member reads, and the equality unit's form
and removal."""

from django.conf import settings
from django.urls import reverse

from esitlik.core.models import AuditEntry
from esitlik.datasets.dimensions import dimension_create, dimension_update
from esitlik.datasets.models import Dimension


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def form_data(**values):
    data = {
        "name_0": " Hane  tipi ",
        "name_1": "Household type",
        "aliases": "Aile tipi\nHane yapısı",
        "values": "Tek ebeveynli\nÇekirdek aile\nTEK EBEVEYNLİ",
    }
    data.update(values)
    return data


def make(world, name="Hane tipi", **values):
    return dimension_create(municipality=world.home, name=name, by=world.alice, **values)


def test_it_lists_the_dimensions_with_their_columns_headings_and_values(world, client):
    make(world, {"tr": "Hane tipi", "en": "Household type"}, aliases="Aile tipi", values="Tek\nÇok")
    make(world, "Eğitim durumu")
    dimension_create(municipality=world.other, name="Gizli boyut", by=world.oscar)
    client.force_login(world.mona)

    response = client.get(url(world, "dataset_dimension_list"))
    page = response.content.decode()
    # Sorted by name the Turkish way in the page's language.
    assert [str(d) for d in response.context["dimensions"]] == ["Eğitim durumu", "Household type"]
    assert "<code>x_hane_tipi</code>" in page and "<code>x_egitim_durumu</code>" in page
    assert "Aile tipi" in page and "<li>Çok</li>" in page
    assert "any text" in page  # Eğitim durumu takes any value
    assert "a column the municipality adds to its service data" in page
    assert "Gizli boyut" not in page
    # A monitor reads the dimensions but is offered no way to change them.
    assert url(world, "dataset_dimension_create") not in page
    assert "/delete/" not in page


def test_it_shows_the_admin_how_to_change_them(world, client):
    dimension = make(world, values="\n".join(f"Değer {n}" for n in range(9)))
    client.force_login(world.alice)
    page = client.get(url(world, "dataset_dimension_list")).content.decode()
    assert url(world, "dataset_dimension_create") in page
    assert url(world, "dataset_dimension_edit", dimension.pk) in page
    assert url(world, "dataset_dimension_delete", dimension.pk) in page
    # A long list shows its first values and folds the rest away.
    assert "and 3 more" in page and "Değer 8" in page


def test_it_says_when_there_are_none(world, client):
    client.force_login(world.alice)
    page = client.get(url(world, "dataset_dimension_list")).content.decode()
    assert "The municipality has added no dimension of its own." in page


def test_the_data_tabs_lead_to_the_dimensions(world, client):
    client.force_login(world.carol)
    page = client.get(url(world, "dataset_service_list")).content.decode()
    assert url(world, "dataset_dimension_list") in page


def test_the_admin_adds_a_dimension_with_stray_spaces_and_repeats_forgiven(world, client):
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_dimension_create"), form_data())
    assert response.status_code == 302
    assert response["Location"] == url(world, "dataset_dimension_list")
    dimension = Dimension.objects.get()
    assert dimension.municipality == world.home
    assert dimension.name == {"tr": "Hane tipi", "en": "Household type"}
    assert dimension.key == "hane_tipi"
    assert dimension.alias_list() == ["Aile tipi", "Hane yapısı"]
    assert dimension.value_list() == ["Tek ebeveynli", "Çekirdek aile"]
    assert AuditEntry.objects.filter(action="datasets.dimension.created").count() == 1


def test_save_and_add_another_opens_an_empty_form(world, client):
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_dimension_create"), form_data(another="1"))
    assert response["Location"] == url(world, "dataset_dimension_create")


def test_it_keeps_the_input_when_a_heading_is_taken(world, client):
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_dimension_create"), form_data(aliases="Aile tipi\nCinsiyet")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "“Cinsiyet”" in str(form.errors["aliases"]) and "Sex" in str(form.errors["aliases"])
    page = response.content.decode()
    assert "Please correct the following" in page
    # Everything typed is still there to correct.
    assert 'value=" Hane  tipi "' in page
    assert "Household type" in page
    assert "Aile tipi\nCinsiyet</textarea>" in page
    assert "Tek ebeveynli\nÇekirdek aile\nTEK EBEVEYNLİ</textarea>" in page
    assert not Dimension.objects.exists()


def test_it_names_a_value_too_long(world, client):
    client.force_login(world.alice)
    long = "Çok uzun bir değer " + "x" * 200
    response = client.post(url(world, "dataset_dimension_create"), form_data(values=long))
    assert long[:40] in str(response.context["form"].errors["values"])
    assert long in response.content.decode()


def test_it_shows_errors_in_turkish(world, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_dimension_create"), form_data(name_0=""))
    page = response.content.decode()
    assert "Lütfen şunları düzeltin:" in page
    assert "Türkçe metni girin; İngilizcesi isteğe bağlıdır." in page
    assert "Household type" in page and "Aile tipi\nHane yapısı</textarea>" in page
    assert not Dimension.objects.exists()


def test_it_shows_errors_in_english(world, client):
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_dimension_create"), form_data(name_0=""))
    page = response.content.decode()
    assert "Please correct the following" in page
    assert "Enter the Turkish text; English is optional." in page


def test_the_admin_edits_a_dimension_and_its_key_stays(world, client):
    dimension = make(world, values="Tek ebeveynli")
    client.force_login(world.alice)
    response = client.get(url(world, "dataset_dimension_edit", dimension.pk))
    assert response.context["form"]["version"].value() == dimension.version
    assert "<code>x_hane_tipi</code>" in response.content.decode()

    response = client.post(
        url(world, "dataset_dimension_edit", dimension.pk),
        form_data(name_0="Hane yapısı", values="Tek ebeveynli\nGeniş aile", version=1),
    )
    assert response.status_code == 302
    dimension.refresh_from_db()
    assert dimension.name["tr"] == "Hane yapısı" and dimension.key == "hane_tipi"
    assert dimension.value_list() == ["Tek ebeveynli", "Geniş aile"]
    assert dimension.version == 2


def test_a_refused_edit_shows_the_dimension_as_stored(world, client):
    dimension = make(world)
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_dimension_edit", dimension.pk),
        form_data(name_0="Cinsiyet", version=1),
    )
    assert response.status_code == 200
    assert response.context["heading"] == "Hane tipi"
    assert 'value="Cinsiyet"' in response.content.decode()
    assert Dimension.objects.get().name == {"tr": "Hane tipi"}


def test_it_keeps_ones_input_beside_someone_elses_change(world, client):
    dimension = make(world)
    dimension_update(
        dimension=Dimension.objects.get(pk=dimension.pk), by=world.alice, values="Tek kişilik"
    )
    client.force_login(world.alice)
    mine = form_data(name_0="Hane tipi", values="Kalabalık", version=1)

    response = client.post(url(world, "dataset_dimension_edit", dimension.pk), mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this dimension while you were editing it" in page
    assert "Tek kişilik" in page
    # In place of the general advice to open it again, which would lose the input.
    assert "Someone else saved a change" not in page
    assert "Kalabalık</textarea>" in page
    assert response.context["form"]["version"].value() == 2
    assert Dimension.objects.get().value_list() == ["Tek kişilik"]

    # Saving again, having seen the other change, keeps one's own input.
    response = client.post(
        url(world, "dataset_dimension_edit", dimension.pk), {**mine, "version": 2}
    )
    assert response.status_code == 302
    assert Dimension.objects.get().value_list() == ["Kalabalık"]


def test_the_removal_asks_first_and_says_what_stays(world, client):
    dimension = make(world)
    client.force_login(world.alice)
    response = client.get(url(world, "dataset_dimension_delete", dimension.pk))
    page = response.content.decode()
    assert "stay in the data files" in page
    assert "They come back if a dimension named “Hane tipi” in Turkish is added again." in page
    assert Dimension.objects.exists()

    response = client.post(url(world, "dataset_dimension_delete", dimension.pk), {"version": 1})
    assert response["Location"] == url(world, "dataset_dimension_list")
    assert not Dimension.objects.exists()
    assert AuditEntry.objects.filter(action="datasets.dimension.deleted").count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "The dimension “Hane tipi” was removed." in page


def test_the_removal_refuses_a_dimension_changed_since_it_was_shown(world, client):
    dimension = make(world)
    dimension_update(
        dimension=Dimension.objects.get(pk=dimension.pk), by=world.alice, name={"tr": "Hane yapısı"}
    )
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_dimension_delete", dimension.pk), {"version": 1})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved a change" in page and "Hane yapısı" in page
    assert Dimension.objects.exists()
    # The page now shows the dimension as it is; confirming again removes it.
    client.post(url(world, "dataset_dimension_delete", dimension.pk), {"version": 2})
    assert not Dimension.objects.exists()


def test_only_the_admin_may_change_dimensions(world, client):
    dimension = make(world)
    client.force_login(world.bob)
    assert client.post(url(world, "dataset_dimension_create"), form_data()).status_code == 403
    assert (
        client.post(
            url(world, "dataset_dimension_edit", dimension.pk), form_data(version=1)
        ).status_code
        == 403
    )
    assert (
        client.post(
            url(world, "dataset_dimension_delete", dimension.pk), {"version": 1}
        ).status_code
        == 403
    )
    assert Dimension.objects.get().name == {"tr": "Hane tipi"}


def test_another_municipalitys_dimension_is_not_found(world, client):
    theirs = dimension_create(municipality=world.other, name="Hane tipi", by=world.oscar)
    client.force_login(world.alice)
    assert client.get(url(world, "dataset_dimension_edit", theirs.pk)).status_code == 404
    assert client.post(url(world, "dataset_dimension_delete", theirs.pk)).status_code == 404
    assert Dimension.objects.filter(pk=theirs.pk).exists()
