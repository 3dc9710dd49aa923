from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command

from esitlik.core.models import AuditEntry
from tests.plans.helpers import approve, build


def test_focal_points_get_one_mail_with_their_late_items(plan, world, capsys):
    build(plan, world, start_date=date(2025, 1, 1), end_date=date.today() - timedelta(days=10))
    approve(plan)
    world.bob.email = "bob@ornek.bel.tr"
    world.bob.save()

    call_command("send_reminders", "--municipality", world.home.slug, "--dry-run")
    assert mail.outbox == []
    assert "bob@ornek.bel.tr — 1 item(s)" in capsys.readouterr().out

    call_command("send_reminders", "--municipality", world.home.slug)
    [message] = mail.outbox
    assert message.to == ["bob@ornek.bel.tr"]
    assert "Danışma hattı" in message.body
    assert "Gecikmiş" in message.body  # Turkish by default
    assert f"/m/{world.home.slug}/due/" in message.body
    assert AuditEntry.objects.filter(action="plans.reminders.sent").count() == 1


def test_nobody_in_another_municipality_is_reminded(plan, world):
    build(plan, world, start_date=date(2025, 1, 1), end_date=date.today() - timedelta(days=10))
    approve(plan)
    call_command("send_reminders", "--municipality", world.other.slug)
    assert mail.outbox == []


def test_focal_points_are_reminded_of_overdue_expected_data(world):
    from esitlik.datasets.expectations import expectation_create
    from esitlik.datasets.models import ImportRun

    world.bob.email = "bob@ornek.bel.tr"
    world.bob.save()
    past = date.today() - timedelta(days=3)
    expectation_create(
        municipality=world.home,
        directorate=world.social,
        kind="service_counts",
        year=2025,
        due=past,
        note="yaş gruplarıyla",
        by=None,
    )
    # Not due yet, and another directorate's: neither is in Bob's reminder.
    expectation_create(
        municipality=world.home,
        directorate=world.social,
        kind="workforce",
        year=2025,
        due=date.today() + timedelta(days=3),
        by=None,
    )
    expectation_create(
        municipality=world.home,
        directorate=world.parks,
        kind="budget",
        year=2025,
        due=past,
        by=None,
    )

    call_command("send_reminders", "--municipality", world.home.slug, "--language", "en")
    [message] = mail.outbox
    assert message.to == ["bob@ornek.bel.tr"]
    assert "1 equality plan or data item needs you" in message.subject
    assert "Service counts 2025" in message.body and "yaş gruplarıyla" in message.body
    assert "Workforce" not in message.body and "Budget" not in message.body
    assert f"/m/{world.home.slug}/data/imports/new/" in message.body

    # Once the data has landed, nobody is reminded of it.
    ImportRun.objects.create(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        directorate=world.social,
        file_name="sayilar.csv",
        file_sha256="0" * 64,
        status=ImportRun.Status.LANDED,
    )
    mail.outbox.clear()
    call_command("send_reminders", "--municipality", world.home.slug)
    assert mail.outbox == []
