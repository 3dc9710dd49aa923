"""The training summary page and its workbook: the period filter, the sentence, the tables,
no staff names, the XLSX numbers."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from esitlik.training.models import Programme
from esitlik.training.trainers import certification_add, trainer_create
from tests.training.figures_world import trained_world
from tests.training.helpers import person

pytestmark = pytest.mark.django_db

NAMES = ("Ayşe", "Mehmet", "Zeynep", "Elif", "Deniz", "Fatma", "Hasan", "Sevgi", "Gizli")


@pytest.fixture
def trained(world):
    made = trained_world(world)
    internal = trainer_create(
        municipality=world.home,
        by=world.alice,
        staff=person(world, "Gizli Eğitmen"),
        topics=["toplumsal cinsiyet eşitliği"],
    )
    certification_add(
        trainer=internal,
        by=world.alice,
        title="Hak temelli izleme",
        issuer="CEİD",
        issued_on=date(2024, 1, 1),
        expires_on=timezone.localdate() + timedelta(days=20),
    )
    made["trainer"] = internal
    return made


def url(world, name="training_summary", query=""):
    return reverse(name, args=[world.home.slug]) + (f"?{query}" if query else "")


YEAR_2025 = "date_from=2025-01-01&date_to=2025-12-31"


def test_it_shows_the_sentence_figures_and_tables_without_names(trained, world, client):
    client.force_login(world.carol)
    response = client.get(url(world, query=YEAR_2025))
    page = response.content.decode()
    assert (
        "In 2025, 9 staff were trained: 2 department heads, 2 branch managers, 3 unit staff, "
        "1 coordinator / focal point and 1 with no role category." in page
    )
    assert "Father Support" not in page  # no English title given: the Turkish one
    assert "Baba Destek Programı reached 25 people" not in page
    assert (
        "Baba Destek Programı reached 25 men and Kadın sağlığı eğitimi reached 15 people." in page
    )
    assert (
        'lang="tr"' in page and "2025 yılında 9 personele eğitim verildi: 2 daire başkanı" in page
    )
    for heading in (
        "Staff trained by role category and sex",
        "Staff trained by directorate and sex",
        "Coverage by role category",
        "People reached by programme and sex",
        "Sessions held and hours by programme",
        "Evaluation by programme",
        "Trainers by topic",
        "Certificates to renew",
    ):
        assert heading in page
    assert "against the workforce figures of 2025" in page
    assert 'class="bar__fill"' in page and 'role="img"' in page and '<th scope="row">' in page
    # Nine people: no percentage by sex; the note says why.
    assert response.context["figures"].women_share is None
    assert "No percentage is shown where fewer than 10 people are behind it." in page
    for name in NAMES:
        assert name not in page
    # A share from 10 people in the workforce is shown: 1 of 10 women branch managers.
    assert '1 / 10 <span class="training-share">(10%)</span>' in page


def test_it_shows_a_year_by_default_and_a_chosen_year_as_dates(trained, world, client):
    client.force_login(world.alice)
    response = client.get(url(world))
    # The world's last held session is of 2025 and nothing is held this year yet.
    assert response.context["figures"].filters.date_from == date(2025, 1, 1)
    assert response.context["figures"].filters.date_to == date(2025, 12, 31)
    assert "In 2025," in response.content.decode()
    response = client.get(url(world, query="year=2025&date_from=2020-01-01"))
    form = response.context["form"]
    assert form.cleaned_data["date_from"] == date(2025, 1, 1)
    assert form["year"].value() == ""  # the list goes back to blank, the dates show
    assert response.context["figures"].people.total == 9
    assert 'value="2025-01-01"' in response.content.decode()
    everything = client.get(url(world, query="year=all"))
    assert everything.context["figures"].people.total == 10
    assert "To date, 10 staff were trained" in everything.content.decode()
    # An empty period is all time too, and the export link keeps it so.
    empty = client.get(url(world, query="date_from=&date_to="))
    assert empty.context["figures"].people.total == 10
    assert "summary.xlsx?date_from=&amp;date_to=" in empty.content.decode()


def test_turkish_dates_programme_and_topic_filter(trained, world, client):
    client.force_login(world.alice)
    response = client.get(url(world, query="date_from=01.03.2025&date_to=30.06.2025"))
    figures = response.context["figures"]
    assert figures.filters.date_from == date(2025, 3, 1) and figures.people.total == 9
    assert "Between 01.03.2025 and 30.06.2025, 9 staff" in response.content.decode()
    response = client.get(url(world, query=f"{YEAR_2025}&programme={trained['b'].pk}"))
    assert response.context["figures"].people.total == 2
    assert "2 staff were trained in Şiddetle mücadele" in response.content.decode()
    response = client.get(url(world, query=f"{YEAR_2025}&topic=Kadına yönelik şiddet"))
    assert response.context["figures"].people.total == 2
    assert "trained in “Kadına yönelik şiddet”" in response.content.decode()
    export = response.content.decode()
    assert "topic=Kad%C4%B1na+y%C3%B6nelik+%C5%9Fiddet" in export


def test_a_wrong_filter_is_named_and_the_figures_cover_all_time(trained, world, client):
    client.force_login(world.alice)
    response = client.get(url(world, query="date_from=2025-06-01&date_to=2025-01-01"))
    assert "The end of the period cannot be before its start." in response.content.decode()
    assert response.context["figures"].people.total == 10
    theirs = Programme.objects.get(municipality=world.other, audience="staff")
    response = client.get(url(world, query=f"programme={theirs.pk}"))
    assert "Choose one of this municipality&#x27;s programmes." in response.content.decode()
    response = client.get(url(world, query="date_from=31.02.2025"))
    assert "Enter a valid date." in response.content.decode()


def test_no_workforce_figures_and_no_training_are_said_plainly(world, client):
    client.force_login(world.alice)
    page = client.get(url(world, query=YEAR_2025)).content.decode()
    assert "In 2025, no staff training is on record." in page
    assert "No workforce figures are recorded up to the period" in page
    assert "No trainer is in the pool yet." in page


def test_the_menu_leads_to_training_for_internal_roles_only(trained, world, client):
    client.force_login(world.mona)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert url(world) in page
    page = client.get(url(world)).content.decode()
    assert f'<a href="{url(world)}" aria-current="page">' in page
    client.force_login(world.nina)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert url(world) not in page
    assert client.get(url(world)).status_code == 403


def rows(sheet) -> dict:
    return {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


def test_the_workbook_holds_every_table_as_numbers(trained, world, client):
    client.force_login(world.carol)
    response = client.get(url(world, "training_summary_export", YEAR_2025))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == (
        'attachment; filename="ornek-egitim-2025-01-01-2025-12-31.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Summary",
        "People by role and sex",
        "People by directorate and sex",
        "Role × directorate × sex",
        "Coverage",
        "Public reach",
        "Reach by group",
        "Sessions by programme",
        "Evaluation",
        "Trainer pool by topic",
        "Trainer certificates",
        "Certificates to renew",
    ]
    summary = rows(book["Summary"])
    assert summary["Sentence in Turkish"][0].startswith("2025 yılında 9 personele eğitim verildi")
    assert summary["Sentence in English"][0].startswith("In 2025, 9 staff were trained")
    assert summary["People trained"] == (9,) and summary["Attendances"] == (14,)
    assert summary["Training hours"] == (60,)
    assert summary["Share of women"] == (None,)  # fewer than 10 people
    assert summary["Workforce figures of the year"] == (2025,)
    assert summary["Coverage of the workforce"] == (pytest.approx(7 / 125),)
    assert book["Summary"]["B5"].value.date() == date(2025, 1, 1)
    assert book["Summary"]["B5"].number_format == "DD.MM.YYYY"
    roles = rows(book["People by role and sex"])
    assert roles["Department head"] == (1, 1, 0, 0, 2, None)
    assert roles["Unit staff"] == (1, 1, 1, 0, 3, None)
    assert roles["No role category"] == (0, 0, 0, 1, 1, None)
    assert roles["Total"] == (4, 3, 1, 1, 9, None)
    places = rows(book["People by directorate and sex"])
    assert places["Sosyal Hizmetler Müdürlüğü"] == (3, 1, 0, 1, 5, None)
    cube = list(book["Role × directorate × sex"].iter_rows(min_row=2, values_only=True))
    assert len(cube) == 9 and sum(row[6] for row in cube) == 9
    assert ("Unit staff", "No directorate", 0, 0, 1, 0, 1) in cube
    coverage = rows(book["Coverage"])
    assert coverage["Branch manager"] == (
        1,
        10,
        0.1,
        1,
        12,
        pytest.approx(1 / 12),
        0,
        1,
        None,
        2,
        23,
        pytest.approx(2 / 23),
        21,
    )
    assert coverage["Coordinator / focal point"][:3] == (1, None, None)
    assert book["Coverage"]["D2"].number_format == "0%"
    assert coverage["Workforce figures of 2025."] == (None,) * 13
    reach = rows(book["Public reach"])
    assert reach["Baba Destek Programı"] == ("The public", "AÇEV", 1, 0, 25, 0, 0, 25)
    assert reach["Total"][2:] == (2, 12, 25, 0, 3, 40)
    groups = list(book["Reach by group"].iter_rows(min_row=2, values_only=True))
    assert ("Kadın sağlığı eğitimi", "Not assigned to a group", 5) in groups
    programmes = rows(book["Sessions by programme"])
    assert programmes["Toplumsal cinsiyet eşitliği temel eğitimi"] == (
        "Municipal staff",
        2,
        10,
        0,
        9,
        12,
        60,
        0,
    )
    assert book["Sessions by programme"]["D2"].number_format == "0.0"
    evaluation = rows(book["Evaluation"])
    assert evaluation["Toplumsal cinsiyet eşitliği temel eğitimi"] == (2, 0, 45, 80, 35, 4.5)
    assert rows(book["Trainer pool by topic"])["toplumsal cinsiyet eşitliği"] == (1, 0, 1)
    renew = list(book["Certificates to renew"].iter_rows(min_row=2, values_only=True))
    assert renew[0][:2] == ("Hak temelli izleme", "CEİD") and renew[0][3] == 20
    assert renew[0][4] == trained["trainer"].pk and renew[0][5] == "Municipal staff"
    text = " ".join(
        str(value)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    for name in NAMES:
        assert name not in text


def test_the_workbook_in_turkish(trained, world, client):
    client.force_login(world.alice)
    client.cookies["django_language"] = "tr"
    response = client.get(url(world, "training_summary_export", YEAR_2025))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Özet"
    assert rows(book["Özet"])["Eğitim alan personel"] == (9,)


def test_it_opens_on_this_year_once_training_is_held_in_it(world, client):
    from tests.training.helpers import held_session, person

    today = timezone.localdate()
    held_session(world, days_ago=400, attendees=[person(world)])
    held_session(world, days_ago=(today - date(today.year, 1, 1)).days)
    client.force_login(world.alice)
    filters = client.get(url(world)).context["figures"].filters
    assert filters.date_from == date(today.year, 1, 1)


def test_it_opens_on_the_last_year_with_training_when_this_year_has_none(world, client):
    from tests.training.helpers import held_session, person

    today = timezone.localdate()
    last_year_day = date(today.year - 1, 6, 3)
    held_session(world, days_ago=(today - last_year_day).days, attendees=[person(world)])
    client.force_login(world.alice)
    response = client.get(url(world))
    filters = response.context["figures"].filters
    assert (filters.date_from, filters.date_to) == (
        date(today.year - 1, 1, 1),
        date(today.year - 1, 12, 31),
    )
    assert response.context["figures"].people.total == 1
