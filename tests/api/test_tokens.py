"""API tokens: shown once, only a hash kept, revoked for good, every change audited."""

import hashlib
import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

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
    page = client.post(url, {"name": "Rehber", "lifetime": "90"}).content.decode()
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


def expire(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))


def test_a_new_token_expires_after_its_lifetime_90_days_unless_chosen(world):
    membership = world.bob.memberships.get()
    before = timezone.now()
    token, _ = token_create(membership=membership, name="X", by=world.bob)
    assert before + timedelta(days=90) <= token.expires_at <= timezone.now() + timedelta(days=90)
    token, _ = token_create(membership=membership, name="Y", by=world.bob, lifetime_days=365)
    assert token.expires_at - token.created_at == pytest.approx(
        timedelta(days=365), abs=timedelta(seconds=5)
    )
    assert token.is_active


@pytest.mark.parametrize("days", [0, 7, 366, 3650])
def test_a_token_cannot_live_longer_than_a_year_or_for_ever(world, days):
    with pytest.raises(ValidationError):
        token_create(
            membership=world.bob.memberships.get(), name="X", by=world.bob, lifetime_days=days
        )
    assert not ApiToken.objects.exists()


def test_the_page_asks_for_a_lifetime_and_offers_no_never(world, client):
    client.force_login(world.bob)
    url = reverse("api_token_list", args=["ornek"])
    page = client.get(url).content.decode()
    choices = page.split('name="lifetime"')[1].split("</select>")[0]
    assert [part.split('"')[0] for part in choices.split('value="')[1:]] == [
        "30",
        "90",
        "180",
        "365",
    ]
    assert 'value="90" selected' in choices
    for refused in ("", "0", "3650", "never"):
        client.post(url, {"name": "Rehber", "lifetime": refused})
    assert not ApiToken.objects.exists()
    client.post(url, {"name": "Rehber", "lifetime": "30"})
    token = ApiToken.objects.get()
    assert token.expires_at - token.created_at == pytest.approx(
        timedelta(days=30), abs=timedelta(seconds=5)
    )


def test_an_expired_token_is_refused_exactly_like_a_revoked_or_unknown_one(world, client):
    membership = world.bob.memberships.get()
    expired, expired_raw = token_create(membership=membership, name="X", by=world.bob)
    revoked, revoked_raw = token_create(membership=membership, name="Y", by=world.bob)
    expire(expired)
    token_revoke(token=revoked, by=world.bob)
    assert token_authenticate(expired_raw) is None
    assert not ApiToken.objects.get(pk=expired.pk).is_active
    answers = [
        client.get("/api/v1/imports", **bearer(raw))
        for raw in (expired_raw, revoked_raw, "esk_" + "x" * 43)
    ]
    assert {a.status_code for a in answers} == {401}
    assert len({a.content for a in answers}) == 1
    assert {a["WWW-Authenticate"] for a in answers} == {"Bearer"}
    assert ApiToken.objects.get(pk=expired.pk).last_used_at is None


def test_the_token_tells_when_it_expires(world, client):
    token, raw = token_create(membership=world.bob.memberships.get(), name="X", by=world.bob)
    body = client.get("/api/v1/token", **bearer(raw)).json()
    assert body["expires_at"].startswith(token.expires_at.isoformat()[:16])


def test_the_page_shows_expiry_and_marks_expired_tokens(world, client):
    membership = world.bob.memberships.get()
    live, _ = token_create(membership=membership, name="Canlı", by=world.bob)
    old, _ = token_create(membership=membership, name="Eski", by=world.bob)
    expire(old)
    client.force_login(world.bob)
    page = client.get(reverse("api_token_list", args=["ornek"])).content.decode()
    row_of = {
        name: page.split(f"<td>{name}</td>")[1].split("</tr>")[0] for name in ("Canlı", "Eski")
    }
    shown = timezone.localtime(live.expires_at).strftime("%d.%m.%Y %H:%M")
    assert shown in row_of["Canlı"]
    with translation.override("tr"):
        expired = gettext("Expired")
    assert expired in row_of["Eski"] and "<button" not in row_of["Eski"]
    assert expired not in row_of["Canlı"] and "<button" in row_of["Canlı"]


def test_the_migration_gives_earlier_tokens_a_year_from_their_making_with_some_grace(world):
    migration = importlib.import_module("esitlik.api.migrations.0002_token_expiry")
    membership = world.bob.memberships.get()
    recent, _ = token_create(membership=membership, name="Yeni", by=world.bob)
    old, _ = token_create(membership=membership, name="Eski", by=world.bob)
    now = timezone.now()
    ApiToken.objects.filter(pk=recent.pk).update(
        expires_at=None, created_at=now - timedelta(days=100)
    )
    ApiToken.objects.filter(pk=old.pk).update(expires_at=None, created_at=now - timedelta(days=400))
    migration.give_existing_tokens_an_expiry(apps, None)
    recent, old = ApiToken.objects.get(pk=recent.pk), ApiToken.objects.get(pk=old.pk)
    assert recent.expires_at == recent.created_at + timedelta(days=365)
    assert now + timedelta(days=30) <= old.expires_at <= timezone.now() + timedelta(days=30)
    assert recent.is_active and old.is_active
