from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.frameworks.models import Framework
from esitlik.plans import services
from esitlik.plans.models import Commitment


def test_it_records_the_commitment_and_audits_the_changes(world):
    services.commitment_update(
        municipality=world.home,
        by=world.alice,
        charter_signed_on=date(2021, 3, 8),
        council_decision_no=" 2021/45 ",
    )
    commitment = Commitment.objects.get(municipality=world.home)
    assert commitment.council_decision_no == "2021/45"
    services.commitment_update(
        municipality=world.home, by=world.alice, council_decision_no="2021/46"
    )
    entries = AuditEntry.objects.filter(action="plans.commitment.updated").order_by("id")
    assert entries.count() == 2
    assert entries.last().changes == {"council_decision_no": {"old": "2021/45", "new": "2021/46"}}


def test_it_gives_the_first_plan_deadline_two_years_after_signing():
    assert Commitment(charter_signed_on=date(2021, 3, 8)).first_plan_due == date(2023, 3, 8)
    assert Commitment(charter_signed_on=date(2024, 2, 29)).first_plan_due == date(2026, 2, 28)
    assert Commitment().first_plan_due is None


def test_it_refuses_future_dates(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.commitment_update(
            municipality=world.home, by=world.alice, charter_signed_on=tomorrow
        )
    assert "charter_signed_on" in error.value.error_dict
    assert not Commitment.objects.exists()


def test_it_asks_instead_of_dropping_details_of_a_missing_commission(world):
    with pytest.raises(ValidationError) as error:
        services.commitment_update(
            municipality=world.home, by=world.alice, commission_exists=False, commission_women=5
        )
    assert "commission_women" in error.value.error_dict


def test_it_refuses_another_municipalitys_directorate_for_the_unit(world):
    with pytest.raises(ValidationError):
        services.commitment_update(
            municipality=world.home,
            by=world.alice,
            unit_established=True,
            unit_directorate=world.other_directorate,
        )


def test_it_shows_the_deadline_and_the_duties(world, client):
    world.home.population = 412318
    world.home.save(update_fields=["population"])
    signed = timezone.localdate() - timedelta(days=30)
    services.commitment_update(municipality=world.home, by=world.alice, charter_signed_on=signed)
    client.force_login(world.mona)
    page = client.get(reverse("commitment_detail", args=["ornek"])).content.decode()
    days = (Commitment.objects.get().first_plan_due - timezone.localdate()).days
    assert f"{days} gün kaldı" in page
    assert "Kadın ve çocuklar için konukevi açma yükümlülüğü" in page
    assert "Geçerlidir: nüfus (412.318) 100.000 eşiğinin üzerinde." in page
    assert reverse("commitment_edit", args=["ornek"]) not in page  # monitors only read


def test_it_says_a_small_town_has_no_shelter_duty_and_an_unknown_population_is_unknown(
    world, client
):
    world.home.kind, world.home.population = "town", 8000
    world.home.save(update_fields=["kind", "population"])
    client.force_login(world.alice)
    page = client.get(reverse("commitment_detail", args=["ornek"])).content.decode()
    assert "Geçerli değildir: nüfus (8.000) 100.000 eşiğinin üzerinde değil." in page
    world.home.population = None
    world.home.save(update_fields=["population"])
    page = client.get(reverse("commitment_detail", args=["ornek"])).content.decode()
    assert "Geçerli olup olmadığını görmek için belediye ayarlarına nüfusu girin." in page


def test_it_applies_the_rule_in_force_on_the_day(world):
    from esitlik.frameworks.legal_rules import evaluate

    world.home.kind, world.home.population = "district", 70000
    past = {r.rule.code: r.applies for r in evaluate(world.home, date(2010, 1, 1))}
    now = {r.rule.code: r.applies for r in evaluate(world.home, date(2025, 1, 1))}
    assert past["shelter-duty"] is True and now["shelter-duty"] is False
    world.home.kind = "metropolitan"
    assert {r.rule.code: r.applies for r in evaluate(world.home, date(2025, 1, 1))}[
        "shelter-duty"
    ] is True


def test_it_lets_the_admin_edit_through_the_form_and_explains_errors(world, client):
    client.force_login(world.alice)
    url = reverse("commitment_edit", args=["ornek"])
    charter = Framework.objects.get(code="cemr-charter", version="2022")
    response = client.post(
        url,
        {
            "charter_signed_on": "2022-05-10",
            "charter_version": charter.pk,
            "council_decision_no": "2022/7",
            "council_decision_date": "2022-05-02",
            "unit_established": "on",
            "unit_directorate": world.social.pk,
            "unit_staff": "3",
            "commission_women": "4",
        },
    )
    assert response.status_code == 200  # commission details without a commission
    assert "“Eşitlik komisyonu var” kutusunu işaretleyin" in response.content.decode()
    assert not Commitment.objects.exists()
    data = {
        "charter_signed_on": "2022-05-10",
        "charter_version": charter.pk,
        "unit_established": "on",
        "unit_directorate": world.social.pk,
        "unit_staff": "3",
        "commission_exists": "on",
        "commission_women": "4",
        "commission_men": "2",
    }
    assert client.post(url, data).status_code == 302
    page = client.get(reverse("commitment_detail", args=["ornek"])).content.decode()
    assert "4 kadın, 2 erkek" in page and "%67 kadın" in page
    assert "Sosyal Hizmetler Müdürlüğü" in page


def test_it_refuses_the_edit_page_to_everyone_but_the_admin(world, client):
    client.force_login(world.bob)
    assert client.get(reverse("commitment_edit", args=["ornek"])).status_code == 403
