"""A headmen's workshop from the sign-in sheet to the plan: the equality unit records the held
workshop, types its inputs into the fast capture table with the keyboard alone, takes one into
the approved plan, and finds it again on the action's page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from esitlik.participation import inputs
from esitlik.participation.models import Event, Input
from tests.browser.conftest import has_horizontal_scroll, overflowing_elements, screenshot, sign_in
from tests.participation.helpers import held_workshop, neighbourhood, stakeholder
from tests.plans.helpers import approve, build, make_plan


def exactly(label: str) -> re.Pattern:
    """A field's label as shown, with or without Django's colon."""
    return re.compile(rf"^{re.escape(label)}:?$")


# Keys that choose the kind in its drop-down (Sorun, İhtiyaç, Öneri). Playwright sends a
# letter missing from the US layout, such as "ö", as inserted text, which a drop-down ignores;
# the arrow keys stand in for it.
PROBLEM, NEED, PROPOSAL = ["s"], ["i"], ["ArrowDown", "ArrowDown"]
INPUTS = [
    # (what was said, keys for the kind, target groups, keys for the neighbourhood)
    (
        "Parklarda akşam aydınlatması yetersiz, kadınlar yürümekten çekiniyor",
        PROBLEM,
        "kadın",
        "kar",
    ),
    ("Mahalleye kreş açılsın", PROPOSAL, "kadın, çocuk", ""),
    ("Yaşlılar için evde bakım hizmeti yok", PROBLEM, "yaşlı", "yeni"),
    ("Muhtarlıklarda kadın danışma masası kurulsun", PROPOSAL, "kadın", ""),
    ("Engelli bireyler için rampa ihtiyacı", NEED, "engelli", "kar"),
]


def test_a_workshop_is_recorded_its_inputs_typed_and_one_traced_to_an_action(
    page: Page, browser_world
):
    world = browser_world
    plan = make_plan(world)
    _, _, action = build(plan, world)
    approve(plan)
    neighbourhood(world, "Karşıyaka")
    neighbourhood(world, "Yenidoğan")
    stakeholder(world, "Karşıyaka Muhtarlığı", kind="headman")
    stakeholder(world)
    day = timezone.localdate() - timedelta(days=3)

    sign_in(page, "alice")
    page.goto(f"/m/{world.home.slug}/participation/events/")
    page.get_by_role("link", name="Etkinlik kaydet").click()
    page.get_by_label(exactly("Tür")).select_option(label="Çalıştay")
    page.get_by_label(exactly("Başlık")).fill("Muhtarlar çalıştayı")
    page.get_by_label(exactly("Durum")).select_option(label="Yapıldı")
    page.get_by_label(exactly("Plan dönemi")).select_option(label="3. YEEP")
    page.get_by_label(exactly("Tarih")).fill(day.isoformat())
    page.get_by_label(exactly("Başlangıç saati")).fill("14:00")
    page.get_by_label(exactly("Bitiş saati")).fill("17:30")
    page.get_by_label(exactly("Yer")).fill("Kültür Merkezi")
    page.get_by_label(exactly("Kadınlar")).fill("23")
    page.get_by_label(exactly("Erkek")).fill("19")
    page.get_by_label(exactly("Muhtarlar")).fill("30")
    page.locator("#id_attended").get_by_label("Karşıyaka Muhtarlığı").check()
    page.locator("#id_invited").get_by_label("Kadın Dayanışma Derneği").check()
    screenshot(page, "participation-event-form")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("Etkinlik kaydedildi.")
    expect(page.get_by_role("heading", name="Muhtarlar çalıştayı")).to_be_visible()
    expect(page.get_by_role("table", name="Cinsiyete göre 42 katılımcı")).to_be_visible()
    event = Event.objects.get(title="Muhtarlar çalıştayı")
    assert event.group_counts == {"headmen": 30}
    screenshot(page, "participation-event")

    page.get_by_role("link", name="Görüşleri gir").first.click()
    text = page.locator("#rnew-text")
    expect(text).to_be_focused()
    keyboard = page.keyboard
    for said, kind, groups, place in INPUTS:
        keyboard.type(said)
        keyboard.press("Tab")  # → kind
        for key in kind:
            keyboard.press(key)
        keyboard.press("Tab")  # → target groups
        keyboard.type(groups)
        if place:
            keyboard.press("Tab")  # → heading
            keyboard.press("Tab")  # → neighbourhood
            keyboard.type(place)
        keyboard.press("Enter")
    statuses = page.locator("[data-status]")
    expect(statuses.filter(has_text="kaydedildi")).to_have_count(len(INPUTS))
    # The cursor waits in a fresh empty row.
    last = page.locator("tr[data-capture-row]").last
    expect(last.locator("input[name=text]")).to_be_focused()
    expect(last.locator("input[name=text]")).to_have_value("")

    # A row the server refuses keeps what was typed and says why, on that row.
    keyboard.type("Kadın kooperatiflerine satış yeri")
    keyboard.press("Tab")
    keyboard.press("Tab")
    keyboard.type("uzaylı")
    keyboard.press("Enter")
    refused = page.locator("tr[data-capture-row]").nth(len(INPUTS))
    expect(refused.locator("[data-status]")).to_contain_text("Kaydedilmedi")
    expect(refused.locator(".capture__error:not(:empty)")).to_contain_text(
        "Hedef grup değil: “uzaylı”"
    )
    expect(refused.locator("input[name=target_groups]")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "participation-capture-error")
    # Back to it from the keyboard: Shift+Tab from the new row's text reaches its groups.
    for _ in range(5):
        keyboard.press("Shift+Tab")
    expect(refused.locator("input[name=target_groups]")).to_be_focused()
    keyboard.press("Control+A")
    keyboard.type("kadın")
    keyboard.press("Enter")
    expect(refused.locator("[data-status]")).to_contain_text("kaydedildi")
    expect(statuses.filter(has_text="kaydedildi")).to_have_count(len(INPUTS) + 1)

    items = list(Input.objects.filter(event=event).order_by("position"))
    assert [i.text for i in items] == [*(said for said, *_ in INPUTS), items[-1].text]
    assert [i.kind for i in items[:5]] == ["problem", "proposal", "problem", "proposal", "need"]
    assert items[1].target_groups == ["women", "children"]
    assert items[0].neighbourhood.name == "Karşıyaka"
    assert items[2].neighbourhood.name == "Yenidoğan"
    assert items[-1].target_groups == ["women"]

    page.reload()
    rows = page.locator("tr[data-capture-row]")
    expect(rows).to_have_count(len(INPUTS) + 2)
    expect(rows.nth(1).locator("input[name=target_groups]")).to_have_value("Kadınlar, Çocuklar")
    expect(rows.nth(0).locator("select[name=neighbourhood]")).to_have_value(
        str(items[0].neighbourhood_id)
    )
    expect(rows.nth(1).locator("select[name=kind]")).to_have_value("proposal")
    screenshot(page, "participation-capture")

    first = items[0]
    page.get_by_role("link", name=first.reference, exact=True).click()
    expect(page.get_by_role("heading", name=f"Sorun {first.reference}")).to_be_visible()
    page.get_by_label(exactly("Karar")).select_option(label="Plana alındı")
    page.get_by_label(exactly("Gerekçe (kamuya açık)")).fill(
        "Park aydınlatması faaliyetine eklendi."
    )
    page.locator("#id_actions").get_by_label(re.compile("Danışma hattı")).check()
    screenshot(page, "participation-input-decision")
    page.get_by_role("button", name="Kararı kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("Karar kaydedildi.")
    first.refresh_from_db()
    assert first.status == "taken" and list(first.actions.all()) == [action]

    page.get_by_role("region", name="Yol açtığı plan faaliyetleri").get_by_role(
        "link", name=re.compile("Danışma hattı")
    ).click()
    behind = page.get_by_role("region", name="Bu faaliyetin dayandığı görüşler")
    expect(behind.get_by_role("link", name=first.reference)).to_be_visible()
    expect(behind).to_contain_text("Parklarda akşam aydınlatması yetersiz")
    expect(behind.get_by_role("link", name="Muhtarlar çalıştayı")).to_be_visible()
    screenshot(page, "participation-action-inputs")


def test_fast_capture_works_without_javascript(browser, browser_world, live_server):
    """Enter submits the row's own form; the page comes back with the cursor in the empty
    row, and a refused row keeps what was typed."""
    world = browser_world
    event = held_workshop(world, directorate=world.social)
    context = browser.new_context(
        java_script_enabled=False,
        base_url=live_server.url,
        locale="tr-TR",
        viewport={"width": 1280, "height": 800},
    )
    page = context.new_page()
    page.bring_to_front()
    page.set_default_timeout(5_000)
    sign_in(page, "bob")
    page.goto(f"/m/{world.home.slug}/participation/events/{event.pk}/inputs/")
    for said in ("Kadın sığınmaevi yetersiz", "Gece otobüsü yok"):
        expect(page.locator("#rnew-text")).to_be_focused()
        page.keyboard.type(said)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.type("kadın")
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_contain_text("kaydedildi.")
    expect(page.locator("#rnew-text")).to_be_focused()
    assert list(event.inputs.values_list("text", flat=True)) == [
        "Kadın sığınmaevi yetersiz",
        "Gece otobüsü yok",
    ]

    page.keyboard.type("Çocuk oyun alanı")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("uzaylı")
    page.keyboard.press("Enter")
    new_row = page.locator("tr#new")
    expect(new_row.locator("input[name=text]")).to_have_value("Çocuk oyun alanı")
    expect(new_row.locator("input[name=target_groups]")).to_be_focused()
    expect(new_row).to_contain_text("Hedef grup değil: “uzaylı”.")
    screenshot(page, "participation-capture-no-js")
    assert event.inputs.count() == 2

    page.goto(f"/m/{world.home.slug}/participation/inputs/")
    expect(page.get_by_role("table", name="2 görüş")).to_be_visible()
    screenshot(page, "participation-inputs")
    page.get_by_role("link", name="Etkinlikler").click()
    expect(page.get_by_role("row").filter(has_text="Muhtarlar çalıştayı")).to_contain_text("2")
    screenshot(page, "participation-events")
    context.close()


@pytest.mark.browser_context_args(
    viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
)
def test_the_participation_pages_fit_a_phone(page: Page, browser_world):
    world = browser_world
    event = held_workshop(world, attended=[stakeholder(world)], minutes="Açılış konuşması.")
    item = inputs.input_create(
        municipality=world.home,
        by=world.alice,
        event=event,
        kind="proposal",
        text="Muhtarlıklarda kadın danışma masası kurulsun",
        target_groups=["women"],
    )
    sign_in(page, "alice")
    base = f"/m/{world.home.slug}/participation"
    for name, path in [
        ("events", "/events/"),
        ("event", f"/events/{event.pk}/"),
        ("event-form", f"/events/{event.pk}/edit/"),
        ("capture", f"/events/{event.pk}/inputs/"),
        ("inputs", "/inputs/"),
        ("input", f"/inputs/{item.pk}/"),
    ]:
        page.goto(base + path)
        assert not has_horizontal_scroll(page), (
            f"{path} scrolls sideways; too wide: {overflowing_elements(page)}"
        )
        screenshot(page, f"participation-phone-{name}")
