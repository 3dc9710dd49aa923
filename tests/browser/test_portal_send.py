"""A citizen, without signing in, sends a proposal through the portal, keeps the reference,
and later, once the equality unit has decided, finds the decision and its reason by that
reference. The form passes axe-core."""

from playwright.sync_api import Page, expect

from esitlik.participation.inputs import input_decide
from esitlik.participation.models import Input
from tests.browser.conftest import axe_violations, screenshot

PROPOSAL = "Gençlik merkezinde kız çocukları için akşam saatlerinde spor kursu açılsın."


def test_a_citizen_sends_a_proposal_and_later_sees_its_decision(page: Page, browser_world):
    world = browser_world
    page.goto(f"/p/{world.home.slug}/")
    page.get_by_role("navigation", name="Eşitlik portalı").get_by_role(
        "link", name="Öneri gönderin"
    ).click()
    assert axe_violations(page) == []
    page.get_by_label("Öneri").check()
    page.get_by_label("Mesajınız").fill(PROPOSAL)
    screenshot(page, "portal-send")
    page.get_by_role("button", name="Gönder", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Teşekkür ederiz: mesajınız bize ulaştı"
    )
    item = Input.objects.get()
    assert item.channel == Input.Channel.PORTAL and item.text == PROPOSAL
    expect(page.get_by_role("status")).to_contain_text(item.reference)

    # The equality unit decides on it.
    input_decide(
        item=item,
        by=world.alice,
        status=Input.Status.NOT_TAKEN,
        reason="Gençlik merkezinin akşam programı 2027'de yenilenecek; öneri oraya iletildi.",
    )

    page.get_by_role("link", name="Mesajınızı izleyin").click()
    expect(page.get_by_label("Görüşünüzü takip numarasıyla arayın")).to_have_value(item.reference)
    card = page.locator("article.portal-input")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(PROPOSAL)
    expect(card).to_contain_text("Plana alınmadı")
    expect(card).to_contain_text("2027'de yenilenecek")
    screenshot(page, "portal-decision")
