"""Importing a file through the pages: upload, the column page (proposals, a column mapped by
hand, identifier columns dropped), confirmation, the run's page; who may import for which
directorate; the size limit; the template workbooks."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ColumnMapping, ImportRun
from tests.datasets.pages import make_run

# A directorate's export from Excel on a Turkish Windows: Windows-1254, semicolons, Turkish
# headings, one of which ("Yararlanan Kadın") no alias knows.
MESSY = (
    "Hizmet Adı;Yararlanan Kadın;Erkek Sayısı;Toplam\r\n"
    "Aşevi;12;8;20\r\n"
    "ŞİDDET DESTEK HATTI;7;0;7\r\n"
).encode("cp1254")


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


@pytest.fixture
def services(world):
    return [
        service_create(municipality=world.home, directorate=world.social, name=name, by=None)
        for name in ("Aşevi", "Şiddet destek hattı")
    ]


def upload(client, world, content=MESSY, name="sayilar.csv", **values):
    data = {
        "kind": "service_counts",
        "year": 2025,
        "directorate": world.social.pk,
        "mode": "add",
        "file": SimpleUploadedFile(name, content, content_type="text/csv"),
    }
    data.update(values)
    return client.post(url(world, "dataset_upload"), data)


def mapping_post(page, **chosen):
    """The column page's form as shown, with ``chosen`` {heading: field} changed."""
    form = page.context["form"]
    data = {"version": form["version"].value()}
    for _index, header, name, drop in form.columns:
        data[name] = chosen.get(header, form[name].value() or "")
        if drop and header in chosen.get("drop", ()):
            data[drop] = "on"
    return data


def test_a_messy_turkish_file_goes_from_upload_to_landed_with_a_column_mapped_by_hand(
    world, client, services
):
    client.force_login(world.alice)
    response = upload(client, world)
    run = ImportRun.objects.get()
    assert response["Location"] == url(world, "dataset_import_map", run.pk)
    assert run.status == "uploaded" and run.file_name == "sayilar.csv"

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Windows-1254" in html and "separated by semicolons" in html
    assert "Yararlanan Kadın" in html and "ŞİDDET DESTEK HATTI" in html
    form = page.context["form"]
    proposed = {header: form[name].value() for _i, header, name, _d in form.columns}
    assert proposed["Hizmet Adı"] == "service" and proposed["Erkek Sayısı"] == "men"
    assert proposed["Yararlanan Kadın"] == ""  # no alias knows it: the person says

    response = client.post(
        page.request["PATH_INFO"], mapping_post(page, **{"Yararlanan Kadın": "women"})
    )
    assert response["Location"] == url(world, "dataset_import_progress", run.pk)
    run.refresh_from_db()
    # Tests run tasks at once: the import has already landed, so the progress page moves on.
    assert run.status == "landed", run.problems
    assert run.rows_read == 2 and run.mapping["Yararlanan Kadın"] == "women"
    assert client.get(response["Location"])["Location"] == url(
        world, "dataset_import_detail", run.pk
    )
    detail = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    assert "Imported" in detail and "Yararlanan Kadın" in detail
    # The heading mapped by hand is remembered for the directorate's next file.
    assert ColumnMapping.objects.get(header="Yararlanan Kadın").field == "women"
    assert AuditEntry.objects.filter(action="datasets.import.landed").count() == 1


def test_the_same_file_again_is_refused_on_the_file_field(world, client, services):
    client.force_login(world.alice)
    run = ImportRun.objects.get(pk=_landed(client, world).pk)
    response = upload(client, world)
    assert response.status_code == 200
    assert "already imported" in str(response.context["form"].errors["file"])
    assert ImportRun.objects.count() == 1 and run.status == "landed"


def _landed(client, world):
    upload(client, world)
    run = ImportRun.objects.latest("id")
    page = client.get(url(world, "dataset_import_map", run.pk))
    client.post(
        url(world, "dataset_import_map", run.pk),
        mapping_post(page, **{"Yararlanan Kadın": "women"}),
    )
    run.refresh_from_db()
    return run


def test_missing_required_columns_are_listed_and_the_import_refused(world, client, services):
    client.force_login(world.alice)
    upload(client, world)
    run = ImportRun.objects.get()
    page = client.get(url(world, "dataset_import_map", run.pk))
    response = client.post(
        url(world, "dataset_import_map", run.pk),
        mapping_post(page, **{"Hizmet Adı": "", "Yararlanan Kadın": "women"}),
    )
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    assert "Service" in str(response.context["form"].non_field_errors())
    run.refresh_from_db()
    assert run.status == "uploaded"


def test_one_field_chosen_for_two_columns_is_shown_on_both(world, client, services):
    client.force_login(world.alice)
    upload(client, world)
    run = ImportRun.objects.get()
    page = client.get(url(world, "dataset_import_map", run.pk))
    response = client.post(
        url(world, "dataset_import_map", run.pk),
        mapping_post(page, **{"Yararlanan Kadın": "men"}),
    )
    form = response.context["form"]
    assert "Also chosen for “Erkek Sayısı”" in str(form.errors["col_1"])
    assert "Also chosen for “Yararlanan Kadın”" in str(form.errors["col_2"])


def test_an_identifier_column_is_refused_until_dropped(world, client, services):
    content = (
        "Hizmet Adı;TC Kimlik No;Kadın;Erkek;Toplam\n"
        "Aşevi;10000000146;1;0;1\n"
        "Aşevi;10000000146;0;1;1\n"
    ).encode()
    client.force_login(world.alice)
    upload(client, world, content=content)
    run = ImportRun.objects.get()
    page = client.get(url(world, "dataset_import_map", run.pk))
    html = page.content.decode()
    assert "Personal identifiers are never imported" in html
    assert "Drop this column" in html
    assert "10000000146" not in html  # the column's values are not shown
    refused = client.post(url(world, "dataset_import_map", run.pk), mapping_post(page))
    assert refused.status_code == 200
    assert "TC Kimlik No" in str(refused.context["form"].non_field_errors())
    run.refresh_from_db()
    assert run.status == "uploaded"
    response = client.post(
        url(world, "dataset_import_map", run.pk), mapping_post(page, drop=["TC Kimlik No"])
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == "landed" and run.dropped_columns == ["TC Kimlik No"]


def test_a_focal_point_imports_only_for_their_own_directorate(world, client, services):
    client.force_login(world.bob)
    form = client.get(url(world, "dataset_upload")).context["form"]
    assert [value for value, _label in form.fields["directorate"].choices] == [world.social.pk]
    response = upload(client, world, directorate=world.parks.pk)
    assert "directorate" in response.context["form"].errors
    assert not ImportRun.objects.exists()
    # Another directorate's uploaded file is not theirs to map.
    run = make_run(world, directorate=world.parks, status="uploaded")
    assert client.get(url(world, "dataset_import_map", run.pk)).status_code == 403
    assert client.post(url(world, "dataset_import_map", run.pk), {}).status_code == 403


def test_a_file_above_the_limit_is_refused_with_the_limit_named(world, client, settings):
    settings.UPLOAD_MAX_MB = 1
    client.force_login(world.alice)
    response = upload(client, world, content=b"Hizmet;Kadin\n" + b"x;1\n" * 300_000)
    error = str(response.context["form"].errors["file"])
    assert "1.0\xa0MB" in error and "esitlik import" in error
    assert not ImportRun.objects.exists()


def test_a_file_that_cannot_be_read_says_so_on_the_column_page(world, client):
    client.force_login(world.alice)
    upload(client, world, content=b"\x00\x01\x02 not a table", name="bozuk.csv")
    run = ImportRun.objects.get()
    html = client.get(url(world, "dataset_import_map", run.pk)).content.decode()
    assert "The file cannot be read" in html
    assert url(world, "dataset_upload") in html


def test_a_confirmed_run_is_not_confirmed_twice(world, client, services):
    client.force_login(world.alice)
    run = _landed(client, world)
    response = client.get(url(world, "dataset_import_map", run.pk))
    assert response["Location"] == url(world, "dataset_import_detail", run.pk)


def test_the_template_workbook_has_the_kinds_turkish_headings(world, client):
    client.force_login(world.carol)
    response = client.get(url(world, "dataset_template"), {"kind": "service_counts"})
    assert "hizmet-sayilari-sablonu.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    headings = [cell.value for cell in book["Veri"][1]]
    assert headings[:2] == ["Hizmet", "Müdürlük"]
    assert {"Kadınlar", "Erkek", "Toplam"} <= set(headings) and "Cinsiyet" not in headings
    notes = [row[0].value for row in book["Açıklama"].iter_rows(min_row=2)]
    assert "Cinsiyet" in notes  # the long shape is explained too
    assert client.get(url(world, "dataset_template"), {"kind": "nope"}).status_code == 404


def test_the_upload_page_explains_each_kind_and_links_its_template(world, client):
    client.force_login(world.bob)
    html = client.get(url(world, "dataset_upload")).content.decode()
    assert "One row per person served" in html
    assert html.count(url(world, "dataset_template") + "?kind=") == 6


def test_the_column_page_does_not_show_a_column_of_names(world, client, services):
    content = "Hizmet Adı;Ad Soyad;Kadın;Erkek;Toplam\nAşevi;Ayşe Yılmaz;1;0;1\n".encode()
    client.force_login(world.alice)
    upload(client, world, content=content)
    html = client.get(url(world, "dataset_import_map", ImportRun.objects.get().pk)).content
    assert "Ad Soyad" in html.decode() and "Ayşe Yılmaz" not in html.decode()


def test_a_workbook_whose_first_sheet_is_a_cover_is_read_from_the_sheet_chosen(
    world, client, services
):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Kapak"
    book.active.append(["Sosyal Hizmetler Müdürlüğü — 2025 hizmet sayıları"])
    data = book.create_sheet("Sayılar")
    data.append(["Hizmet Adı", "Kadın", "Erkek", "Toplam"])
    data.append(["Aşevi", 12, 8, 20])
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(world.alice)
    response = upload(client, world, content=buffer.getvalue(), name="sayilar.xlsx")
    run = ImportRun.objects.get()
    page = client.get(response["Location"])
    assert page.context["preview"].sheet == "Kapak"
    assert 'name="read_sheet"' in page.content.decode()

    stale = client.post(
        response["Location"], {"read_sheet": "1", "sheet": "Sayılar", "version": run.version - 1}
    )
    assert ImportRun.objects.get().sheet == ""  # a form drawn before a change is refused
    assert "Someone else" in client.get(stale["Location"]).content.decode()

    missing = client.post(
        response["Location"], {"read_sheet": "1", "sheet": "Yok", "version": run.version}
    )
    assert "no sheet called “Yok”" in client.get(missing["Location"]).content.decode()

    client.post(
        response["Location"], {"read_sheet": "1", "sheet": "Sayılar", "version": run.version}
    )
    run.refresh_from_db()
    assert run.sheet == "Sayılar"
    page = client.get(response["Location"])
    assert page.context["preview"].sheet == "Sayılar"
    assert page.context["preview"].mapping["Kadın"] == "women"
    confirmed = client.post(response["Location"], mapping_post(page))
    assert confirmed.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert run.rows_stored == 2
