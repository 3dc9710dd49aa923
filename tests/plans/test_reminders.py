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
