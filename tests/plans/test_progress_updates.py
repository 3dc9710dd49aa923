"""The reporting cycle: a focal point submits a period's figures, the equality unit approves
or returns them, approved periods are locked and reopening is audited."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from esitlik.core.models import AuditEntry
from esitlik.plans import indicators, progress
from esitlik.plans.models import IndicatorUpdate
from tests.plans.helpers import approve, build

S = IndicatorUpdate.Status


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def indicator(plan, world):
    _aim, _objective, action = build(plan, world)
    made = indicators.indicator_create(
        parent=action,
        title={"tr": "Danışmanlık alan kadın sayısı"},
        kind="outcome",
        measure="count",
        by_sex=True,
        baseline_value=D(100),
        baseline_year=2024,
        responsible_directorate=world.social,
        targets=[{"year": 2025, "women": D(150), "men": D(30)}],
        by=world.alice,
    )
    approve(plan)
    return made


def submit(indicator, world, **values):
    defaults = dict(year=2025, half=0, women=D(160), men=D(20), narrative="Hat açıldı.")
    return progress.update_save(
        indicator=indicator, by=world.bob, submit=True, **{**defaults, **values}
    )


def test_a_submitted_and_approved_period_is_locked(indicator, world):
    update = submit(indicator, world)
    assert (update.status, update.value) == (S.SUBMITTED, D(180))
    progress.update_review(update=update, by=world.alice, approve=True)
    with pytest.raises(ValidationError, match="locked"):
        submit(indicator, world, women=D(1))
    assert IndicatorUpdate.objects.get().women == D(160)


def test_returning_needs_a_comment_and_the_focal_point_can_resubmit(indicator, world):
    update = submit(indicator, world)
    with pytest.raises(ValidationError):
        progress.update_review(update=update, by=world.alice, approve=False, comment=" ")
    progress.update_review(update=update, by=world.alice, approve=False, comment="Kaynak?")
    update.refresh_from_db()
    assert update.status == S.RETURNED
    again = submit(indicator, world, version=update.version, evidence_links="https://x.org/r")
    assert again.status == S.SUBMITTED


def test_reopening_an_approved_period_is_audited_with_its_reason(indicator, world):
    update = submit(indicator, world)
    progress.update_review(update=update, by=world.alice, approve=True)
    with pytest.raises(ValidationError):
        progress.update_reopen(update=update, by=world.alice, reason="")
    progress.update_reopen(update=update, by=world.alice, reason="Yanlış sayı girilmiş")
    entry = AuditEntry.objects.get(action="plans.update.reopened")
    assert entry.changes["status"] == {"old": "approved", "new": "returned"}
    assert entry.changes["review_comment"]["new"] == "Yanlış sayı girilmiş"


def test_two_people_on_one_period_never_overwrite_each_other(indicator, world):
    first = progress.update_save(
        indicator=indicator, year=2025, half=0, by=world.bob, women=D(10), men=D(5)
    )
    seen = first.version
    progress.update_save(
        indicator=indicator, year=2025, half=0, by=world.bob, women=D(11), men=D(5), version=seen
    )
    with pytest.raises(ValidationError, match="Someone else"):
        progress.update_save(
            indicator=indicator,
            year=2025,
            half=0,
            by=world.alice,
            women=D(99),
            men=D(5),
            version=seen,
        )
    assert IndicatorUpdate.objects.get().women == D(11)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"women": None}, "women"),
        ({"women": D("1.5")}, "women"),
        ({"value": D(10)}, "value"),  # 160 + 20 women and men exceed a total of 10
        ({"evidence_links": "www.example.org"}, "evidence_links"),
    ],
)
def test_a_submission_that_does_not_fit_the_indicator_is_refused(indicator, world, values, field):
    with pytest.raises(ValidationError) as caught:
        submit(indicator, world, **values)
    assert field in caught.value.message_dict
    assert not IndicatorUpdate.objects.exists()


def test_a_period_outside_the_plan_or_in_the_future_is_refused(indicator, world):
    with pytest.raises(ValidationError, match="not a reporting period"):
        submit(indicator, world, year=2024)
    with pytest.raises(ValidationError, match="has not started"):
        submit(indicator, world, year=date.today().year + 1)


def test_the_focal_point_reports_through_the_page_and_the_unit_approves(indicator, world, client):
    client.force_login(world.bob)
    url = reverse(
        "update_period",
        kwargs={
            "slug": world.home.slug,
            "plan_id": indicator.plan_id,
            "indicator_id": indicator.pk,
            "year": 2025,
            "half": 0,
        },
    )
    evidence = SimpleUploadedFile("liste.pdf", b"%PDF-1.4 imza listesi", "application/pdf")
    response = client.post(
        url,
        {
            "women": "160",
            "men": "20",
            "narrative": "Hat açıldı",
            "submit": "1",
            "evidence_file": evidence,
        },
    )
    assert response.status_code == 302
    update = IndicatorUpdate.objects.get()
    assert (update.status, update.files.get().name) == (S.SUBMITTED, "liste.pdf")
    # bob cannot review his own submission: reviewing is the unit's.
    review = url + "review/"
    assert client.post(review, {"approve": "1", "version": update.version}).status_code == 403
    client.force_login(world.alice)
    assert client.post(review, {"approve": "1", "version": update.version}).status_code == 302
    assert IndicatorUpdate.objects.get().status == S.APPROVED
    # Once approved the focal point's form is gone, and a POST is refused.
    client.force_login(world.bob)
    assert client.post(url, {"women": "1", "men": "1", "submit": "1"}).status_code == 403
    download = reverse(
        "evidence_download",
        kwargs={
            "slug": world.home.slug,
            "plan_id": indicator.plan_id,
            "evidence_id": update.files.get().pk,
        },
    )
    assert b"imza listesi" in b"".join(client.get(download).streaming_content)


def test_a_focal_point_of_another_directorate_cannot_report(indicator, world, client):
    from tests.factories import MembershipFactory

    parks_focal = MembershipFactory(
        municipality=world.home, role="focal_point", directorate=world.parks
    ).user
    client.force_login(parks_focal)
    url = reverse(
        "update_period",
        kwargs={
            "slug": world.home.slug,
            "plan_id": indicator.plan_id,
            "indicator_id": indicator.pk,
            "year": 2025,
            "half": 0,
        },
    )
    assert client.post(url, {"women": "1", "men": "1", "submit": "1"}).status_code == 403
    assert not IndicatorUpdate.objects.exists()


def test_evidence_of_the_wrong_kind_is_refused(indicator, world):
    update = progress.update_save(indicator=indicator, year=2025, half=0, by=world.bob)
    with pytest.raises(ValidationError, match="not one"):
        progress.evidence_add(
            update=update, upload=SimpleUploadedFile("x.exe", b"MZ"), by=world.bob
        )
