"""The network view: published figures of a network's municipalities side by side, its
exports, and the Charter observatory's export of one municipality's plan."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from esitlik.core.models import Role
from esitlik.core.services import network_create
from esitlik.frameworks.models import FrameworkItem
from esitlik.plans import structure
from esitlik.plans.models import Action
from esitlik.reports.document import Audience, Column, Report, Section, Table
from esitlik.reports.models import StoredReport
from tests.factories import MembershipFactory, MunicipalityFactory, UserFactory
from tests.plans.helpers import approve, build, make_plan


def document(municipality, *, council=(5, 31), managers=(29, 94)) -> dict:
    """A public Equality in Service report with the tables the comparison reads."""
    sex = [Column(k, k, "count") for k in ("women", "men", "rest", "total")]
    return Report(
        kind="equality-in-service",
        title="Hizmette Eşitlik Raporu 2025",
        subtitle=municipality.name,
        language="tr",
        audience=Audience.PUBLIC,
        municipality={"name": municipality.name, "slug": municipality.slug},
        period={"year": 2025},
        generated_at="2026-01-15T10:00:00+03:00",
        inputs={},
        sections=[
            Section(
                id="workforce",
                title="İşgücü",
                tables=[
                    Table(
                        "decision_makers",
                        "Karar vericiler",
                        [Column("body", "Kurul"), *sex, Column("share_women", "", "share")],
                        [
                            [
                                "Belediye meclisi",
                                council[0],
                                council[1] - council[0],
                                0,
                                council[1],
                                council[0] / council[1],
                            ],
                            [
                                "Müdürler",
                                managers[0],
                                managers[1] - managers[0],
                                "-",
                                managers[1],
                                managers[0] / managers[1],
                            ],
                        ],
                    )
                ],
            ),
            Section(
                id="capacity",
                title="Kapasite",
                tables=[
                    Table(
                        "training_coverage",
                        "Eğitim",
                        [
                            Column("role_category", ""),
                            *sex,
                            Column("workforce", ""),
                            Column("coverage", ""),
                        ],
                        [
                            ["Daire başkanı", 6, 15, "-", 21, 26, 21 / 26],
                            ["Birim personeli", 37, "c", "c", 79, 174, 79 / 174],
                        ],
                    )
                ],
            ),
            Section(
                id="budget",
                title="Bütçe",
                tables=[
                    Table(
                        "budget",
                        "Bütçe",
                        [
                            Column("tag", ""),
                            Column("lines", ""),
                            Column("planned", ""),
                            Column("actual", ""),
                            Column("share_actual", ""),
                        ],
                        [
                            ["Hedefli", 2, 100.0, 60.0, 0.06],
                            ["Ana akım", 3, 300.0, 240.0, 0.24],
                            ["Nötr", 5, 800.0, 700.0, 0.7],
                            ["Toplam", 10, 1200.0, 1000.0, 1.0],
                        ],
                    )
                ],
            ),
        ],
    ).to_dict()


def report(municipality, *, published=True, **figures):
    return StoredReport.objects.create(
        municipality=municipality,
        kind=StoredReport.Kind.EQUALITY,
        year=2025,
        language="tr",
        audience="public",
        status=StoredReport.Status.READY,
        title="Hizmette Eşitlik Raporu 2025",
        document=document(municipality, **figures),
        published_at=timezone.now() if published else None,
    )


@pytest.fixture
def network(world):
    """world.home (Örnek) with a published report and an adopted plan at 40% and 80%;
    "yesil" with an unpublished report and no plan; nina coordinates both."""
    yesil = MunicipalityFactory(name="Yeşilova Belediyesi", slug="yesil")
    MembershipFactory(user=world.nina, municipality=yesil, role=Role.NETWORK_COORDINATOR)
    report(world.home)
    report(yesil, published=False, council=(9, 10))
    plan = make_plan(world)
    article = FrameworkItem.objects.get(
        framework__code="cemr-charter", framework__version="2006", kind="article", code="13"
    )
    aim, objective, first = build(plan, world, tags=[article])
    second = structure.action_create(
        objective=objective,
        title={"tr": "İkinci"},
        lead_directorate=world.social,
        by=world.alice,
    )
    approve(plan)
    for action, progress in ((first, 40), (second, 80)):
        structure.action_report(
            action=Action.objects.get(pk=action.pk),
            by=world.alice,
            status=Action.Status.ON_TRACK,
            progress=progress,
            budget_actual=None,
        )
    return network_create(
        name="Kadın Dostu Kentler", slug="kdk", municipalities=[world.home, yesil]
    )


def test_it_compares_published_figures_side_by_side(world, client, network):
    client.force_login(world.nina)
    response = client.get(reverse("network_compare", args=["kdk"]))
    assert response.status_code == 200
    columns = response.context["comparison"].columns
    assert [c.municipality.slug for c in columns] == ["ornek", "yesil"]
    home, yesil = (c.figures for c in columns)
    assert home["women_council"].value == pytest.approx(5 / 31)
    assert (home["women_managers"].part, home["women_managers"].whole) == (29, 94)
    assert home["training_coverage"].value == pytest.approx(100 / 200)
    assert home["equality_budget"].value == pytest.approx(0.3)
    assert home["plan_progress"].value == pytest.approx(0.6)
    assert home["women_council"].year == "2025"
    # Yeşilova's report is not published and it has no adopted plan: nothing is shown.
    assert all(figure is None for figure in yesil.values())
    page = response.content.decode()
    assert "not published" in page or "yayımlanmadı" in page
    assert "%90" not in page and "<svg" in page


def test_it_leaves_out_a_coverage_whose_total_is_hidden(world, network):
    from esitlik.network.figures import compare

    stored = StoredReport.objects.get(municipality=world.home)
    stored.document["sections"][1]["tables"][0]["rows"][1][4] = "c"
    stored.save(update_fields=["document"])
    home = compare(network).columns[0].figures
    assert home["training_coverage"] is None
    assert home["women_council"] is not None


def test_it_reads_no_draft_plan(world, network):
    from esitlik.network.figures import compare

    yesil = network.municipalities.get(slug="yesil")
    from esitlik.plans import services

    services.plan_create(
        municipality=yesil, title={"tr": "Taslak"}, start_year=2025, end_year=2028, by=None
    )
    assert compare(network).columns[1].figures["plan_progress"] is None


@pytest.mark.parametrize("name", ["network_compare", "network_csv", "network_xlsx"])
def test_it_answers_404_to_anyone_outside_the_network(world, client, network, name):
    stranger = UserFactory(username="sevgi")
    other_network_member = MunicipalityFactory(name="Başka", slug="baska")
    MembershipFactory(
        user=stranger, municipality=other_network_member, role=Role.NETWORK_COORDINATOR
    )
    network_create(name="Başka ağ", slug="baska-ag", municipalities=[other_network_member])
    for user in (stranger, world.oscar, world.bob, world.mona):
        client.force_login(user)
        assert client.get(reverse(name, args=["kdk"])).status_code == 404
    assert client.get(reverse(name, args=["yok"])).status_code == 404
    client.logout()
    assert client.get(reverse(name, args=["kdk"])).status_code == 302
    client.force_login(world.alice)  # an admin of a member municipality
    assert client.get(reverse(name, args=["kdk"])).status_code == 200


def test_it_exports_the_comparison_with_numbers_as_numbers(world, client, network):
    client.force_login(world.nina)
    response = client.get(reverse("network_xlsx", args=["kdk"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    council = next(
        r
        for r in rows[1:]
        if r[0] == "Örnek Belediyesi"
        and "council" in r[1]
        or r[0] == "Örnek Belediyesi"
        and "meclis" in r[1].lower()
    )
    assert council[2] == "2025"
    assert council[3] == pytest.approx(5 / 31, abs=1e-6)
    assert (council[4], council[5]) == (5, 31)
    yesil = [r for r in rows[1:] if r[0] == "Yeşilova Belediyesi"]
    assert len(yesil) == 5 and all(r[3] is None for r in yesil)

    text = client.get(reverse("network_csv", args=["kdk"])).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) == 1 + 2 * 5
    assert any(row[0] == "Örnek Belediyesi" and row[3] == "0.6" for row in table)


def test_it_exports_a_plan_tagged_by_charter_article(world, client, network):
    client.force_login(world.nina)
    url = reverse("network_observatory_json", args=["kdk", "ornek"])
    data = json.loads(client.get(url).content)
    first, second = data["actions"]
    assert first["charter_articles"][0]["code"] == "13"
    assert (first["progress"], second["progress"]) == (40, 80)
    assert first["status"] == "on_track"
    response = client.get(reverse("network_observatory_xlsx", args=["kdk", "ornek"]))
    book = load_workbook(io.BytesIO(response.content))
    actions = list(book.worksheets[0].iter_rows(values_only=True))
    assert actions[1][4] == 40 and actions[1][2].startswith("13 ")
    # A municipality without an adopted plan, or outside the network: 404.
    assert client.get(reverse("network_observatory_json", args=["kdk", "yesil"])).status_code == 404
    assert client.get(reverse("network_observatory_json", args=["kdk", "igdir"])).status_code == 404


def test_it_lists_only_the_users_networks(world, client, network):
    client.force_login(world.nina)
    assert "Kadın Dostu Kentler" in client.get(reverse("network_list")).content.decode()
    client.force_login(world.oscar)
    assert "Kadın Dostu Kentler" not in client.get(reverse("network_list")).content.decode()


def test_a_coordinator_finds_each_network_they_coordinate_where_they_land(world, client):
    """After sign-in a coordinator lands on their municipality's dashboard (one membership)
    or on the list of their municipalities (several): both link to each network's page."""
    kdk = network_create(name="Kadın Dostu Kentler", slug="kdk", municipalities=[world.home])
    ege = network_create(name="Ege Ağı", slug="ege", municipalities=[world.home])
    network_create(name="Başka ağ", slug="baska-ag", municipalities=[world.other])
    client.force_login(world.nina)
    landed = client.get(reverse("home"), follow=True)
    assert landed.redirect_chain[-1][0] == reverse("dashboard", args=[world.home.slug])
    html = landed.content.decode()
    for network in (ege, kdk):
        link = reverse("network_compare", args=[network.slug])
        assert f'href="{link}"' in html
        assert client.get(link).status_code == 200
    assert "Ege Ağı belediyelerini karşılaştırın" in html
    assert html.index("Ege Ağı") < html.index("Kadın Dostu Kentler")
    assert reverse("network_compare", args=["baska-ag"]) not in html

    # Coordinating in a second municipality: the list of municipalities links them too.
    second = MunicipalityFactory(name="Yeşilova Belediyesi", slug="yesilova")
    MembershipFactory(user=world.nina, municipality=second, role=Role.NETWORK_COORDINATOR)
    yesil = network_create(name="Yeşil Kentler", slug="yesil", municipalities=[second])
    home = client.get(reverse("home")).content.decode()
    for network in (ege, kdk, yesil):
        assert f'href="{reverse("network_compare", args=[network.slug])}"' in home


def test_members_who_coordinate_no_network_see_no_network_link(world, client):
    network_create(name="Kadın Dostu Kentler", slug="kdk", municipalities=[world.home])
    for user in (world.alice, world.bob, world.mona):
        client.force_login(user)
        html = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
        assert "Networks you coordinate" not in html
        assert reverse("network_compare", args=["kdk"]) not in html
