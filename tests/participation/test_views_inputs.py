"""The input pages: recording one sent in, finding it again, editing, deciding, deleting; and
the plan's action page showing the inputs behind it."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from esitlik.participation import inputs
from esitlik.participation.models import Input
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder
from tests.plans.helpers import approve, build, make_plan


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def raised(world, event=None, text="Parklarda aydınlatma yetersiz", **values):
    return inputs.input_create(
        municipality=world.home,
        by=world.alice,
        event=event or held_workshop(world),
        kind=values.pop("kind", "problem"),
        text=text,
        **values,
    )


def test_it_records_an_input_sent_in_by_a_stakeholder(world, client):
    org = stakeholder(world)
    place = neighbourhood(world)
    client.force_login(world.bob)
    day = timezone.localdate() - timedelta(days=2)
    response = client.post(
        url(world, "input_create"),
        {
            "text": "  Kreş saatleri çalışan annelere uymuyor. ",
            "kind": "need",
            "target_groups": ["women", "children"],
            "heading": "",
            "article": "",
            "neighbourhood": place.pk,
            "channel": "stakeholder",
            "stakeholder": org.pk,
            "received_on": day.strftime("%d.%m.%Y"),
        },
    )
    item = Input.objects.get()
    assert response["Location"] == url(world, "input_detail", item.pk)
    assert item.text == "Kreş saatleri çalışan annelere uymuyor."
    assert (item.channel, item.stakeholder, item.neighbourhood) == ("stakeholder", org, place)
    assert item.target_groups == ["women", "children"] and item.received_on == day
    assert item.reference == f"G-{day.year}-0001"


def test_it_names_the_field_when_an_input_is_refused(world, client):
    client.force_login(world.alice)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        url(world, "input_create"),
        {"text": " ", "kind": "problem", "channel": "survey", "received_on": "15.03.2026"},
    )
    assert response.context["form"].errors["text"] == [
        "Write what was said: an input without text cannot be followed up."
    ]
    response = client.post(
        url(world, "input_create"),
        {
            "text": "Bir şey",
            "kind": "problem",
            "channel": "survey",
            "received_on": tomorrow.isoformat(),
        },
    )
    assert response.context["form"].errors["received_on"] == [
        "An input cannot be received in the future."
    ]
    assert not Input.objects.exists()


def test_the_list_searches_the_turkish_way_and_filters(world, client):
    event = held_workshop(world)
    raised(world, event, text="IŞIKLANDIRMA yok", target_groups=["women"])
    raised(world, event, text="Kreş lazım", kind="need", target_groups=["children"])
    client.force_login(world.mona)
    page = client.get(url(world, "input_list"), {"q": "ışıklandırma"}).content.decode()
    assert "IŞIKLANDIRMA yok" in page and "Kreş lazım" not in page
    page = client.get(url(world, "input_list"), {"target_group": "children"}).content.decode()
    assert "Kreş lazım" in page and "IŞIKLANDIRMA" not in page
    page = client.get(url(world, "input_list"), {"kind": "need", "event": event.pk}).content
    assert "Kreş lazım" in page.decode() and "IŞIKLANDIRMA" not in page.decode()
    page = client.get(url(world, "input_list"), {"status": "taken"}).content.decode()
    assert "No inputs match." in page


def test_a_focal_point_edits_inputs_of_their_events_only(world, client):
    theirs = raised(world, held_workshop(world, directorate=world.social))
    others = raised(world, held_workshop(world, title="Park", directorate=world.parks))
    client.force_login(world.bob)
    page = client.get(url(world, "input_detail", theirs.pk))
    assert page.context["edit_form"] is not None and page.context["decision_form"] is None
    response = client.post(
        url(world, "input_detail", theirs.pk),
        {
            "form": "edit",
            "text": "Parklarda ve sokaklarda aydınlatma yetersiz",
            "kind": "problem",
            "target_groups": ["women", "elderly"],
            "received_on": theirs.received_on.isoformat(),
            "version": theirs.version,
        },
    )
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.target_groups == ["women", "elderly"]
    assert theirs.text.startswith("Parklarda ve sokaklarda")
    assert client.get(url(world, "input_detail", others.pk)).context["edit_form"] is None
    assert client.post(url(world, "input_detail", others.pk), {"form": "edit"}).status_code == 403
    assert client.post(url(world, "input_detail", theirs.pk), {"form": "decide"}).status_code == 403
    assert client.get(url(world, "input_delete", others.pk)).status_code == 403


def test_the_unit_takes_an_input_into_the_plan_and_the_action_shows_it(world, client):
    plan = make_plan(world)
    _, _, action = build(plan, world)
    plan = approve(plan)
    item = raised(world)
    client.force_login(world.alice)
    page = client.get(url(world, "input_detail", item.pk)).content.decode()
    assert "The decision and its reason are public" in page
    assert "Danışma hattı" in page  # offered among the plan's actions
    response = client.post(
        url(world, "input_detail", item.pk),
        {"form": "decide", "status": "not_taken", "decision_reason": "", "version": item.version},
    )
    errors = response.context["decision_form"].errors
    assert errors["decision_reason"] == [
        "Give the reason: it is shown to the public with the decision."
    ]
    response = client.post(
        url(world, "input_detail", item.pk),
        {
            "form": "decide",
            "status": "taken",
            "decision_reason": "Faaliyet 1.1.1 ile karşılanıyor.",
            "actions": [action.pk],
            "version": item.version,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "taken" and list(item.actions.all()) == [action]

    action_url = url(world, "action_edit", plan.pk, action.pk)
    page = client.get(url(world, "input_detail", item.pk)).content.decode()
    assert f'href="{action_url}"' in page
    action_page = client.get(action_url).content.decode()
    assert "Inputs behind this action" in action_page
    assert item.reference in action_page and "Parklarda aydınlatma yetersiz" in action_page
    assert url(world, "input_detail", item.pk) in action_page
    plan_page = client.get(url(world, "plan_detail", plan.pk)).content.decode()
    assert url(world, "input_detail", item.pk) in plan_page

    # A member who cannot open the action's page is sent to its row on the plan's page.
    client.force_login(world.carol)
    page = client.get(url(world, "input_detail", item.pk)).content.decode()
    assert f"{url(world, 'plan_detail', plan.pk)}#action-{action.pk}" in page
    assert page.count('name="form"') == 0


def test_deleting_asks_first_and_keeps_decided_inputs(world, client):
    item = raised(world)
    event = item.event
    client.force_login(world.alice)
    page = client.get(url(world, "input_delete", item.pk)).content.decode()
    assert "Parklarda aydınlatma yetersiz" in page
    response = client.post(url(world, "input_delete", item.pk))
    assert response["Location"] == url(world, "event_detail", event.pk)
    assert not Input.objects.exists()

    decided = raised(world, event)
    inputs.input_decide(item=decided, by=world.alice, status="not_taken", reason="Yetki dışı")
    response = client.post(url(world, "input_delete", decided.pk))
    assert "A decided input cannot be deleted" in response.content.decode()
    assert Input.objects.filter(pk=decided.pk).exists()
