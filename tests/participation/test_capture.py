"""Fast capture: rows saved one by one, as JSON for the script and as page loads without it."""

import re

import pytest
from django.urls import reverse

from esitlik.participation.forms_fields import parse_target_groups
from esitlik.participation.models import Input
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder

JSON = {"HTTP_ACCEPT": "application/json"}


def capture_url(world, event):
    return reverse("event_capture", args=[world.home.slug, event.pk])


def row(**values):
    data = {
        "row": "new",
        "text": "Parklarda aydınlatma yok",
        "kind": "problem",
        "target_groups": "",
        "heading": "",
        "neighbourhood": "",
        "stakeholder": "",
        "input": "",
        "version": "",
    }
    data.update(values)
    return data


@pytest.mark.parametrize(
    ("text", "codes", "unknown"),
    [
        ("kadın, ÇOCUK; engelli", ["women", "children", "disabled"], []),
        ("Women, elderly people", ["women", "elderly"], []),
        ("KIZ, lgbti", ["girls", "lgbti"], []),
        ("kadın, kadınlar", ["women"], []),
        ("e, uzaylılar", [], ["e", "uzaylılar"]),
        ("", [], []),
    ],
)
def test_target_groups_are_read_from_words_in_either_language(text, codes, unknown):
    assert parse_target_groups(text) == (codes, unknown)


def test_a_row_is_saved_as_json_and_then_updated(world, client):
    event = held_workshop(world)
    place = neighbourhood(world)
    org = stakeholder(world)
    client.force_login(world.alice)
    response = client.post(
        capture_url(world, event),
        row(target_groups="kadın, yaşlı", neighbourhood=place.pk, stakeholder=org.pk),
        **JSON,
    )
    answer = response.json()
    item = Input.objects.get()
    assert answer["ok"] is True
    assert answer["id"] == item.pk and answer["reference"] == item.reference
    assert answer["message"] == f"{item.reference} saved."
    assert answer["target_groups"] == "Women, Elderly people"
    assert item.event == event and item.channel == "event"
    assert item.target_groups == ["women", "elderly"]
    assert (item.neighbourhood, item.stakeholder) == (place, org)

    response = client.post(
        capture_url(world, event),
        row(row="n3", text="Parklarda ve sokaklarda aydınlatma yok", input=item.pk, version=1),
        **JSON,
    )
    assert response.json()["version"] == 2
    item.refresh_from_db()
    assert item.text == "Parklarda ve sokaklarda aydınlatma yok" and item.target_groups == []
    assert Input.objects.count() == 1

    stale = client.post(
        capture_url(world, event), row(text="Eski", input=item.pk, version=1), **JSON
    )
    assert stale.status_code == 400
    assert "Someone else saved a change" in stale.json()["message"]


def test_a_refused_row_says_why_by_field(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    response = client.post(
        capture_url(world, event), row(text="  ", target_groups="kadın, uzaylı"), **JSON
    )
    assert response.status_code == 400
    answer = response.json()
    assert answer["ok"] is False
    assert answer["errors"]["text"] == [
        "Write what was said: an input without text cannot be followed up."
    ]
    assert answer["errors"]["target_groups"][0].startswith("Not a target group: “uzaylı”.")
    assert answer["message"].startswith("Not saved: ")
    assert not Input.objects.exists()


def test_without_javascript_enter_saves_and_returns_to_a_new_row(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    response = client.post(capture_url(world, event), row(target_groups="kadın"))
    assert response.status_code == 302
    assert response["Location"] == capture_url(world, event)
    page = client.get(response["Location"])
    html = page.content.decode()
    item = Input.objects.get()
    assert f"{item.reference} saved." in html
    assert 'value="Parklarda aydınlatma yok"' in html and 'value="Women"' in html
    # The empty row waits with the cursor in it.
    assert page.context["blank"].fields["text"].widget.attrs.get("autofocus") is True


def test_without_javascript_a_refused_row_keeps_what_was_typed(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    response = client.post(capture_url(world, event), row(text="Kreş", target_groups="uzaylı"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Kreş"' in html and 'value="uzaylı"' in html
    assert "Not a target group: “uzaylı”." in html
    assert "Not saved; see the marked fields." in html
    assert response.context["bound"].fields["target_groups"].widget.attrs.get("autofocus")


def test_a_row_of_another_event_is_not_found(world, client):
    event = held_workshop(world)
    other = held_workshop(world, title="Başka")
    client.force_login(world.alice)
    client.post(capture_url(world, other), row(), **JSON)
    theirs = Input.objects.get()
    response = client.post(
        capture_url(world, event), row(input=theirs.pk, version=1, text="Değişti"), **JSON
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.text == "Parklarda aydınlatma yok"


def test_the_page_lists_the_events_inputs_as_editable_rows(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    for text in ("Birinci", "İkinci"):
        client.post(capture_url(world, event), row(text=text), **JSON)
    html = client.get(capture_url(world, event)).content.decode()
    first, second = Input.objects.order_by("position")
    assert html.index('value="Birinci"') < html.index('value="İkinci"')
    assert f'form="f-{first.pk}"' in html and f'form="f-{second.pk}"' in html
    assert 'src="/static/esitlik/js/capture.js"' in html
    assert "<script>" not in html  # no inline script: a strict CSP is coming


def test_a_text_with_line_breaks_keeps_them_in_its_row(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    client.post(capture_url(world, event), row(text="Birinci satır\nİkinci satır"))
    html = client.get(capture_url(world, event)).content.decode()
    assert "Birinci satır\nİkinci satır</textarea>" in html


def test_a_focal_point_captures_only_at_events_they_may_change(world, client):
    theirs = held_workshop(world, directorate=world.social)
    others = held_workshop(world, title="Park", directorate=world.parks)
    client.force_login(world.bob)
    assert client.post(capture_url(world, theirs), row(), **JSON).json()["ok"] is True
    assert client.post(capture_url(world, others), row(), **JSON).status_code == 403
    client.force_login(world.carol)
    assert client.post(capture_url(world, theirs), row(), **JSON).status_code == 403
    assert Input.objects.count() == 1


def test_the_rows_show_their_chosen_neighbourhood_and_stakeholder(world, client):
    event = held_workshop(world)
    place, org = neighbourhood(world), stakeholder(world)
    neighbourhood(world, name="Yenidoğan")
    client.force_login(world.alice)
    client.post(capture_url(world, event), row(neighbourhood=place.pk, stakeholder=org.pk))
    html = client.get(capture_url(world, event)).content.decode()
    item = Input.objects.get()

    def chosen(name):
        select = re.search(
            rf'<select name="{name}"[^>]*id="r{item.pk}-{name}">(.*?)</select>', html
        )
        return re.findall(r'<option value="(\d+)" selected>', select.group(1))

    assert chosen("neighbourhood") == [str(place.pk)]
    assert chosen("stakeholder") == [str(org.pk)]
    assert chosen("heading") == []
    assert '<optgroup label="Women&#x27;s organisation">' in html
    assert "&lt;option" not in html
