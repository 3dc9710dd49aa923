"""API tokens: shown once, only a hash kept, revoked for good, every change audited."""

import hashlib

from django.urls import reverse

from esitlik.api.models import ApiToken
from esitlik.api.tokens import token_authenticate, token_create, token_revoke
from esitlik.core.models import AuditEntry
from tests.api.conftest import bearer


def test_it_keeps_only_the_hash_and_a_prefix(world):
    membership = world.bob.memberships.get()
    token, raw = token_create(membership=membership, name="Rehber sistemi", by=world.bob)
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw.startswith(token.prefix) and len(token.prefix) == 12
    assert raw not in str(ApiToken.objects.values().get())


def test_it_authenticates_an_active_token_and_notes_its_use(world):
    membership = world.bob.memberships.get()
    token, raw = token_create(membership=membership, name="X", by=world.bob)
    assert token_authenticate(raw) == token
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None
    assert token_authenticate(raw + "x") is None
    assert token_authenticate("") is None


def test_it_refuses_a_revoked_token(world, client):
    membership = world.bob.memberships.get()
    token, raw = token_create(membership=membership, name="X", by=world.bob)
    token_revoke(token=token, by=world.bob)
    assert token_authenticate(raw) is None
    assert client.get("/api/v1/token", **bearer(raw)).status_code == 401


def test_it_audits_creation_and_revocation(world):
    membership = world.bob.memberships.get()
    token, _ = token_create(membership=membership, name="X", by=world.bob)
    token_revoke(token=token, by=world.bob)
    token_revoke(token=token, by=world.bob)  # twice: one entry
    entries = AuditEntry.objects.filter(object_type="api.apitoken").order_by("pk")
    assert [(e.action, e.actor, e.municipality) for e in entries] == [
        ("api.token.created", world.bob, world.home),
        ("api.token.revoked", world.bob, world.home),
    ]


def test_it_shows_a_new_token_once_on_the_page(world, client):
    client.force_login(world.bob)
    url = reverse("api_token_list", args=["ornek"])
    page = client.post(url, {"name": "Rehber"}).content.decode()
    token = ApiToken.objects.get()
    shown = page.split('<code id="new-token">')[1].split("</code>")[0]
    assert shown.startswith(token.prefix) and token_authenticate(shown) == token
    assert shown not in client.get(url).content.decode()


def test_it_lists_only_ones_own_tokens(world, client, tokens):
    client.force_login(world.bob)
    page = client.get(reverse("api_token_list", args=["ornek"])).content.decode()
    assert page.count("<code>esk_") == 1


def test_it_revokes_ones_own_token_from_the_page(world, client, tokens):
    client.force_login(world.bob)
    token = ApiToken.objects.get(membership__user=world.bob)
    response = client.post(reverse("api_token_revoke", args=["ornek", token.pk]))
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_it_answers_404_to_revoking_someone_elses_token(world, client, tokens):
    client.force_login(world.bob)
    alices = ApiToken.objects.get(membership__user=world.alice)
    oscars = ApiToken.objects.get(membership__user=world.oscar)
    for token in (alices, oscars):
        response = client.post(reverse("api_token_revoke", args=["ornek", token.pk]))
        assert response.status_code == 404
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()


def test_it_lets_every_role_manage_its_own_tokens(world, client):
    for user in (world.alice, world.bob, world.carol, world.mona, world.nina):
        client.force_login(user)
        assert client.get(reverse("api_token_list", args=["ornek"])).status_code == 200


def test_it_links_the_tokens_page_from_the_menu(world, client):
    client.force_login(world.nina)
    page = client.get(reverse("dashboard", args=["ornek"])).content.decode()
    assert f'href="{reverse("api_token_list", args=["ornek"])}"' in page
