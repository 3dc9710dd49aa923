"""The import page: upload, preview, confirm; the problems and the templates as downloads."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry, Neighbourhood
from esitlik.participation.imports import pending
from esitlik.participation.models import Input, Stakeholder
from tests.participation.helpers import held_workshop

GOOD = "Ad;Tür;Mahalle\nKadın Derneği;Kadın örgütü;Yeni Mahalle\nİzmir Barosu;Baro;\n"
BAD = "Ad;Tür\nKadın Derneği;Kadın örgütü\nUzay Ajansı;Uzay\n"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def url(world, name="participation_import"):
    return reverse(name, args=[world.home.slug])


def upload(client, world, text: str, name="liste.csv", **fields):
    data = {"kind": "stakeholders", "file": SimpleUploadedFile(name, text.encode()), **fields}
    return client.post(url(world), data)


def token_of(client) -> str:
    return client.session["participation_import"]["token"]


def test_the_page_offers_the_form_and_the_templates(world, client):
    client.force_login(world.alice)
    page = client.get(url(world)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert url(world, "participation_template_inputs") in page
    assert url(world, "participation_template_stakeholders") in page
    assert 'aria-current="page"' in page and "Import" in page
    assert "Add missing neighbourhoods" in page  # the admin may change the list
    client.force_login(world.bob)
    assert "Add missing neighbourhoods" not in client.get(url(world)).content.decode()


def test_preview_then_confirm_imports_the_file(world, client):
    client.force_login(world.alice)
    response = upload(client, world, GOOD, add_neighbourhoods="on")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview of “liste.csv”" in page
    assert "Every row can be imported: 2 stakeholders will be added and 0 updated." in page
    assert "Yeni Mahalle" in page  # to be added, shown before anything is saved
    assert "semicolons" in page and "Kadın Derneği" in page
    assert not Stakeholder.objects.exists() and not Neighbourhood.objects.exists()
    token = token_of(client)
    assert (Path(settings.MEDIA_ROOT) / "imports" / token / "upload").exists()

    response = client.post(url(world), {"token": token})
    assert response.status_code == 302
    assert Stakeholder.objects.count() == 2
    assert Neighbourhood.objects.get().name == "Yeni Mahalle"
    assert AuditEntry.objects.filter(action="participation.imported", actor=world.alice).exists()
    assert "participation_import" not in client.session
    assert pending.load(token) is None  # the kept file is gone
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [
        "The file was imported: 2 stakeholders added, 0 updated. Neighbourhoods added to the "
        "list: Yeni Mahalle."
    ]
    # Confirming twice imports nothing more.
    client.post(url(world), {"token": token})
    assert Stakeholder.objects.count() == 2


def test_a_file_with_problems_shows_them_and_offers_them_as_a_workbook(world, client):
    client.force_login(world.alice)
    page = upload(client, world, BAD).content.decode()
    assert "The file has 1 problem, so nothing can be imported yet." in page
    assert "“Uzay” is not a stakeholder type." in page
    assert "Confirm the import" not in page
    assert not Stakeholder.objects.exists()
    response = client.get(url(world, "participation_import_problems"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][:4] == (3, "Tür", "B", "Uzay")
    # A confirmation of that preview fails again and saves nothing.
    client.post(url(world), {"token": token_of(client)})
    assert not Stakeholder.objects.exists()


def test_an_unreadable_file_is_refused_on_the_form(world, client):
    client.force_login(world.alice)
    page = upload(client, world, "%PDF-1.4", name="tutanak.pdf").content.decode()
    assert "Upload a CSV file or an Excel workbook" in page and "tutanak.pdf" in page
    assert "participation_import" not in client.session
    page = upload(client, world, "Ad;Mahalle\nA;B\n").content.decode()
    assert "The column “Type” is missing" in page


def test_a_confirmation_needs_the_sessions_own_preview(world, client):
    client.force_login(world.alice)
    upload(client, world, GOOD)
    response = client.post(url(world), {"token": "x" * 43}, follow=True)
    assert "That preview is no longer open" in response.content.decode()
    assert not Stakeholder.objects.exists()
    # Another member cannot confirm alice's preview with her token.
    token = token_of(client)
    client.force_login(world.bob)
    client.post(url(world), {"token": token})
    assert not Stakeholder.objects.exists()


def test_a_new_preview_discards_the_previous_file(world, client):
    client.force_login(world.alice)
    upload(client, world, GOOD)
    first = token_of(client)
    upload(client, world, BAD)
    assert pending.load(first) is None and token_of(client) != first


def test_inputs_for_a_chosen_event_through_the_page(world, client):
    workshop = held_workshop(world)
    client.force_login(world.bob)
    data = {
        "kind": "inputs",
        "event": workshop.pk,
        "file": SimpleUploadedFile("g.csv", "Metin;Tür\nA;Sorun\nB;Öneri\n".encode()),
    }
    page = client.post(url(world), data).content.decode()
    assert "Every row can be imported: 2 inputs will be recorded." in page
    client.post(url(world), {"token": token_of(client)})
    assert list(Input.objects.values_list("event", flat=True)) == [workshop.pk, workshop.pk]
    assert set(Input.objects.values_list("created_by", flat=True)) == {world.bob.pk}


def test_the_event_list_holds_only_the_municipalitys_events(world, client):
    theirs = held_workshop(world, title="Iğdır çalıştayı", municipality=world.other)
    client.force_login(world.alice)
    data = {
        "kind": "inputs",
        "event": theirs.pk,
        "file": SimpleUploadedFile("g.csv", b"Metin;Tur\nA;Sorun\n"),
    }
    page = client.post(url(world), data).content.decode()
    assert "Select a valid choice" in page
    assert "participation_import" not in client.session


@pytest.mark.parametrize(
    ("name", "sheet", "first_header"),
    [
        ("participation_template_inputs", "Görüşler", "Metin"),
        ("participation_template_stakeholders", "Paydaşlar", "Ad"),
    ],
)
def test_templates_download_with_turkish_headings(world, client, name, sheet, first_header):
    client.force_login(world.bob)
    response = client.get(url(world, name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ".xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.worksheets[0].title == sheet
    assert book.worksheets[0]["A1"].value == first_header
    assert book.worksheets[1].title == "İzin verilen değerler"


def test_the_problems_download_needs_a_preview_and_the_right_role(world, client):
    client.force_login(world.alice)
    assert client.get(url(world, "participation_import_problems")).status_code == 404
    client.force_login(world.carol)
    assert client.get(url(world, "participation_import_problems")).status_code == 403


def test_old_kept_files_are_swept(world, settings):
    token = pending.keep(b"data")
    pending.sweep(max_age=-1)
    assert pending.load(token) is None
    assert pending.load("../../etc/passwd") is None


def test_the_page_keeps_to_a_thousand_rows(world, client):
    client.force_login(world.alice)
    text = "Ad;Tür\n" + "".join(f"Dernek {i};STK\n" for i in range(1001))
    page = upload(client, world, text).content.decode()
    assert "more than 1000 rows" in page and "participation_import" not in client.session
