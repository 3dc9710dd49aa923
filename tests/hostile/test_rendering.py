"""Hostile text saved through the services and shown on the pages that show it (issue #9): an
action's title (plan page, printable plan, its PDF), a citizen's message sent through the
portal (the unit's list and page of inputs), a stakeholder's name, a dimension's name. The
raw markup never reaches a page; its escaped form does."""

from __future__ import annotations

import pytest
from django.urls import reverse

from esitlik.datasets.dimensions import dimension_create
from esitlik.participation.models import Input
from esitlik.plans import structure
from tests.participation.helpers import stakeholder
from tests.plans.helpers import make_plan

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RTL = "\u202eevil\u202c"
PAYLOADS = [SCRIPT, IMG]


def assert_escaped(html: str, payload: str) -> None:
    assert "<script>alert(1)" not in html
    assert "<img src=x onerror" not in html
    if payload == SCRIPT:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    else:
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


def page(client, name, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, (name, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_action_title_is_escaped_on_the_plan_pages_and_the_pdf_is_made(world, client, payload):
    plan = make_plan(world)
    aim = structure.aim_create(plan=plan, title={"tr": payload}, by=world.alice)
    objective = structure.objective_create(aim=aim, title={"tr": "Danışma"}, by=world.alice)
    structure.action_create(
        objective=objective,
        title={"tr": payload + RTL, "en": payload},
        lead_directorate=world.social,
        by=world.alice,
    )
    client.force_login(world.alice)
    slug = world.home.slug
    for name in ("plan_detail", "plan_print"):
        assert_escaped(page(client, name, slug, plan.pk), payload)
    pdf = client.get(reverse("plan_pdf", args=[slug, plan.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_citizen_message_from_the_portal_is_escaped_where_the_unit_reads_it(
    world, client, payload
):
    text = f"Parkta aydınlatma yok. {payload} {RTL}"
    response = client.post(
        reverse("portal_send", kwargs={"slug": world.home.slug}),
        {"kind": "proposal", "text": text, "target_groups": ["women"]},
    )
    assert response.status_code == 302
    item = Input.objects.get()
    assert payload in item.text  # kept as written, escaped when shown
    client.force_login(world.alice)
    slug = world.home.slug
    assert_escaped(page(client, "input_list", slug), payload)
    assert_escaped(page(client, "input_detail", slug, item.pk), payload)


def test_a_nul_byte_in_a_portal_message_is_refused_with_a_message(world, client):
    response = client.post(
        reverse("portal_send", kwargs={"slug": world.home.slug}),
        {"kind": "proposal", "text": "Parkta\x00 aydınlatma yok", "target_groups": ["women"]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not Input.objects.exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_stakeholder_name_is_escaped_on_its_pages(world, client, payload):
    organisation = stakeholder(world, name=f"Dernek {payload}")
    client.force_login(world.alice)
    slug = world.home.slug
    assert_escaped(page(client, "stakeholder_list", slug), payload)
    assert_escaped(page(client, "stakeholder_detail", slug, organisation.pk), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_dimension_name_is_escaped_on_its_page(world, client, payload):
    dimension_create(
        municipality=world.home, name=f"Hane {payload}", by=world.alice, values="Tek\nÇift"
    )
    client.force_login(world.alice)
    assert_escaped(page(client, "dataset_dimension_list", world.home.slug), payload)


def test_a_hostile_service_name_stays_text_inside_a_report_chart():
    """Report and network pages put the chart's SVG in the page as markup (``mark_safe``):
    the labels inside it must come out of vl-convert escaped."""
    from esitlik.reports import charts
    from esitlik.reports.document import Column, ColumnType, Table

    table = Table(
        id="hizmetler",
        title="Hizmetler",
        columns=[Column("service", "Hizmet"), Column("share_women", "Kadın", ColumnType.RATIO)],
        rows=[["<script>alert(1)</script>", 0.3], ['"><img src=x onerror=alert(1)>', 0.7]],
    )
    svg = charts.svg(charts.share_by(table, "service", "Hizmetler", "tr"), "tr")
    assert "<script" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg
