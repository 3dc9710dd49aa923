import pytest

from esitlik.core.models import Role
from esitlik.core.permissions import MATRIX, Perm, can, can_edit_directorate


def test_it_defines_permissions_for_every_role():
    assert set(MATRIX) == set(Role.values)


def test_it_gives_the_admin_everything():
    assert MATRIX[Role.EQUALITY_ADMIN] == frozenset(Perm)


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.EQUALITY_ADMIN])
def test_it_keeps_member_management_and_the_audit_log_with_the_admin(role):
    assert Perm.MANAGE_MEMBERS not in MATRIX[role]
    assert Perm.VIEW_AUDIT not in MATRIX[role]
    assert Perm.MANAGE_STRUCTURE not in MATRIX[role]


def test_it_limits_the_network_coordinator_to_published_figures():
    assert MATRIX[Role.NETWORK_COORDINATOR] == frozenset({Perm.VIEW_PUBLISHED})


def test_it_lets_only_commission_members_and_admins_record_reviews():
    holders = {role for role, perms in MATRIX.items() if Perm.RECORD_REVIEW in perms}
    assert holders == {Role.EQUALITY_ADMIN, Role.COMMISSION_MEMBER}


def test_it_refuses_everything_without_a_membership():
    assert not any(can(None, perm) for perm in Perm)


def test_it_lets_a_focal_point_edit_only_their_own_directorate(world):
    bob = world.bob.memberships.get()
    assert can_edit_directorate(bob, world.social)
    assert not can_edit_directorate(bob, world.parks)
    alice = world.alice.memberships.get()
    assert can_edit_directorate(alice, world.parks)
    carol = world.carol.memberships.get()
    assert not can_edit_directorate(carol, world.social)


def test_it_lets_a_department_focal_point_answer_for_its_branches(world):
    from tests.factories import DirectorateFactory

    branch = DirectorateFactory(municipality=world.home, parent=world.social, code="SH-1")
    bob = world.bob.memberships.get()
    assert can_edit_directorate(bob, branch)
    other_branch = DirectorateFactory(municipality=world.home, parent=world.parks, code="PB-1")
    assert not can_edit_directorate(bob, other_branch)
