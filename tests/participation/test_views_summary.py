"""The summary page and its workbook: filters, the sentence, the tables, the XLSX numbers."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from esitlik.core.dates import add_months
from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create, input_decide
from esitlik.participation.stakeholders import contact_add
from esitlik.plans import services as plan_services
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder
from tests.plans.helpers import build, make_plan


@pytest.fixture
def recorded(world):
    plan = make_plan(world)
    _, _, action = build(plan, world)
    org = stakeholder(world)
    contact_add(
        stakeholder=org,
        by=world.alice,
        name="Gizli Kişi",
        email="gizli@example.org",
        consent_date=date(2025, 1, 1),
        consent_purpose="Davet",
    )
    bar = stakeholder(world, name="İzmir Barosu", kind="bar")
    odd = neighbourhood(world, '=HYPERLINK("http://x")')
    workshop = held_workshop(
        world, women=720, men=530, plan=plan, attended=[org, bar], group_counts={"headmen": 100}
    )
    held_workshop(world, title="İkinci", women=5, men=0, days_ago=400, attended=[org])
    taken = input_create(
        municipality=world.home,
        by=world.alice,
        event=workshop,
        kind="proposal",
        text="Kreş",
        target_groups=["women", "children"],
        neighbourhood=odd,
    )
    input_decide(item=taken, by=world.alice, status="taken", actions=[action])
    input_create(
        municipality=world.home, by=world.alice, event=workshop, kind="problem", text="Yol"
    )
    return plan


def url(world, name="participation_summary", query=""):
    return reverse(name, args=[world.home.slug]) + (f"?{query}" if query else "")


def test_it_shows_the_sentence_and_every_table(recorded, world, client):
    client.force_login(world.carol)
    client.cookies["django_language"] = "en"
    page = client.get(url(world)).content.decode()
    assert "In 2024–2025" in page or "In 2025–2026" in page  # the years of the held events
    assert "2 meetings, 2 stakeholders, 1,255 participants (58% women)" in page
    assert "1 of 2 inputs was taken into the plan, 1 is under review." in page
    assert 'lang="tr"' in page and "2 toplantı, 2 paydaş, 1.255 katılımcı (%58 kadın)" in page
    for heading in ("Events by kind", "By sex", "By group", "By target group", "By neighbourhood"):
        assert heading in page
    assert "Neighbourhood headmen" in page and "Not assigned to a group" in page
    assert "Gizli" not in page
    assert 'class="bar__fill"' in page and 'role="img"' in page


def test_it_filters_by_period_and_plan(recorded, world, client):
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    page = client.get(url(world, query=f"date_from={since}&plan={recorded.pk}")).content.decode()
    assert "1 meeting, 2 stakeholders, 1,250 participants (58% women)" in page
    assert f"date_from={since}&amp;plan={recorded.pk}" in page  # the export asks for the same


def test_quick_choices_become_dates_the_form_shows(recorded, world, client):
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    today = timezone.localdate()
    response = client.get(url(world, query="quick=last_3_months"))
    first = add_months(today, -3) + timedelta(days=1)
    form = response.context["form"]
    assert form.cleaned_data["date_from"] == first and form.cleaned_data["date_to"] == today
    assert "In 3 months: 1 meeting" in response.content.decode()
    response = client.get(url(world, query="quick=this_year"))
    assert f"In {today.year}:" in response.content.decode()


def test_a_wrong_filter_is_named_and_the_figures_stay_unfiltered(recorded, world, client):
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    response = client.get(url(world, query="date_from=2026-05-01&date_to=2026-04-01"))
    page = response.content.decode()
    assert "The end of the period cannot be before its start." in page
    assert response.context["summary"].held == 2
    theirs = make_plan_of(world.other)
    page = client.get(url(world, query=f"plan={theirs.pk}")).content.decode()
    assert "Choose one of this municipality&#x27;s plans." in page


def make_plan_of(municipality):
    return plan_services.plan_create(
        municipality=municipality, title={"tr": "Plan"}, start_year=2025, end_year=2028, by=None
    )


def test_planned_and_cancelled_events_are_listed_apart(world, client):
    event_create(
        municipality=world.home,
        by=world.alice,
        kind="focus_group",
        title="Engelli kadınlarla odak grup",
        starts_at=timezone.now() + timedelta(days=5),
    )
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    response = client.get(url(world))
    page = response.content.decode()
    assert response.context["summary"].held == 0 and response.context["summary"].planned == 1
    assert "Planned and cancelled events (not counted)" in page
    assert "Engelli kadınlarla odak grup" in page
    assert "No meeting held is on record." in page


def test_the_menu_leads_to_the_summary_for_internal_roles_only(recorded, world, client):
    client.force_login(world.mona)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert url(world) in page
    page = client.get(url(world)).content.decode()
    assert f'<a href="{url(world)}" aria-current="page">' in page
    client.force_login(world.nina)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert url(world) not in page


def workbook(client, world, query="", language="en"):
    client.cookies["django_language"] = language
    response = client.get(url(world, "participation_summary_export", query))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response


def rows(sheet) -> dict:
    return {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


def test_the_workbook_holds_the_figures_as_numbers(recorded, world, client):
    client.force_login(world.bob)
    response = workbook(client, world, f"plan={recorded.pk}")
    assert response["Content-Disposition"] == 'attachment; filename="ornek-katilim-yeep-1.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Filters",
        "Summary",
        "Events",
        "Stakeholders",
        "Participants by sex",
        "Participants by group",
        "Inputs by kind",
        "Target groups",
        "YEEP headings",
        "Charter articles",
        "Neighbourhoods",
        "Decisions",
    ]
    assert rows(book["Filters"])["Plan edition"] == ("3. YEEP",)
    figures = rows(book["Summary"])
    assert figures["Events held"] == (1,) and figures["Participants"] == (1250,)
    assert figures["Share of women among participants"] == (pytest.approx(0.576),)
    assert figures["Share taken of the decided inputs"] == (1,)
    assert "1 meeting" in figures["Sentence in English"][0]
    assert "1 toplantı" in figures["Sentence in Turkish"][0]
    assert rows(book["Events"])["Workshop"] == (1, 0, 0)
    sexes = rows(book["Participants by sex"])
    assert sexes["Women"] == (720, pytest.approx(0.576)) and sexes["Men"][0] == 530
    assert book["Participants by sex"]["C2"].number_format == "0%"
    assert rows(book["Participants by group"])["Neighbourhood headmen"] == (100, 0.08)
    assert rows(book["Target groups"])["Women"] == (1, 0.5)
    assert rows(book["Decisions"])["Taken into the plan"] == (1, 0.5)
    assert rows(book["Stakeholders"])["Bar association"] == (1, 0.5)
    # A neighbourhood named like a formula stays text and is marked so Excel keeps it text.
    cell = book["Neighbourhoods"]["A2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s" and cell.quotePrefix
    # Contact people never appear.
    text = " ".join(
        str(value)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    assert "Gizli" not in text and "gizli@example.org" not in text


def test_the_workbook_reads_back_with_calamine_in_turkish(recorded, world, client):
    client.force_login(world.alice)
    response = workbook(client, world, language="tr")
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names[:3] == ["Filtreler", "Özet", "Etkinlikler"]
    sexes = book.get_sheet_by_name("Cinsiyete göre katılımcılar").to_python()
    assert sexes[0][:2] == ["Cinsiyet", "Sayı"]
    assert sexes[1][:2] == ["Kadın", 725.0]
