"""`esitlik create_admin`: a municipality's first equality unit admin, an existing user at once
or an invitation by e-mail (the way a new installation gets its first admin)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from esitlik.core.models import Invitation, Membership, Role
from tests.factories import UserFactory


def run(*args) -> str:
    out = StringIO()
    call_command("create_admin", *args, stdout=out)
    return out.getvalue()


def test_it_invites_an_address_and_prints_the_link(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail leaves on commit
        printed = run("--municipality", world.home.slug, "--email", "yeni@example.org")
    invitation = Invitation.objects.get(email="yeni@example.org")
    assert invitation.role == Role.EQUALITY_ADMIN and invitation.invited_by is None
    assert invitation.token in printed
    assert [m.to for m in mail.outbox] == [["yeni@example.org"]]


def test_it_makes_an_existing_user_admin(world):
    user = UserFactory(username="selin")
    assert "selin" in run("--municipality", world.home.slug, "--username", "selin")
    assert Membership.objects.get(user=user, municipality=world.home).role == (Role.EQUALITY_ADMIN)


def test_it_names_what_is_wrong(world):
    with pytest.raises(CommandError, match="yok-boyle"):
        run("--municipality", "yok-boyle", "--username", "selin")
    with pytest.raises(CommandError, match="exactly one"):
        run("--municipality", world.home.slug)
    with pytest.raises(CommandError, match="kimse"):
        run("--municipality", world.home.slug, "--username", "kimse")
