"""Importing a sign-in sheet into a session: reading, matching, all or nothing; the page and
the command."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from esitlik.core.models import AuditEntry
from esitlik.core.sex import Sex
from esitlik.participation.imports import pending
from esitlik.training.imports import import_attendance
from esitlik.training.models import Attendance, StaffMember
from esitlik.training.sessions import session_create
from tests.factories import DirectorateFactory
from tests.training.helpers import category, held_session, person, programme, public_programme

pytestmark = pytest.mark.django_db


def run(world, session, text, name="liste.csv", encoding="utf-8", **options):
    data = text if isinstance(text, bytes) else text.encode(encoding)
    return import_attendance(session=session, by=world.alice, data=data, name=name, **options)


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def attending(session) -> list[str]:
    return sorted(Attendance.objects.filter(session=session).values_list("staff__name", flat=True))


def messages(items) -> list[str]:
    return [item.message for item in items]


@pytest.fixture
def staff(world):
    """Three people of the home municipality, one with a staff number."""
    return {
        "ayse": person(world, "Ayşe Yılmaz", staff_number="1001"),
        "ismail": person(world, "İsmail Işık", sex=Sex.MAN),
        "fatma": person(world, "Fatma Kaya", directorate=world.parks, staff_number="2002"),
    }


# Reading files -------------------------------------------------------------------------------


def test_it_reads_a_utf8_csv_and_records_the_attendance(world, staff):
    session = held_session(world)
    outcome = run(world, session, "Sicil no,Ad soyad,Müdürlük\n1001,Ayşe Yılmaz,\n,Fatma Kaya,\n")
    assert outcome.ok and outcome.applied
    assert outcome.table.encoding == "utf-8" and outcome.table.delimiter == ","
    assert attending(session) == ["Ayşe Yılmaz", "Fatma Kaya"]
    assert [(e.row, e.how) for e in outcome.to_add] == [(2, "number"), (3, "name")]
    entry = AuditEntry.objects.get(action="training.attendance.imported")
    assert entry.changes == {"attendance": {"old": None, "new": ["Ayşe Yılmaz", "Fatma Kaya"]}}


def test_it_reads_a_utf8_csv_with_a_byte_order_mark(world, staff):
    session = held_session(world)
    data = "\ufeffAdı Soyadı;Birimi\nİsmail Işık;Sosyal Hizmetler Müdürlüğü\n".encode()
    outcome = run(world, session, data)
    assert outcome.applied and attending(session) == ["İsmail Işık"]


def test_it_reads_a_windows_1254_csv_separated_by_semicolons(world, staff):
    session = held_session(world)
    text = "KATILIM LİSTESİ;;;\nSıra;Adı;Soyadı;İmza\n1;Ayşe;YILMAZ;\n2;İSMAİL;IŞIK;\n3;;;\n"
    outcome = run(world, session, text, encoding="cp1254")
    assert outcome.table.encoding == "cp1254" and outcome.table.delimiter == ";"
    assert outcome.applied, outcome.problems
    assert attending(session) == ["Ayşe Yılmaz", "İsmail Işık"]
    assert outcome.blank_rows == 1  # the numbered line nobody signed
    read_as = {c["header"]: c["label"] for c in outcome.column_map()}
    assert read_as == {"Sıra": None, "Adı": "First name", "Soyadı": "Surname", "İmza": None}


def test_it_reads_an_excel_sheet(world, staff):
    session = held_session(world)
    data = workbook(
        [
            ["Eğitim katılım listesi"],
            ["Staff number", "Name", "Directorate", "Signature"],
            [1001.0, "A. Yılmaz", None, None],
            [None, "Fatma Kaya", "PB", None],
        ]
    )
    outcome = run(world, session, data, name="imza.xlsx")
    assert outcome.table.source == "workbook" and outcome.table.header_row == 2
    assert outcome.applied and attending(session) == ["Ayşe Yılmaz", "Fatma Kaya"]
    assert [(n.row, n.column) for n in outcome.notes] == [(3, "Name")]
    assert "Staff number 1001 is Ayşe Yılmaz's on the staff list" in outcome.notes[0].message


def test_a_sheet_without_a_name_or_number_column_is_refused(world, staff):
    outcome = run(world, held_session(world), "Müdürlük;Cinsiyet\nSH;K\n")
    assert "needs a column “Name and surname”" in outcome.refusal
    outcome = run(world, held_session(world), "Sicil no;Ad soyad\n")
    assert "no names or staff numbers" in outcome.refusal


# Matching -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "directorate"),
    [
        ("AYŞE YILMAZ", ""),
        ("  ayşe   yılmaz ", "SOSYAL HİZMETLER MÜDÜRLÜĞÜ"),
        ("Ayse Yilmaz", "sosyal hizmetler"),
        ("AYŞE YILMAZ", "sh"),
        ("Ayşe Yılmaz", "Sosyal Hizmetler Md."),
        ("Ayşe Yılmaz", "Sosyal Hizmetler Dairesi Başkanlığı"),
    ],
)
def test_names_and_directorates_are_matched_the_turkish_way(world, staff, name, directorate):
    session = held_session(world)
    outcome = run(world, session, f"Ad soyad;Müdürlük\n{name};{directorate}\n")
    assert outcome.applied, outcome.problems
    assert attending(session) == ["Ayşe Yılmaz"]


def test_dotted_and_dotless_i_are_told_apart_and_matched(world, staff):
    session = held_session(world)
    outcome = run(world, session, "Ad soyad\nİSMAİL IŞIK\n")
    assert outcome.to_add[0].person == staff["ismail"]
    assert outcome.applied


def test_the_staff_number_wins_over_the_name(world, staff):
    session = held_session(world)
    outcome = run(world, session, "Sicil no;Ad soyad\n2002;Ayşe Yılmaz\n")
    assert attending(session) == ["Fatma Kaya"]
    assert "Staff number 2002 is Fatma Kaya's" in outcome.notes[0].message
    # A number nobody has leaves the name, unless the name's person has another number.
    outcome = run(world, held_session(world), "Sicil no;Ad soyad\n  01001 ;Ayşe Yılmaz\n")
    assert outcome.to_add[0].how == "number"
    outcome = run(world, held_session(world), "Sicil no;Ad soyad\n9999;Ayşe Yılmaz\n")
    assert messages(outcome.problems) == [
        "No one has staff number 9999, and Ayşe Yılmaz (Sosyal Hizmetler Müdürlüğü) has 1001. "
        "Correct the number, or leave it out."
    ]


def test_a_name_several_people_share_needs_the_directorate(world, staff):
    social = person(world, "Mehmet Demir", sex=Sex.MAN)
    parks = person(world, "MEHMET DEMİR", sex=Sex.MAN, directorate=world.parks)
    session = held_session(world)
    outcome = run(world, session, "Ad soyad;Müdürlük\nMehmet Demir;\n")
    assert not outcome.applied and attending(session) == []
    problem = outcome.problems[0]
    assert (problem.row, problem.column, problem.letter, problem.value) == (
        2,
        "Ad soyad",
        "A",
        "Mehmet Demir",
    )
    assert problem.message == (
        "Several people on the staff list are called “Mehmet Demir”: MEHMET DEMİR (Park ve "
        "Bahçeler Müdürlüğü), Mehmet Demir (Sosyal Hizmetler Müdürlüğü). Give the directorate "
        "or the staff number to tell them apart."
    )
    outcome = run(world, session, "Ad soyad;Müdürlük\nMehmet Demir;Park ve Bahçeler\n")
    assert outcome.to_add[0].person == parks and social not in session.attendances.all()


def test_a_branch_counts_as_part_of_its_directorate(world):
    branch = DirectorateFactory(
        municipality=world.home, parent=world.social, name={"tr": "Kadın ve Aile Şube Müdürlüğü"}
    )
    person(world, "Zeynep Arslan", directorate=branch)
    session = held_session(world)
    outcome = run(world, session, "Ad soyad;Müdürlük\nZeynep Arslan;Sosyal Hizmetler\n")
    assert outcome.applied


def test_an_unknown_directorate_is_named(world, staff):
    outcome = run(world, held_session(world), "Ad soyad;Birim\nAyşe Yılmaz;Uzay Müdürlüğü\n")
    problem = outcome.problems[0]
    assert (problem.row, problem.column, problem.value) == (2, "Birim", "Uzay Müdürlüğü")
    assert problem.message.startswith("No directorate of this municipality is called")


def test_other_municipalities_staff_are_not_matched(world):
    person(world, "Ayşe Yılmaz", municipality=world.other, role=None)
    outcome = run(world, held_session(world), "Ad soyad\nAyşe Yılmaz\n")
    assert messages(outcome.problems) == [
        "No one on the staff list is called “Ayşe Yılmaz”. Add the person to the staff list, "
        "correct the row, or import with “add people not on the staff list”."
    ]


# Unmatched rows and new people ----------------------------------------------------------------


SHEET = (
    "Sicil no;Ad soyad;Müdürlük;Unvan;Cinsiyet\n"
    "1001;Ayşe Yılmaz;;;\n"
    "3003;Elif Şahin;Park ve Bahçeler Müdürlüğü;Şube müdürü;K\n"
    ";Ali Çelik;SH;;Erkek\n"
)


def test_unmatched_rows_are_problems_without_the_tickbox(world, staff):
    session = held_session(world)
    outcome = run(world, session, SHEET)
    assert [(p.row, p.column, p.value) for p in outcome.problems] == [
        (3, "Ad soyad", "Elif Şahin"),
        (4, "Ad soyad", "Ali Çelik"),
    ]
    assert outcome.problems[0].message.startswith(
        "No one on the staff list has staff number 3003 or is called “Elif Şahin”."
    )
    assert outcome.problems[1].message.startswith(
        "No one on the staff list is called “Ali Çelik” in Sosyal Hizmetler Müdürlüğü."
    )
    assert attending(session) == [] and StaffMember.objects.count() == 3


def test_the_tickbox_adds_people_not_on_the_staff_list(world, staff):
    session = held_session(world)
    outcome = run(world, session, SHEET, add_new_staff=True)
    assert outcome.applied, outcome.problems
    assert attending(session) == ["Ali Çelik", "Ayşe Yılmaz", "Elif Şahin"]
    elif_ = StaffMember.objects.get(name="Elif Şahin")
    assert (elif_.staff_number, elif_.directorate, elif_.sex) == ("3003", world.parks, Sex.WOMAN)
    assert elif_.role_category == category(world, "şube müdürü")
    ali = StaffMember.objects.get(name="Ali Çelik")
    assert (ali.directorate, ali.sex, ali.role_category) == (world.social, Sex.MAN, None)
    assert [e.person.name for e in outcome.new] == ["Elif Şahin", "Ali Çelik"]
    assert AuditEntry.objects.filter(action="training.staff.created").count() == 3 + 2


def test_new_people_need_a_directorate_a_sex_and_a_known_role(world, staff):
    text = "Ad soyad;Müdürlük;Rol kategorisi;Cinsiyet\nElif Şahin;;Memur;\nAli Çelik;SH;;belki\n"
    outcome = run(world, held_session(world), text, add_new_staff=True)
    found = [(p.row, p.column, p.value) for p in outcome.problems]
    assert found == [
        (2, "Müdürlük", ""),
        (2, "Rol kategorisi", "Memur"),
        (2, "Cinsiyet", ""),
        (3, "Cinsiyet", "belki"),
    ]
    assert outcome.problems[1].message == (
        "“Memur” is not a role category. Write one of: Department head, Branch manager, Unit "
        "staff, Coordinator / focal point, Other."
    )
    assert outcome.problems[2].message == (
        "Give the sex of a person who is not on the staff list yet: Woman, Man, Other, Not stated."
    )
    assert StaffMember.objects.count() == 3


def test_a_new_person_whose_name_is_known_elsewhere_gets_a_note(world, staff):
    text = "Ad soyad;Müdürlük;Cinsiyet\nFatma Kaya;SH;Kadın\n"
    outcome = run(world, held_session(world), text)  # without the tickbox: a problem
    assert outcome.problems[0].message.startswith(
        "“Fatma Kaya” is on the staff list in another directorate: Fatma Kaya (Park ve Bahçeler"
    )
    outcome = run(world, held_session(world), text, add_new_staff=True)
    assert outcome.applied
    assert "someone of that name is on the staff list elsewhere" in outcome.notes[0].message


def test_an_error_in_the_last_row_saves_nothing(world, staff):
    session = held_session(world)
    text = SHEET + ";Zehra Koç;SH;;x\n"
    outcome = run(world, session, text, add_new_staff=True)
    assert [(p.row, p.column, p.value) for p in outcome.problems] == [(5, "Cinsiyet", "x")]
    assert not outcome.applied
    assert attending(session) == []
    assert StaffMember.objects.count() == 3
    assert not AuditEntry.objects.filter(action="training.attendance.imported").exists()


def test_the_same_sheet_twice_adds_no_one_the_second_time(world, staff):
    session = held_session(world)
    first = run(world, session, SHEET, add_new_staff=True)
    assert first.adding == 3
    second = run(world, session, SHEET, add_new_staff=True)
    assert second.applied and second.adding == 0 and len(second.already) == 3
    assert StaffMember.objects.count() == 5 and len(attending(session)) == 3
    assert AuditEntry.objects.filter(action="training.attendance.imported").count() == 1


def test_a_person_twice_in_the_sheet_is_noted_and_counted_once(world, staff):
    session = held_session(world)
    text = "Sicil no;Ad soyad;Müdürlük;Cinsiyet\n1001;Ayşe Yılmaz;;\n;AYŞE YILMAZ;;\n"
    text += ";Ali Çelik;SH;E\n;Ali  Çelik;SH;E\n"
    outcome = run(world, session, text, add_new_staff=True)
    assert outcome.applied
    assert [(n.row, n.message) for n in outcome.notes] == [
        (3, "Ayşe Yılmaz is also on row 2; counted once."),
        (5, "Ali Çelik is also on row 4; counted once."),
    ]
    assert attending(session) == ["Ali Çelik", "Ayşe Yılmaz"]


def test_a_preview_saves_nothing(world, staff):
    session = held_session(world)
    outcome = run(world, session, SHEET, add_new_staff=True, commit=False)
    assert outcome.ok and not outcome.applied and outcome.adding == 3
    assert attending(session) == [] and StaffMember.objects.count() == 3


def test_sessions_counted_or_not_held_are_refused(world, staff):
    counted = held_session(world, prog=public_programme(world))
    assert "counts by sex and group" in run(world, counted, "Ad soyad\nAyşe Yılmaz\n").refusal
    planned = session_create(
        municipality=world.home,
        programme=programme(world),
        by=world.alice,
        starts_on=counted.starts_on,
    )
    assert "not marked as held" in run(world, planned, "Ad soyad\nAyşe Yılmaz\n").refusal


# The page ----------------------------------------------------------------------------------


def url(world, session, name="attendance_import"):
    return reverse(name, args=[world.home.slug, session.pk])


def upload(client, world, session, text, name="liste.csv", **fields):
    data = {"file": SimpleUploadedFile(name, text.encode()), **fields}
    return client.post(url(world, session), data)


def test_preview_then_confirm_through_the_page(world, client, staff):
    session = held_session(world, directorate=world.social)
    client.force_login(world.bob)
    page = upload(client, world, session, SHEET, add_new_staff="on").content.decode()
    assert "Preview of “liste.csv”" in page
    assert "Every row can be imported: 3 people will be recorded as attending." in page
    assert "2 of them will be added to the staff list." in page
    assert "Elif Şahin" in page and "Şube müdürü" not in page  # English page: Branch manager
    assert "Branch manager" in page
    assert attending(session) == [] and StaffMember.objects.count() == 3
    token = client.session["training_attendance_import"]["token"]
    assert (Path(settings.MEDIA_ROOT) / "imports" / token / "upload").exists()

    response = client.post(url(world, session), {"token": token})
    assert response.status_code == 302
    assert attending(session) == ["Ali Çelik", "Ayşe Yılmaz", "Elif Şahin"]
    assert set(Attendance.objects.values_list("created_by", flat=True)) == {world.bob.pk}
    assert [str(m) for m in response.wsgi_request._messages] == [
        "The sign-in sheet was imported: 3 people recorded as attending. 2 of them were added "
        "to the staff list."
    ]
    assert pending.load(token) is None
    client.post(url(world, session), {"token": token})  # confirming twice imports nothing more
    assert StaffMember.objects.count() == 5
    page = upload(client, world, session, SHEET, add_new_staff="on").content.decode()
    assert "Everyone on the sheet is already listed as attending" in page
    assert "Confirm the import" not in page


def test_a_sheet_with_problems_offers_them_as_a_workbook(world, client, staff):
    session = held_session(world)
    client.force_login(world.alice)
    page = upload(client, world, session, SHEET).content.decode()
    assert "The sheet has 2 problems, so nothing can be imported yet." in page
    assert "Confirm the import" not in page
    assert "Ayşe Yılmaz" in page  # the matched person is listed all the same
    response = client.get(url(world, session, "attendance_import_problems"))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0] == ("Row", "Column", "Column letter", "Value", "Problem")
    assert rows[1][:4] == (3, "Ad soyad", "B", "Elif Şahin")
    token = client.session["training_attendance_import"]["token"]
    client.post(url(world, session), {"token": token})
    assert attending(session) == []


def test_the_page_refuses_a_counted_session_with_a_message(world, client):
    session = held_session(world, prog=public_programme(world))
    client.force_login(world.alice)
    page = client.get(url(world, session)).content.decode()
    assert "counts by sex and group" in page and 'type="file"' not in page


def test_an_unreadable_file_is_refused_on_the_form(world, client, staff):
    session = held_session(world)
    client.force_login(world.alice)
    page = upload(client, world, session, "%PDF-1.4", name="imza.pdf").content.decode()
    assert "Upload a CSV file or an Excel workbook" in page
    assert "training_attendance_import" not in client.session


def test_a_focal_point_imports_only_into_their_directorates_sessions(world, client, staff):
    theirs = held_session(world, directorate=world.parks)
    client.force_login(world.bob)
    assert client.get(url(world, theirs)).status_code == 403
    assert upload(client, world, theirs, SHEET).status_code == 403
    assert client.get(url(world, theirs, "attendance_import_problems")).status_code == 403


def test_another_municipalitys_session_is_not_found(world, client):
    theirs = held_session(world, prog=programme(world, municipality=world.other))
    client.force_login(world.alice)
    assert client.get(url(world, theirs)).status_code == 404
    assert upload(client, world, theirs, "Ad soyad\nA\n").status_code == 404


def test_a_preview_is_confirmed_only_for_its_own_session(world, client, staff):
    first, second = held_session(world), held_session(world)
    client.force_login(world.alice)
    upload(client, world, first, "Ad soyad\nAyşe Yılmaz\n")
    token = client.session["training_attendance_import"]["token"]
    response = client.post(url(world, second), {"token": token}, follow=True)
    assert "That preview is no longer open" in response.content.decode()
    assert attending(first) == attending(second) == []


def test_the_problems_download_needs_a_preview_and_the_right_role(world, client):
    session = held_session(world)
    client.force_login(world.alice)
    assert client.get(url(world, session, "attendance_import_problems")).status_code == 404
    client.force_login(world.carol)
    assert client.get(url(world, session, "attendance_import_problems")).status_code == 403


def test_the_template_is_an_empty_sign_in_sheet_with_the_lists(world, client):
    client.force_login(world.carol)
    response = client.get(reverse("attendance_template", args=[world.home.slug]))
    assert response.status_code == 200 and ".xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sheet, lists = book.worksheets
    assert [c.value for c in sheet[1]] == [
        "Sicil no",
        "Ad soyad",
        "Müdürlük",
        "Rol kategorisi",
        "Cinsiyet",
        "İmza",
    ]
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations["E2:E500"] == '"Kadın,Erkek,Diğer,Belirtilmemiş"'
    assert [c.value for c in lists["A"] if c.value][1:] == [
        "Park ve Bahçeler Müdürlüğü",
        "Sosyal Hizmetler Müdürlüğü",
    ]
    assert [c.value for c in lists["C"] if c.value][1:] == [
        "Daire başkanı",
        "Şube müdürü",
        "Birim personeli",
        "Koordinatör / odak kişi",
        "Diğer",
    ]


def test_the_template_filled_in_imports(world, client, staff):
    client.force_login(world.alice)
    response = client.get(reverse("attendance_template", args=[world.home.slug]))
    book = load_workbook(io.BytesIO(response.content))
    book.active.append(["", "Elif Şahin", "Park ve Bahçeler Müdürlüğü", "Şube müdürü", "Kadın"])
    buffer = io.BytesIO()
    book.save(buffer)
    session = held_session(world)
    outcome = run(world, session, buffer.getvalue(), name="imza.xlsx", add_new_staff=True)
    assert outcome.applied, outcome.problems
    assert attending(session) == ["Elif Şahin"]


# The command -------------------------------------------------------------------------------


def write(tmp_path, text: str, name="liste.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_the_command_imports_and_prints_a_summary(world, staff, tmp_path, capsys):
    session = held_session(world)
    path = write(tmp_path, SHEET, encoding="cp1254")
    args = {"municipality": "ornek", "session": session.pk, "add_new_staff": True}
    call_command("import_attendance", path, dry_run=True, **args)
    assert "3 people would be recorded as attending" in capsys.readouterr().out
    assert attending(session) == []
    call_command("import_attendance", path, **args)
    out = capsys.readouterr().out
    assert "3 people were recorded as attending (1 on the staff list, 2 added to it)" in out
    assert len(attending(session)) == 3
    entry = AuditEntry.objects.get(action="training.attendance.imported")
    assert entry.actor is None and entry.municipality == world.home


def test_the_command_lists_problems_and_exits_non_zero(world, staff, tmp_path, capsys):
    session = held_session(world)
    path = write(tmp_path, SHEET)
    with pytest.raises(CommandError, match="2 problem.s. in 3 row.s.; nothing was imported") as err:
        call_command(
            "import_attendance", path, municipality="ornek", session=session.pk, language="en"
        )
    assert err.value.returncode == 1
    assert (
        "problem: row 4, column “Ad soyad” (B), value “Ali Çelik”: No one on the staff list is "
        "called “Ali Çelik” in Sosyal Hizmetler Müdürlüğü."
    ) in capsys.readouterr().err
    assert attending(session) == []


def test_the_command_speaks_turkish_by_default(world, staff, tmp_path, capsys):
    session = held_session(world)
    with pytest.raises(CommandError):
        call_command(
            "import_attendance", write(tmp_path, SHEET), municipality="ornek", session=session.pk
        )
    assert "personel listesinde" in capsys.readouterr().err


def test_the_command_refuses_wrong_arguments(world, tmp_path):
    theirs = held_session(world, prog=programme(world, municipality=world.other))
    path = write(tmp_path, "Ad soyad\nA\n")
    with pytest.raises(CommandError, match="no municipality with slug 'yok'"):
        call_command("import_attendance", path, municipality="yok", session=theirs.pk)
    with pytest.raises(CommandError, match="has no training session"):
        call_command("import_attendance", path, municipality="ornek", session=theirs.pk)
    counted = held_session(world, prog=public_programme(world))
    with pytest.raises(CommandError, match="counts by sex and group"):
        call_command(
            "import_attendance", path, municipality="ornek", session=counted.pk, language="en"
        )


def test_a_problem_with_a_split_name_names_both_columns(world, staff):
    outcome = run(world, held_session(world), "Adı;Soyadı\nZehra;Koç\n")
    problem = outcome.problems[0]
    assert (problem.row, problem.column, problem.letter, problem.value) == (
        2,
        "Adı + Soyadı",
        "A+B",
        "Zehra Koç",
    )
