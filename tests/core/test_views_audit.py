from django.urls import reverse
from django.utils import timezone

from esitlik.core import services
from esitlik.core.models import AuditEntry
from tests.otp import sign_in_through_the_forms


def test_it_shows_this_municipalitys_changes_with_values(world, client):
    services.directorate_update(directorate=world.parks, by=world.alice, description="Yeşil alan")
    services.directorate_update(
        directorate=world.other_directorate, by=world.oscar, description="Gizli"
    )
    client.force_login(world.alice)
    page = client.get(reverse("audit_log", args=["ornek"])).content.decode()
    assert "Müdürlük güncellendi" in page and "Yeşil alan" in page
    assert "Gizli" not in page


def test_it_filters_by_action_user_and_date(world, client):
    services.directorate_update(directorate=world.parks, by=world.alice, description="zbirz")
    services.directorate_update(directorate=world.social, by=world.bob, description="zikiz")
    client.force_login(world.alice)
    url = reverse("audit_log", args=["ornek"])
    page = client.get(url, {"actor": "bob"}).content.decode()
    assert "zikiz" in page and "zbirz" not in page
    page = client.get(url, {"action": "core.membership.created"}).content.decode()
    assert "zikiz" not in page
    entry = AuditEntry.objects.filter(changes__description__new="zbirz").get()
    day = timezone.localdate(entry.created_at).isoformat()  # filters use the local day
    assert "zbirz" in client.get(url, {"date_from": day, "date_to": day}).content.decode()
    assert (
        "zbirz"
        not in client.get(
            url, {"date_from": "2001-01-01", "date_to": "2001-01-02"}
        ).content.decode()
    )


def test_it_shows_sign_ins_of_members_but_not_of_outsiders(world, client):
    client.post(reverse("login"), {"username": "bob", "password": "correct-horse-battery"})
    client.post(reverse("login"), {"username": "oscar", "password": "correct-horse-battery"})
    client.force_login(world.alice)
    page = client.get(reverse("audit_log", args=["ornek"]), {"action": "core.user.logged_in"})
    rows = page.content.decode()
    assert "(bob)" in rows and "(oscar)" not in rows


def test_it_paginates_long_logs(world, client):
    for n in range(60):
        services.directorate_update(directorate=world.parks, by=world.alice, description=str(n))
    client.force_login(world.alice)
    response = client.get(reverse("audit_log", args=["ornek"]), {"page": 2})
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) >= 10


def test_it_names_fields_and_choices_in_the_users_language(world, client):
    bob = world.bob.memberships.get()
    services.membership_change_role(membership=bob, role="monitor", by=world.alice)
    client.force_login(world.alice)
    page = client.get(
        reverse("audit_log", args=["ornek"]), {"action": "core.membership.role_changed"}
    ).content.decode()
    assert "<dt>Rol</dt><dd>Odak kişi → İzleyici</dd>" in page
    assert "Gökçe Işıkoğlu (bob) — İzleyici" in page
    client.get(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(
        reverse("audit_log", args=["ornek"]), {"action": "core.membership.role_changed"}
    ).content.decode()
    assert "<dt>Role</dt><dd>Focal point → Monitor</dd>" in page


def test_it_keeps_sign_ins_out_of_the_dashboards_recent_changes(world, client):
    sign_in_through_the_forms(client, world.alice, "correct-horse-battery")
    services.directorate_update(directorate=world.parks, by=world.alice, description="yeni")
    recent = client.get(reverse("dashboard", args=["ornek"])).context["recent"]
    assert [entry.action for entry in recent] == ["core.directorate.updated"]


def test_it_shows_bilingual_and_list_values(world, client):
    services.directorate_create(
        municipality=world.home,
        name={"tr": "Engelli Hizmetleri", "en": "Disability Services"},
        level="branch",
        by=world.alice,
    )
    services.network_create(name="Ağ", slug="ag", municipalities=[world.home])
    client.force_login(world.alice)
    response = client.get(reverse("audit_log", args=["ornek"]))
    assert response.status_code == 200
    assert "<dt>Ad</dt><dd>— → Engelli Hizmetleri</dd>" in response.content.decode()
    assert "<dt>Düzey</dt><dd>— → Şube müdürlüğü</dd>" in response.content.decode()


def test_it_shows_failed_sign_ins_under_member_names_only(world, client):
    client.post(reverse("login"), {"username": "bob", "password": "tahmin-1"})
    client.post(reverse("login"), {"username": "oscar", "password": "tahmin-2"})
    client.post(reverse("login"), {"username": "kimse", "password": "tahmin-3"})
    client.force_login(world.alice)
    response = client.get(
        reverse("audit_log", args=["ornek"]), {"action": "core.user.login_failed"}
    )
    shown = [entry.object_repr for entry in response.context["page"]]
    assert shown == ["bob"]
