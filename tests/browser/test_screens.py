"""Pages that are mostly looked at: the audit log, and the README's dashboard picture."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from esitlik.core import services
from esitlik.core.models import AuditEntry, Role
from tests.browser.conftest import README_SCREENSHOTS, screenshot, sign_in
from tests.factories import DirectorateFactory, MembershipFactory, UserFactory


def test_it_lists_sign_ins_and_changes_in_the_audit_log(page: Page, browser_world):
    world = browser_world
    services.directorate_update(
        directorate=world.parks, by=world.alice, description="Kadın dostu parklar projesi."
    )
    sign_in(page, "alice")
    page.get_by_role("navigation", name="Belediye").get_by_role("link", name="İşlem kaydı").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("İşlem kaydı")
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Zaman", "Kullanıcı", "İşlem", "Öğe", "Değişiklikler"]
    )
    expect(table.get_by_role("row").filter(has_text="Giriş yapıldı")).not_to_have_count(0)
    update = table.get_by_role("row").filter(has_text="Müdürlük güncellendi")
    expect(update).to_contain_text("Park ve Bahçeler Müdürlüğü")
    expect(update).to_contain_text("Kadın dostu parklar projesi.")
    screenshot(page, "10-audit-log")


def make_the_municipality_look_lived_in(world) -> None:
    """Enough structure and people for the README picture to show what the product is for,
    with a short "recent changes" list so the picture is not cut off mid-panel."""
    alice = world.alice
    alice.first_name, alice.last_name = "Elif", "Yıldırım"
    alice.save()
    home = world.home
    kah = DirectorateFactory(
        municipality=home,
        name={"tr": "Kadın ve Aile Hizmetleri Dairesi Başkanlığı"},
        level="department",
        code="KAH",
    )
    for name, code in [
        ("İnsan Kaynakları ve Eğitim Müdürlüğü", "IK"),
        ("Kültür ve Sosyal İşler Müdürlüğü", "KS"),
    ]:
        DirectorateFactory(municipality=home, name={"tr": name}, level="directorate", code=code)
    for username, first, last, role in [
        ("zeynep", "Zeynep", "Aksoy", Role.COMMISSION_MEMBER),
        ("murat", "Murat", "Şahin", Role.COMMISSION_MEMBER),
        ("gulsen", "Gülsen", "Çelik", Role.MONITOR),
    ]:
        user = UserFactory(username=username, first_name=first, last_name=last)
        MembershipFactory(user=user, municipality=home, role=role)
    # A few things that happened, through the services so they are in the audit log.
    services.directorate_create(
        municipality=home,
        name={"tr": "Eşitlik Birimi"},
        level="unit",
        parent=kah,
        code="KAH-EB",
        by=alice,
    )
    services.directorate_update(
        directorate=world.social,
        by=world.bob,
        description="Kadın danışma hattı ve kreş hizmetleri.",
    )
    services.invitation_create(
        municipality=home, email="hatice.demir@example.org", role=Role.MONITOR, by=alice
    )


def pin_the_clock_of_the_audit_log() -> None:
    """Fixed times for the recent changes, so the picture (a tracked file) only changes when
    the page does, not on every test run."""
    start = datetime(2026, 3, 9, 9, 30, tzinfo=ZoneInfo("Europe/Istanbul"))
    # All of them: sign-ins are recorded without a municipality.
    entries = AuditEntry.objects.order_by("created_at", "id")
    for step, entry in enumerate(entries):
        AuditEntry.objects.filter(pk=entry.pk).update(
            created_at=start + timedelta(minutes=7 * step)
        )


def test_it_renders_the_readme_screenshot(page: Page, browser_world):
    make_the_municipality_look_lived_in(browser_world)
    sign_in(page, "alice")
    pin_the_clock_of_the_audit_log()
    page.reload()

    expect(page.get_by_role("heading", level=1)).to_have_text("Örnek Belediyesi")
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.locator("details.user-menu summary")).to_have_text("Elif Yıldırım")
    recent = page.get_by_role("region", name="Son değişiklikler")
    expect(recent.get_by_role("listitem")).to_have_count(3)  # sign-ins are left out
    expect(recent.get_by_role("listitem").first).to_contain_text("09.03.2026 09:44")
    assert page.viewport_size == {"width": 1280, "height": 800}

    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path: Path = README_SCREENSHOTS / "dashboard.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    assert path.stat().st_size > 10_000
