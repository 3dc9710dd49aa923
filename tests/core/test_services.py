import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from esitlik.core import services
from esitlik.core.models import AuditEntry, Directorate, Invitation, Membership, Role
from tests.factories import UserFactory


def last_entry():
    return AuditEntry.objects.order_by("-id").first()


def test_it_audits_a_new_directorate_with_its_values(world):
    directorate = services.directorate_create(
        municipality=world.home,
        name={"tr": "Engelli Hizmetleri Şube Müdürlüğü"},
        level=Directorate.Level.BRANCH,
        parent=world.social,
        code=" EH ",
        by=world.alice,
    )
    entry = last_entry()
    assert entry.action == "core.directorate.created"
    assert entry.actor == world.alice and entry.municipality == world.home
    assert entry.object_id == str(directorate.pk)
    assert entry.changes["code"] == {"old": None, "new": "EH"}
    assert entry.changes["parent"]["new"] == "Sosyal Hizmetler Müdürlüğü"


def test_it_records_only_the_fields_that_changed(world):
    services.directorate_update(
        directorate=world.parks,
        by=world.alice,
        name=world.parks.name,
        description="Parklar, oyun alanları",
    )
    entry = last_entry()
    assert entry.action == "core.directorate.updated"
    assert entry.changes == {"description": {"old": "", "new": "Parklar, oyun alanları"}}


def test_it_writes_nothing_when_nothing_changed(world):
    before = AuditEntry.objects.count()
    services.directorate_update(directorate=world.parks, by=world.alice, code="PB")
    assert AuditEntry.objects.count() == before


def test_it_refuses_a_directorate_under_itself_or_its_child(world):
    child = services.directorate_create(
        municipality=world.home, name={"tr": "Alt birim"}, level="unit", parent=world.social
    )
    with pytest.raises(ValidationError) as error:
        services.directorate_update(directorate=world.social, by=world.alice, parent=child)
    assert "parent" in error.value.error_dict
    world.social.refresh_from_db()
    assert world.social.parent is None


def test_it_refuses_a_parent_from_another_municipality(world):
    with pytest.raises(ValidationError):
        services.directorate_create(
            municipality=world.home,
            name={"tr": "Yeni"},
            level="branch",
            parent=world.other_directorate,
        )
    assert not Directorate.objects.filter(name__tr="Yeni").exists()


def test_it_refuses_a_duplicate_code_in_one_municipality_but_not_across(world):
    with pytest.raises(ValidationError):
        services.directorate_create(
            municipality=world.home, name={"tr": "İkinci"}, level="branch", code="SH"
        )
    services.directorate_create(
        municipality=world.other, name={"tr": "Sosyal"}, level="branch", code="SH"
    )


def test_it_needs_a_directorate_for_a_focal_point(world):
    with pytest.raises(ValidationError) as error:
        services.membership_create(
            user=UserFactory(), municipality=world.home, role=Role.FOCAL_POINT
        )
    assert "directorate" in error.value.error_dict


def test_it_refuses_a_directorate_of_another_municipality_for_a_member(world):
    with pytest.raises(ValidationError):
        services.membership_create(
            user=UserFactory(),
            municipality=world.home,
            role=Role.FOCAL_POINT,
            directorate=world.other_directorate,
        )


def test_it_keeps_at_least_one_admin(world):
    alice = world.alice.memberships.get()
    with pytest.raises(ValidationError):
        services.membership_change_role(membership=alice, role=Role.MONITOR, by=world.alice)
    with pytest.raises(ValidationError):
        services.membership_remove(membership=alice, by=world.alice)
    alice.refresh_from_db()
    assert alice.role == Role.EQUALITY_ADMIN


def test_it_audits_role_changes_and_drops_the_directorate_of_a_former_focal_point(world):
    bob = world.bob.memberships.get()
    services.membership_change_role(membership=bob, role=Role.MONITOR, by=world.alice)
    bob.refresh_from_db()
    assert bob.directorate is None
    entry = last_entry()
    assert entry.action == "core.membership.role_changed"
    assert entry.changes["role"] == {"old": "focal_point", "new": "monitor"}


def test_it_audits_removal_and_keeps_the_entry_after_the_membership_is_gone(world):
    mona = world.mona.memberships.get()
    services.membership_remove(membership=mona, by=world.alice)
    assert not Membership.objects.filter(pk=mona.pk).exists()
    entry = last_entry()
    assert entry.action == "core.membership.removed"
    assert "mona" in entry.object_repr


def test_it_sends_an_invitation_after_commit(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            municipality=world.home, email=" yeni@example.org ", role=Role.MONITOR, by=world.alice
        )
    assert invitation.email == "yeni@example.org"
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert "Örnek Belediyesi" in mail.outbox[0].subject
    assert last_entry().action == "core.invitation.created"


def test_it_refuses_to_invite_an_existing_member(world):
    with pytest.raises(ValidationError):
        services.invitation_create(
            municipality=world.home, email=world.carol.email.upper(), role="monitor", by=world.alice
        )


def test_it_accepts_an_invitation_once(world):
    invitation = services.invitation_create(
        municipality=world.home,
        email="odak@example.org",
        role=Role.FOCAL_POINT,
        directorate=world.parks,
        by=world.alice,
    )
    newcomer = UserFactory()
    membership = services.invitation_accept(invitation=invitation, user=newcomer)
    assert membership.role == Role.FOCAL_POINT and membership.directorate == world.parks
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=UserFactory())
    invitation.refresh_from_db()
    assert invitation.accepted_by == newcomer


def test_it_revokes_an_invitation(world):
    invitation = services.invitation_create(
        municipality=world.home, email="x@example.org", role="monitor", by=world.alice
    )
    services.invitation_revoke(invitation=invitation, by=world.alice)
    assert not Invitation.objects.get(pk=invitation.pk).is_open
    assert last_entry().action == "core.invitation.revoked"


def test_it_rejects_unknown_audit_codes():
    from esitlik.core.audit import audit_record

    with pytest.raises(ValueError):
        audit_record(action="core.something.invented")


def test_it_refuses_a_taken_user_name_regardless_of_case(world):
    with pytest.raises(ValidationError):
        services.user_create(username="ALICE")
