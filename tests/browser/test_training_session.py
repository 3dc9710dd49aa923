"""A training session from the sign-in sheet to the coverage figure: the equality unit sees
how much of its department heads' workforce is trained, records a held session of the basic
gender equality course, ticks who attended (one person twice is still one person), adds a
newcomer on the same page, and sees the coverage go up."""

import re

from django.utils import timezone
from playwright.sync_api import Page, expect

from esitlik.core.sex import Sex
from esitlik.training.models import Attendance, StaffMember
from esitlik.training.staff import workforce_set
from tests.browser.conftest import has_horizontal_scroll, screenshot, sign_in
from tests.training.helpers import category, held_session, person, programme


def exactly(label: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(label)}:?$")


def coverage(page: Page, role: str):
    """The coverage cell of a role category's row (trained, workforce, coverage, untrained)."""
    table = page.get_by_role("table", name="Rol kategorisine göre kapsama")
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=role))
    return row.get_by_role("cell").nth(2)


def test_a_session_is_recorded_with_attendance_and_the_coverage_rises(page: Page, browser_world):
    world = browser_world
    today = timezone.localdate()
    heads = category(world)
    workforce_set(
        municipality=world.home, year=today.year, by=world.alice, figures={heads: (10, 10, 0)}
    )
    course = programme(world, title="Toplumsal Cinsiyet Eşitliği Temel Eğitimi")
    ayse = person(world, "Ayşe Yılmaz", role="daire başkanı")
    person(world, "Mehmet Kaya", sex=Sex.MAN, role="daire başkanı", directorate=world.parks)
    # Ayşe already took an earlier session of the course this year.
    held_session(world, course, days_ago=0, attendees=[ayse], title="1. grup")

    sign_in(page, "alice")
    page.get_by_role("navigation", name="Belediye").get_by_role(
        "link", name="Eğitim", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Eğitim", exact=True)).to_be_visible()
    expect(coverage(page, "Daire başkanı")).to_have_text("%5")

    page.get_by_role("navigation", name="Eğitim sayfaları").get_by_role(
        "link", name="Oturumlar"
    ).click()
    page.get_by_role("link", name="Oturum kaydet").click()
    page.get_by_label(exactly("Program")).select_option(label=course.title["tr"])
    page.get_by_label(exactly("Grup ya da oturum adı")).fill("Daire başkanları")
    page.get_by_label(exactly("İlk gün")).fill(today.isoformat())
    page.get_by_label(exactly("Saat")).fill("6")
    page.get_by_label(exactly("Durum")).select_option(label="Yapıldı")
    page.get_by_label(exactly("Düzenleyen müdürlük")).select_option(
        label="Sosyal Hizmetler Müdürlüğü"
    )
    screenshot(page, "training-session-form")
    page.get_by_role("button", name="Kaydet").click()
    expect(page.get_by_role("heading", name=re.compile("Daire başkanları"))).to_be_visible()

    page.get_by_role("link", name="Katılımı kaydet").click()
    page.get_by_label("Ayşe Yılmaz").check()
    page.get_by_label("Mehmet Kaya").check()
    newcomer = page.get_by_role("group", name=re.compile("personel listesinde olmayan"))
    newcomer.get_by_label(exactly("Adı soyadı")).fill("Zehra Demir")
    newcomer.get_by_label(exactly("Cinsiyet")).select_option(label="Kadın")
    newcomer.get_by_label(exactly("Rol kategorisi")).select_option(label="Daire başkanı")
    screenshot(page, "training-attendance")
    page.get_by_role("button", name="Katılımı kaydet").click()
    expect(page.get_by_role("status")).to_contain_text("3")

    zehra = StaffMember.objects.get(name="Zehra Demir")
    assert zehra.sex == Sex.WOMAN and zehra.role_category == heads
    assert Attendance.objects.filter(staff=zehra).count() == 1

    page.goto(f"/m/{world.home.slug}/training/")
    # Ayşe (twice), Mehmet and Zehra: three of the twenty department heads.
    expect(coverage(page, "Daire başkanı")).to_have_text("%15")
    expect(page.get_by_text(re.compile(r"3 personele"))).to_be_visible()
    assert not has_horizontal_scroll(page)
    screenshot(page, "training-summary")
