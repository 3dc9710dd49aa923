"""Importing stakeholders and inputs from CSV and Excel files: all or nothing, every problem
named by row, column and value, headings and values read the way people and survey tools
write them."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from esitlik.core.models import AuditEntry, Neighbourhood
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.imports import Options, import_participation
from esitlik.participation.imports.workbooks import problems_workbook, template_workbook
from esitlik.participation.models import Input, Stakeholder
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder
from tests.plans.helpers import build, make_plan

ADMIN = {"may_add_neighbourhoods": True, "may_decide": True}


def run(world, kind, data, name="liste.csv", by=None, commit=True, **options):
    if isinstance(data, str):
        data = data.encode()
    return import_participation(
        kind=kind,
        municipality=world.home,
        by=by or world.alice,
        data=data,
        name=name,
        options=Options(**options),
        commit=commit,
    )


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems(outcome) -> list[tuple]:
    return [(p.row, p.column, p.letter, p.value, p.message) for p in outcome.problems]


# Stakeholders ---------------------------------------------------------------------------


def test_it_imports_stakeholders_from_a_windows_1254_csv(world):
    neighbourhood(world, "Karşıyaka")
    data = (
        "Ad;Tür;Mahalle;Etiketler;Notlar\n"
        "Işık Kadın Derneği;Kadın örgütü;KARŞIYAKA MAH.;kooperatif, engelli;Aylık toplantı\n"
        "İzmir Barosu;baro;;;\n"
        "Şişli Muhtarlığı;Muhtar;karsiyaka;;\n"
    ).encode("cp1254")
    outcome = run(world, "stakeholders", data)
    assert outcome.applied and outcome.created == 3
    first = Stakeholder.objects.get(name="Işık Kadın Derneği")
    assert first.kind == Stakeholder.Kind.WOMENS_ORGANISATION
    assert first.neighbourhood.name == "Karşıyaka"
    assert first.tags == ["kooperatif", "engelli"]
    assert first.notes == "Aylık toplantı"
    assert Stakeholder.objects.get(name="İzmir Barosu").kind == Stakeholder.Kind.BAR
    assert Stakeholder.objects.get(name="Şişli Muhtarlığı").kind == Stakeholder.Kind.HEADMAN
    entry = AuditEntry.objects.get(action="participation.imported")
    assert entry.actor == world.alice and entry.municipality == world.home
    assert entry.object_repr == "liste.csv"
    assert entry.changes["created"] == 3 and entry.changes["kind"] == "stakeholders"
    assert AuditEntry.objects.filter(action="participation.stakeholder.created").count() == 3


def test_a_bad_last_row_leaves_nothing_saved(world):
    data = "Ad;Tür;Mahalle\nA Derneği;STK;\nB Derneği;STK;\nC Derneği;Uzay ajansı;Yokmahalle\n"
    outcome = run(world, "stakeholders", data, add_neighbourhoods=False, **ADMIN)
    assert not outcome.applied
    assert Stakeholder.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="participation.").exists()
    assert [(p.row, p.column, p.letter, p.value) for p in outcome.problems] == [
        (4, "Tür", "B", "Uzay ajansı"),
        (4, "Mahalle", "C", "Yokmahalle"),
    ]
    message = outcome.problems[0].message
    assert "“Uzay ajansı” is not a stakeholder type. Allowed types: Public institution, NGO" in (
        message
    )
    assert "Neighbourhood headman (muhtar)" in message
    assert "tick “Add missing neighbourhoods”" in outcome.problems[1].message


def test_a_focal_point_is_told_to_ask_for_a_missing_neighbourhood(world):
    outcome = run(world, "stakeholders", "Ad;Tür;Mahalle\nA;STK;Yeni\n", by=world.bob)
    assert "ask the equality unit to add it" in outcome.problems[0].message
    # Ticking the box means nothing to a role that may not change the list.
    outcome = run(world, "stakeholders", "Ad;Tür;Mahalle\nA;STK;Yeni\n", add_neighbourhoods=True)
    assert not outcome.applied and not Neighbourhood.objects.exists()


def test_missing_neighbourhoods_are_added_when_the_admin_asks(world):
    data = "Ad;Tür;Mahalle\nA;STK;Yeni Mahalle\nB;STK;yeni mahalle\nC;STK;Başka\n"
    outcome = run(world, "stakeholders", data, add_neighbourhoods=True, **ADMIN)
    assert outcome.applied and outcome.neighbourhoods_added == ["Yeni Mahalle", "Başka"]
    assert Stakeholder.objects.get(name="B").neighbourhood.name == "Yeni Mahalle"
    assert AuditEntry.objects.filter(action="core.neighbourhood.created").count() == 2
    entry = AuditEntry.objects.get(action="participation.imported")
    assert entry.changes["neighbourhoods_added"] == ["Yeni Mahalle", "Başka"]


def test_a_preview_checks_everything_and_saves_nothing(world):
    data = "Ad;Tür;Mahalle\nA;STK;Yeni\n"
    outcome = run(world, "stakeholders", data, commit=False, add_neighbourhoods=True, **ADMIN)
    assert outcome.ok and not outcome.applied
    assert (outcome.created, outcome.neighbourhoods_added) == (1, ["Yeni"])
    assert not Stakeholder.objects.exists() and not Neighbourhood.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_stakeholder_already_in_the_registry_is_refused_or_updated_on_request(world):
    stakeholder(world, name="IĞDIR Kadın Kooperatifi", notes="eski")
    data = "Ad;Tür;Notlar\n  ığdır kadın   kooperatifi ;Diğer;\n"
    outcome = run(world, "stakeholders", data)
    assert problems(outcome) == [
        (
            2,
            "Ad",
            "A",
            "ığdır kadın   kooperatifi",
            "“ığdır kadın kooperatifi” is already in the registry. Leave the row out, or import "
            "with “update existing stakeholders” to change it from the file.",
        )
    ]
    outcome = run(world, "stakeholders", data, update_existing=True)
    assert outcome.applied and (outcome.created, outcome.updated) == (0, 1)
    kept = Stakeholder.objects.get()
    assert (kept.name, kept.kind, kept.notes) == ("IĞDIR Kadın Kooperatifi", "other", "eski")
    # The same file again changes nothing.
    outcome = run(world, "stakeholders", data, update_existing=True)
    assert (outcome.updated, outcome.unchanged) == (0, 1)


def test_a_name_twice_in_the_file_is_refused_on_the_second_row(world):
    outcome = run(world, "stakeholders", "Ad;Tür\nKent Konseyi;Kent konseyi\nKENT KONSEYİ;Diğer\n")
    assert [(p.row, p.column, p.message) for p in outcome.problems] == [
        (3, "Ad", "“KENT KONSEYİ” is also on row 2; list each stakeholder once.")
    ]


def test_an_empty_type_names_the_allowed_types(world):
    outcome = run(world, "stakeholders", "Ad;Tür\nA;\n")
    assert outcome.problems[0].column == "Tür"
    assert outcome.problems[0].message.startswith("Give the stakeholder's type, one of: Public")


def test_a_missing_required_column_refuses_the_file(world):
    outcome = run(world, "stakeholders", "Ad;Mahalle\nA;B\n")
    assert outcome.refusal.startswith("The column “Type” is missing (also accepted: Tür")
    assert not outcome.problems


# Inputs ---------------------------------------------------------------------------------


def test_it_reads_turkish_headings_in_any_case_and_spacing(world):
    org = stakeholder(world, name="Kadın Dayanışma Derneği")
    data = (
        "  METİN ;tür;HEDEF  GRUPLARI;tema;ŞART MADDESİ;Paydaş;tarih\n"
        "Parklarda aydınlatma yok;Sorun;Kadınlar, yaşlılar;5;22;kadın dayanışma derneği;"
        "14.03.2026\n"
        "Kreş açılsın;öneri;children;Kadına yönelik şiddet;Madde 16;;2026-03-15\n"
    )
    outcome = run(world, "inputs", data)
    assert outcome.applied, problems(outcome)
    first, second = Input.objects.order_by("id")
    assert first.kind == Input.Kind.PROBLEM and first.text == "Parklarda aydınlatma yok"
    assert first.target_groups == ["women", "elderly"]
    assert first.heading == FrameworkItem.objects.get(framework__code="yeep-headings", code="5")
    assert first.article.code == "22"
    assert first.stakeholder == org and first.channel == Input.Channel.STAKEHOLDER
    assert first.received_on == date(2026, 3, 14)
    assert second.kind == Input.Kind.PROPOSAL and second.target_groups == ["children"]
    assert second.heading.code == "5" and second.article.code == "16"
    # Neither event nor stakeholder: a survey answer.
    assert second.channel == Input.Channel.SURVEY
    assert first.reference != second.reference


def test_kobo_headings_and_values_are_read(world):
    held_workshop(world, title="Muhtarlar çalıştayı")
    data = (
        "start;end;grp_gorus/metin;grp_gorus/tur;grp_gorus/hedef_gruplar;grp_yer/etkinlik;"
        "_uuid;_submission_time\n"
        "2026-03-14;2026-03-14;Otobüs durağı karanlık;sorun;women elderly;muhtarlar çalıştayı;"
        "abc;2026-03-14T10:00:00\n"
        "2026-03-14;2026-03-14;Kadın danışma merkezi;ihtiyac;kadinlar;Muhtarlar çalıştayı;"
        "def;2026-03-14T10:05:00\n"
    )
    outcome = run(world, "inputs", data, name="kobo.csv")
    assert outcome.applied, problems(outcome)
    first, second = Input.objects.order_by("id")
    assert first.target_groups == ["women", "elderly"] and first.kind == Input.Kind.PROBLEM
    assert second.kind == Input.Kind.NEED and second.target_groups == ["women"]
    assert first.event.title == "Muhtarlar çalıştayı"
    assert first.channel == Input.Channel.EVENT
    ignored = [c["header"] for c in outcome.column_map() if c["label"] is None]
    assert ignored == ["start", "end", "_uuid", "_submission_time"]


def test_an_input_workbook_with_dates_and_excel_serials(world):
    data = xlsx(
        [
            ["Metin", "Tür", "Tarih"],
            ["Gece aydınlatması", "Sorun", date(2026, 3, 14)],
            ["Kreş", "Öneri", 46096],
            [None, None, None],
            [None, None, None],
        ]
    )
    outcome = run(world, "inputs", data, name="gorusler.xlsx")
    assert outcome.applied, problems(outcome)
    dates = list(Input.objects.order_by("id").values_list("received_on", flat=True))
    assert dates == [date(2026, 3, 14), date(2026, 3, 15)]


def test_every_problem_is_named_by_row_column_and_value(world):
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d.%m.%Y")
    data = (
        "Metin;Tür;Hedef gruplar;Tema;Şart maddesi;Paydaş;Etkinlik;Tarih\n"
        ";Sorun;;;;;;\n"
        f"Metin;Şikayet;uzaylılar;9;99;Olmayan Dernek;Olmayan toplantı;{tomorrow}\n"
        "Metin;Sorun;;;;;;yarın\n"
    )
    outcome = run(world, "inputs", data)
    assert not outcome.applied and not Input.objects.exists()
    found = {(p.row, p.column, p.letter, p.value): p.message for p in outcome.problems}
    assert found[(2, "Metin", "A", "")].startswith("Write what was said")
    assert found[(3, "Tür", "B", "Şikayet")].startswith(
        "“Şikayet” is not a kind of input. Allowed: Problem, Need, Proposal"
    )
    assert found[(3, "Hedef gruplar", "C", "uzaylılar")].startswith(
        "“uzaylılar” is not a target group. Allowed: Women, Girls"
    )
    assert found[(3, "Tema", "D", "9")].startswith("“9” is not a YEEP heading")
    assert found[(3, "Şart maddesi", "E", "99")].startswith("“99” is not an article")
    assert found[(3, "Paydaş", "F", "Olmayan Dernek")].startswith(
        "No stakeholder in the registry is called “Olmayan Dernek”"
    )
    assert found[(3, "Etkinlik", "G", "Olmayan toplantı")].startswith(
        "No event of this municipality is called “Olmayan toplantı”"
    )
    assert found[(4, "Tarih", "H", "yarın")] == "Write a date as 31.12.2026."
    # A date in the future is the service's refusal, shown on the file's date column.
    outcome = run(world, "inputs", f"Metin;Tür;Tarih\nA;Sorun;{tomorrow}\n")
    assert problems(outcome) == [
        (2, "Tarih", "C", tomorrow, "An input cannot be received in the future.")
    ]


def test_the_chosen_event_applies_to_every_row(world):
    workshop = held_workshop(world, title="Muhtarlar çalıştayı")
    held_workshop(world, title="STK toplantısı")
    data = "Metin;Tür;Etkinlik\nA;Sorun;\nB;Sorun;muhtarlar çalıştayı\n"
    outcome = run(world, "inputs", data, event=workshop)
    assert outcome.applied
    assert set(Input.objects.values_list("event", flat=True)) == {workshop.pk}
    assert AuditEntry.objects.get(action="participation.imported").changes["event"] == (
        "Muhtarlar çalıştayı"
    )
    outcome = run(world, "inputs", "Metin;Tür;Etkinlik\nC;Sorun;STK toplantısı\n", event=workshop)
    assert problems(outcome)[0][:4] == (2, "Etkinlik", "C", "STK toplantısı")
    assert "belongs to “Muhtarlar çalıştayı”" in outcome.problems[0].message


def test_two_events_with_one_title_are_told_apart_by_date(world):
    early = held_workshop(world, title="Odak grup", days_ago=20)
    held_workshop(world, title="Odak grup", days_ago=5)
    outcome = run(world, "inputs", "Metin;Tür;Etkinlik\nA;Sorun;Odak grup\n")
    assert "More than one event is called “Odak grup”; write its date" in (
        outcome.problems[0].message
    )
    day = timezone.localtime(early.starts_at).strftime("%d.%m.%Y")
    outcome = run(world, "inputs", f"Metin;Tür;Etkinlik\nA;Sorun;Odak grup ({day})\n")
    assert outcome.applied and Input.objects.get().event == early
    outcome = run(world, "inputs", f"Metin;Tür;Etkinlik\nB;Sorun;{early.pk}\n")
    assert outcome.applied


def test_an_input_of_a_cancelled_event_is_refused_by_the_service(world):
    from esitlik.participation.events import event_create

    cancelled = event_create(
        municipality=world.home,
        by=world.alice,
        kind="meeting",
        title="İptal",
        starts_at=timezone.now() - timedelta(days=3),
        status="cancelled",
    )
    outcome = run(world, "inputs", "Metin;Tür;Etkinlik\nA;Sorun;İptal\n")
    assert problems(outcome) == [
        (2, "Etkinlik", "C", "İptal", "The event was cancelled; nothing was raised at it.")
    ]
    assert cancelled.inputs.count() == 0


def test_decisions_are_imported_by_the_equality_unit_only(world):
    _aim, _objective, action = build(make_plan(world), world)
    data = (
        "Metin;Tür;Karar;Gerekçe;Faaliyetler\n"
        "A;Öneri;Plana alındı;;1.1.1\n"
        "B;Öneri;Alınmadı;Bütçe yok;\n"
        "C;Sorun;;;\n"
    )
    outcome = run(world, "inputs", data, by=world.bob)
    assert [(p.row, p.column) for p in outcome.problems] == [(2, "Karar"), (3, "Karar")]
    assert outcome.problems[0].message.startswith("Only the equality unit decides on inputs")
    outcome = run(world, "inputs", data, **ADMIN)
    assert outcome.applied, problems(outcome)
    taken, not_taken, open_ = Input.objects.order_by("id")
    assert taken.status == Input.Status.TAKEN and list(taken.actions.all()) == [action]
    assert not_taken.status == Input.Status.NOT_TAKEN
    assert not_taken.decision_reason == "Bütçe yok"
    assert open_.status == Input.Status.UNDER_REVIEW
    assert AuditEntry.objects.filter(action="participation.input.decided").exists()


def test_decision_rules_are_reported_on_their_columns(world):
    build(make_plan(world), world)
    data = (
        "Metin;Tür;Karar;Gerekçe;Faaliyetler\n"
        "A;Öneri;Kısmen;;1.1.1\n"
        "B;Öneri;;Neden;\n"
        "C;Öneri;;;1.1.1\n"
        "D;Öneri;Plana alındı;;9.9.9\n"
        "E;Öneri;Plana alındı;;\n"
    )
    outcome = run(world, "inputs", data, **ADMIN)
    found = {(p.row, p.column): p.message for p in outcome.problems}
    assert found[(2, "Gerekçe")] == "Give the reason: it is shown to the public with the decision."
    assert found[(3, "Gerekçe")].startswith("A reason goes with a decision")
    assert found[(4, "Faaliyetler")].startswith("Actions go with the decisions “Taken into")
    assert found[(5, "Faaliyetler")] == (
        "There is no action 9.9.9 in the municipality's current plans."
    )
    assert found[(6, "Faaliyetler")] == "Name the plan action(s) the input led to."
    assert not Input.objects.exists()


def test_neighbourhoods_of_inputs_are_matched_without_accents(world):
    neighbourhood(world, "Çamlıbel")
    outcome = run(world, "inputs", "Metin;Tür;Mahalle\nA;Sorun;CAMLIBEL MAHALLESI\n")
    assert outcome.applied and Input.objects.get().neighbourhood.name == "Çamlıbel"


def test_rows_are_numbered_after_a_title_and_blank_lines(world):
    data = "Çalıştay görüşleri\n\nMetin;Tür\n\nA;Sorun\n;\nB;Yanlış\n;;\n"
    outcome = run(world, "inputs", data)
    assert [(p.row, p.column) for p in outcome.problems] == [(7, "Tür")]


def test_a_file_with_headings_and_no_rows_is_refused(world):
    outcome = run(world, "inputs", "Metin;Tür\n;\n")
    assert outcome.refusal == "The file has its column headings but no rows below them."


# Workbooks ------------------------------------------------------------------------------


def test_the_input_template_has_turkish_headings_and_the_allowed_values(world):
    neighbourhood(world, "Karşıyaka")
    stakeholder(world, name="Baro")
    book = load_workbook(io.BytesIO(template_workbook("inputs", world.home)))
    data_sheet, lists = book.worksheets
    assert data_sheet.title == "Görüşler" and lists.title == "İzin verilen değerler"
    headers = [cell.value for cell in data_sheet[1]]
    assert headers[:5] == ["Metin", "Tür", "Hedef gruplar", "Tema", "Şart maddesi"]
    columns = {
        ws_col[0].value: [c.value for c in ws_col[1:] if c.value] for ws_col in lists.columns
    }
    assert columns["Tür"] == ["Sorun", "İhtiyaç", "Öneri"]
    assert "Kadınlar" in columns["Hedef gruplar"] and "Karşıyaka" in columns["Mahalle"]
    assert columns["Paydaş"] == ["Baro"]
    assert "5 Kadına yönelik şiddet" in columns["Tema"]
    assert data_sheet.data_validations.dataValidation  # drop-downs that only warn


def test_a_filled_in_template_imports(world):
    neighbourhood(world, "Karşıyaka")
    book = load_workbook(io.BytesIO(template_workbook("stakeholders", world.home)))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["Ad", "Tür", "Mahalle", "Etiketler", "Notlar"]
    sheet.append(["Kadın Kooperatifi", "Kadın örgütü", "Karşıyaka", "kooperatif", None])
    out = io.BytesIO()
    book.save(out)
    outcome = run(world, "stakeholders", out.getvalue(), name="paydaslar.xlsx")
    assert outcome.applied and Stakeholder.objects.get().neighbourhood.name == "Karşıyaka"


def test_the_problems_workbook_lists_row_column_value_and_problem(world):
    outcome = run(world, "stakeholders", "Ad;Tür\nA;=HYPERLINK(1)\n")
    book = load_workbook(io.BytesIO(problems_workbook(outcome.problems)))
    rows = list(book.active.values)
    assert rows[0] == ("Row", "Column", "Column letter", "Value", "Problem")
    assert rows[1][:4] == (2, "Tür", "B", "=HYPERLINK(1)")
    assert book.active["D2"].data_type == "s"  # text, never a formula


@pytest.mark.parametrize("kind", ["stakeholders", "inputs"])
def test_contact_people_are_not_among_the_columns(kind):
    from esitlik.participation.imports import IMPORTERS

    keys = {column.key for column in IMPORTERS[kind].columns}
    assert not keys & {"contact", "email", "phone", "e_mail"}


@pytest.mark.parametrize("kind", ["stakeholders", "inputs"])
def test_no_heading_could_mean_two_columns(kind):
    from esitlik.participation.imports import IMPORTERS

    seen = {}
    for column in IMPORTERS[kind].columns:
        for key in column.keys():
            assert seen.setdefault(key, column.key) == column.key, key


def test_every_label_in_either_language_finds_its_own_value():
    from esitlik.core.tabular import in_language, match_key
    from esitlik.participation.imports import inputs, stakeholders

    for choices in (
        stakeholders.TYPES,
        inputs.KINDS,
        inputs.TARGET_GROUPS,
        inputs.CHANNELS,
        inputs.DECISIONS,
    ):
        for value, label in choices.choices.choices:
            for language in ("tr", "en"):
                assert choices.index[match_key(in_language(label, language))] == value
