from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from esitlik.core.audit import audit_record
from esitlik.core.models import AuditEntry
from esitlik.participation.inputs import input_create
from esitlik.participation.models import Input
from esitlik.privacy.retention import retain


def test_it_blanks_old_ip_addresses_and_keeps_recent_ones(world, settings):
    settings.RETAIN_AUDIT_IP_DAYS = 365
    old = audit_record(action="core.user.logged_in", actor=world.alice)
    recent = audit_record(action="core.user.logged_in", actor=world.alice)
    AuditEntry.objects.filter(pk=old.pk).update(
        ip_address="203.0.113.7", created_at=timezone.now() - timedelta(days=400)
    )
    AuditEntry.objects.filter(pk=recent.pk).update(ip_address="203.0.113.8")
    done = retain()
    assert done["audit_ip_addresses"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None and recent.ip_address == "203.0.113.8"
    assert AuditEntry.objects.filter(action="privacy.retention.applied").exists()


def test_zero_keeps_ip_addresses(world, settings):
    settings.RETAIN_AUDIT_IP_DAYS = 0
    entry = audit_record(action="core.user.logged_in", actor=world.alice)
    AuditEntry.objects.filter(pk=entry.pk).update(
        ip_address="203.0.113.7", created_at=timezone.now() - timedelta(days=4000)
    )
    retain()
    entry.refresh_from_db()
    assert entry.ip_address == "203.0.113.7"


def test_it_removes_the_text_of_old_declined_citizen_messages(world, settings):
    settings.RETAIN_DECLINED_INPUT_DAYS = 730
    item = input_create(
        municipality=world.home, by=None, kind="need", text="Adım Ayşe, 0532 123 45 67"
    )
    kept = input_create(municipality=world.home, by=None, kind="need", text="Yeni mesaj")
    Input.objects.filter(pk__in=[item.pk, kept.pk]).update(
        channel=Input.Channel.PORTAL, status=Input.Status.NOT_TAKEN
    )
    Input.objects.filter(pk=item.pk).update(decided_at=timezone.now() - timedelta(days=800))
    Input.objects.filter(pk=kept.pk).update(decided_at=timezone.now() - timedelta(days=10))
    assert retain()["declined_input_texts"] == 1
    item.refresh_from_db()
    kept.refresh_from_db()
    assert "0532" not in item.text and kept.text == "Yeni mesaj"
    assert item.reference and item.status == Input.Status.NOT_TAKEN


def test_upkeep_applies_the_retention_periods(world, settings):
    settings.RETAIN_AUDIT_IP_DAYS = 30
    entry = audit_record(action="core.user.logged_in", actor=world.alice)
    AuditEntry.objects.filter(pk=entry.pk).update(
        ip_address="203.0.113.7", created_at=timezone.now() - timedelta(days=31)
    )
    call_command("upkeep", verbosity=0)
    entry.refresh_from_db()
    assert entry.ip_address is None
