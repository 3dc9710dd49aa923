import re

from django.core import mail
from django.urls import reverse

from esitlik.core.models import AuditEntry
from tests.otp import sign_in_through_the_forms


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_it_signs_in_through_the_form_and_audits_it(world, client, password):
    response = sign_in_through_the_forms(client, world.alice, password)  # an admin: two steps
    assert response.status_code == 302
    assert client.get("/", follow=True).request["PATH_INFO"] == "/m/ornek/"
    assert AuditEntry.objects.filter(action="core.user.logged_in", actor=world.alice).exists()


def test_it_says_in_turkish_when_the_password_is_wrong(world, client):
    response = sign_in(client, "alice", "yanlis")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    failed = AuditEntry.objects.get(action="core.user.login_failed")
    assert failed.object_repr == "alice" and "yanlis" not in str(failed.changes)


def test_it_locks_out_after_five_failures_even_with_the_right_password(world, client, password):
    for _ in range(5):
        sign_in(client, "alice", "yanlis")
    response = sign_in(client, "alice", password)
    assert response.status_code == 429
    assert client.get("/m/ornek/").status_code == 302  # still not signed in


def test_it_does_not_lock_out_other_users_on_the_same_address(world, client, password):
    for _ in range(5):
        sign_in(client, "alice", "yanlis")
    assert sign_in(client, "bob", password).status_code == 302


def test_it_signs_out_only_by_post(world, client):
    client.force_login(world.alice)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get("/m/ornek/").status_code == 302
    assert AuditEntry.objects.filter(action="core.user.logged_out").exists()


def test_it_changes_the_password_and_audits_it(world, client, password):
    client.force_login(world.alice)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "yepyeni-guclu-parola",
            "new_password2": "yepyeni-guclu-parola",
        },
    )
    assert response.status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.check_password("yepyeni-guclu-parola")
    assert AuditEntry.objects.filter(action="core.user.password_changed").exists()


def test_it_enforces_the_password_policy(world, client, password):
    client.force_login(world.alice)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "kisa",
            "new_password2": "kisa",
        },
    )
    assert response.status_code == 200
    world.alice.refresh_from_db()
    assert world.alice.check_password(password)


def test_it_resets_a_forgotten_password_by_email(world, client):
    response = client.post(reverse("password_reset"), {"email": world.alice.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/password/reset/[^\s]+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_url = client.get(link.group(0)).url  # Django swaps the token for a session marker
    response = client.post(
        form_url,
        {
            "new_password1": "sifirlanmis-parola-1",
            "new_password2": "sifirlanmis-parola-1",
        },
    )
    assert response.status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.check_password("sifirlanmis-parola-1")
    assert AuditEntry.objects.filter(action="core.user.password_reset", actor=world.alice).exists()


def test_it_answers_the_same_for_unknown_addresses(world, client):
    known = client.post(reverse("password_reset"), {"email": world.alice.email})
    unknown = client.post(reverse("password_reset"), {"email": "kimse@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
