from django.core import mail
from django.urls import reverse

from esitlik.core.models import Invitation, Membership, Role


def test_it_shows_members_of_this_municipality_only(world, client):
    client.force_login(world.carol)
    page = client.get(reverse("member_list", args=["ornek"])).content.decode()
    assert "alice" in page and "bob" in page
    assert "oscar" not in page
    assert reverse("member_invite", args=["ornek"]) not in page


def test_it_invites_by_email_and_lets_a_newcomer_join(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("member_invite", args=["ornek"]),
            {
                "email": "Yeni.Kisi@example.org ",
                "role": Role.FOCAL_POINT,
                "directorate": world.parks.pk,
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.directorate == world.parks
    assert len(mail.outbox) == 1 and invitation.token in mail.outbox[0].body

    client.logout()
    url = reverse("invitation_accept", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "username": "yeni",
            "first_name": "Şule",
            "last_name": "Işık",
            "password1": "uzun-ve-guclu-parola",
            "password2": "uzun-ve-guclu-parola",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/m/ornek/"
    membership = Membership.objects.get(user__username="yeni")
    assert membership.role == Role.FOCAL_POINT and membership.directorate == world.parks
    assert membership.user.email == "Yeni.Kisi@example.org"
    assert client.get("/m/ornek/").status_code == 200  # signed in
    assert client.get(url).status_code == 404  # the link works once


def test_it_requires_a_directorate_for_a_focal_point_invitation(world, client):
    client.force_login(world.alice)
    response = client.post(
        reverse("member_invite", args=["ornek"]), {"email": "a@example.org", "role": "focal_point"}
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    assert 'id="id_directorate_error"' in response.content.decode()


def test_it_rejects_weak_and_mismatched_passwords_on_joining(world, client):
    invitation = Invitation.objects.create(
        municipality=world.home, email="z@example.org", role="monitor"
    )
    url = reverse("invitation_accept", args=[invitation.token])
    response = client.post(
        url,
        {
            "username": "zz",
            "first_name": "Z",
            "last_name": "Z",
            "password1": "12345678901",
            "password2": "12345678901",
        },
    )
    assert response.status_code == 200
    response = client.post(
        url,
        {
            "username": "zz",
            "first_name": "Z",
            "last_name": "Z",
            "password1": "uzun-ve-guclu-parola",
            "password2": "baska",
        },
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user__username="zz").exists()


def test_it_lets_a_signed_in_user_join_another_municipality(world, client):
    invitation = Invitation.objects.create(
        municipality=world.home, email=world.oscar.email, role="monitor"
    )
    client.force_login(world.oscar)
    response = client.post(reverse("invitation_accept", args=[invitation.token]))
    assert response.status_code == 302
    assert Membership.objects.filter(user=world.oscar, municipality=world.home).exists()


def test_it_changes_a_role_and_removes_a_member(world, client):
    client.force_login(world.alice)
    bob = world.bob.memberships.get()
    response = client.post(
        reverse("member_edit", args=["ornek", bob.pk]), {"role": Role.COMMISSION_MEMBER}
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.role == Role.COMMISSION_MEMBER
    response = client.post(reverse("member_remove", args=["ornek", bob.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=bob.pk).exists()


def test_it_explains_why_the_last_admin_cannot_leave(world, client):
    client.force_login(world.alice)
    alice = world.alice.memberships.get()
    response = client.post(reverse("member_remove", args=["ornek", alice.pk]), follow=True)
    assert Membership.objects.filter(pk=alice.pk).exists()
    assert response.context["messages"]


def test_it_withdraws_an_invitation(world, client):
    invitation = Invitation.objects.create(
        municipality=world.home, email="q@example.org", role="monitor"
    )
    client.force_login(world.alice)
    client.post(reverse("invitation_revoke", args=["ornek", invitation.pk]))
    assert client.get(reverse("invitation_accept", args=[invitation.token])).status_code == 404


def test_it_shows_the_admin_the_invitation_link_to_send_by_hand(world, client):
    invitation = Invitation.objects.create(
        municipality=world.home, email="el@example.org", role="monitor"
    )
    client.force_login(world.alice)
    page = client.get(reverse("member_list", args=["ornek"])).content.decode()
    assert f'value="http://testserver/invitations/{invitation.token}/"' in page
    client.force_login(world.carol)
    assert (
        invitation.token not in client.get(reverse("member_list", args=["ornek"])).content.decode()
    )
