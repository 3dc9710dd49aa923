"""Two-step sign-in (TOTP): enrolment, the code step, lockout, recovery codes, the rule that
equality unit admins must use it, turning it off, and that nobody sees another's device.

Every test here signs in as production does (the ``real_two_factor`` fixture turns off the
test client's shortcut described in tests/conftest.py)."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from esitlik.core import two_factor
from esitlik.core.models import AuditEntry
from tests.factories import UserFactory
from tests.otp import app_code, give_authenticator

pytestmark = pytest.mark.usefixtures("real_two_factor")

SETUP = reverse("two_factor_setup")
VERIFY = reverse("two_factor_verify")


@pytest.fixture
def no_device_throttle(settings):
    """django-otp also slows down guesses per device (1 s, 2 s, 4 s… after each wrong code);
    tests that type a right code just after a wrong one switch that off."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def enter(client, code, next_url=""):
    return client.post(VERIFY, {"code": code, "next": next_url})


def test_an_admin_sets_up_an_authenticator_with_a_real_code(world, client, password):
    client.cookies["django_language"] = "en"  # the texts below, whatever Turkish says
    sign_in(client, "alice", password)
    response = client.get("/m/ornek/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)

    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page
    assert not re.search(r"<script(?![^>]*\bsrc=)|\sstyle=", page)  # the coming strict CSP
    assert "<h1>Two-step sign-in</h1>" in page and "needs two-step sign-in" in page
    device = TOTPDevice.objects.get(user=world.alice, confirmed=False)
    secret = two_factor.secret_groups(device)
    assert secret in page and re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{4}", secret)

    code = f"{totp(device.bin_key):06d}"
    response = client.post(SETUP, {"code": code, "next": "/m/ornek/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_recovery"))
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="core.2fa.enabled", actor=world.alice).exists()

    shown = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", shown)
    assert len(codes) == 10
    download = client.get(reverse("two_factor_recovery_download"))
    assert download["Content-Type"].startswith("text/plain")
    assert "attachment" in download["Content-Disposition"]
    assert all(code in download.content.decode() for code in codes)

    # Once kept, the codes are not shown again; the session is signed in with both steps.
    assert client.post(reverse("two_factor_recovery"), {"next": "/m/ornek/"})["Location"] == (
        "/m/ornek/"
    )
    assert client.get(reverse("two_factor_recovery_download")).status_code == 404
    assert codes[0] not in client.get(reverse("two_factor_recovery")).content.decode()
    assert client.get("/m/ornek/").status_code == 200


def test_a_wrong_code_does_not_confirm_the_authenticator(world, client):
    client.force_login(world.bob)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200 and "field--error" in response.content.decode()
    assert not two_factor.has_two_factor(world.bob)


def test_sign_in_asks_for_the_code_after_the_password(world, client, password):
    device = give_authenticator(world.bob)
    response = sign_in(client, "bob", password)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    # Not signed in yet: the password alone opens nothing.
    assert client.get("/m/ornek/")["Location"].startswith(reverse("login"))
    assert not AuditEntry.objects.filter(action="core.user.logged_in").exists()

    response = enter(client, app_code(device), "/m/ornek/")
    assert response.status_code == 302 and response["Location"] == "/m/ornek/"
    assert client.get("/m/ornek/").status_code == 200
    assert AuditEntry.objects.filter(action="core.user.logged_in", actor=world.bob).exists()


def test_a_wrong_code_is_refused_and_audited(world, client, password, no_device_throttle):
    device = give_authenticator(world.alice)
    sign_in(client, "alice", password)
    response = enter(client, "123456")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    failed = AuditEntry.objects.get(action="core.2fa.failed")
    assert failed.actor == world.alice and "123456" not in str(failed.changes)
    assert not AuditEntry.objects.filter(action="core.user.login_failed").exists()
    assert client.get("/m/ornek/").status_code == 302
    # The right code still works after a mistake.
    assert enter(client, app_code(device)).status_code == 302
    assert client.get("/m/ornek/").status_code == 200


def test_five_wrong_codes_lock_the_sign_in(world, client, password):
    device = give_authenticator(world.alice)
    sign_in(client, "alice", password)
    statuses = [enter(client, "123456").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert AuditEntry.objects.filter(action="core.2fa.failed").count() == 5
    # Locked for the cool-off time: neither the password nor the right code gets in.
    assert sign_in(client, "alice", password).status_code == 429
    assert enter(client, app_code(device)).status_code in (302, 429)
    assert client.get("/m/ornek/").status_code == 302


def test_wrong_codes_and_wrong_passwords_share_one_count(world, client, password):
    give_authenticator(world.alice)
    for _ in range(3):
        sign_in(client, "alice", "yanlis-parola")
    sign_in(client, "alice", password)
    assert enter(client, "123456").status_code == 200
    assert enter(client, "654321").status_code == 429


def test_a_recovery_code_works_once(world, client, password, no_device_throttle):
    give_authenticator(world.bob)
    codes = two_factor.two_factor_recovery_renew(user=world.bob)
    assert len(codes) == 10 and len(set(codes)) == 10

    sign_in(client, "bob", password)
    response = enter(client, two_factor.format_recovery_code(codes[0]).upper(), "/m/ornek/")
    assert response.status_code == 302
    assert client.get("/m/ornek/").status_code == 200
    assert two_factor.recovery_codes_left(world.bob) == 9
    assert AuditEntry.objects.filter(action="core.2fa.recovery_used").exists()

    client.post(reverse("logout"))
    sign_in(client, "bob", password)
    assert enter(client, codes[0]).status_code == 200
    assert client.get("/m/ornek/").status_code == 302
    assert enter(client, codes[1]).status_code == 302


ADMIN_PAGES = ["/", "/m/ornek/", "/m/ornek/members/", "/m/ornek/audit/", "/p/ornek/"]


@pytest.mark.parametrize("path", [*ADMIN_PAGES, reverse("password_change")])
def test_an_admin_without_an_authenticator_is_sent_to_set_one_up(world, client, path, password):
    sign_in(client, "alice", password)
    client.cookies["django_language"] = "en"
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert "needs two-step sign-in" in client.get(response["Location"]).content.decode()


def test_the_setup_page_sign_out_and_static_files_stay_open_to_an_admin(world, client, password):
    sign_in(client, "alice", password)
    assert client.get(SETUP).status_code == 200
    assert client.get(reverse("set_language") + "?language=en&next=/").status_code == 302
    assert client.post(reverse("logout")).status_code == 302
    assert client.get("/m/ornek/")["Location"].startswith(reverse("login"))


def test_a_superuser_without_an_authenticator_is_sent_to_set_one_up(db, client, password):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    sign_in(client, "root", password)
    assert client.get("/")["Location"].startswith(SETUP)


@pytest.mark.parametrize("username", ["bob", "carol", "mona", "nina"])
def test_other_roles_are_offered_it_but_not_sent_there(world, client, username, password):
    sign_in(client, username, password)
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert SETUP not in response.request["PATH_INFO"]
    assert f'href="{SETUP}"' in response.content.decode()  # the user menu offers it
    assert client.get(SETUP).status_code == 200


def test_the_required_roles_come_from_the_setting(world, client, password, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    sign_in(client, "alice", password)
    assert client.get("/m/ornek/").status_code == 200
    settings.TWO_FACTOR_REQUIRED_ROLES = ["focal_point"]
    client.post(reverse("logout"))
    sign_in(client, "bob", password)
    assert client.get("/m/ornek/")["Location"].startswith(SETUP)


def test_a_session_signed_in_without_the_code_is_asked_for_it(world, client):
    give_authenticator(world.alice)
    client.force_login(world.alice)  # e.g. a session from before the authenticator was added
    response = client.get("/m/ornek/members/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.get(SETUP)["Location"].startswith(VERIFY)


def _signed_in_with_code(client, user, password):
    device = give_authenticator(user)
    sign_in(client, user.username, password)
    assert enter(client, app_code(device)).status_code == 302
    return device


def test_turning_it_off_needs_the_password_and_a_code(world, client, password, no_device_throttle):
    device = _signed_in_with_code(client, world.bob, password)
    off = reverse("two_factor_disable")
    assert (
        client.post(off, {"password": "yanlis-parola", "code": app_code(device)}).status_code == 400
    )
    assert client.post(off, {"password": password, "code": "000000"}).status_code == 400
    assert client.post(off, {"password": password}).status_code == 400
    assert two_factor.has_two_factor(world.bob)
    assert AuditEntry.objects.filter(action="core.2fa.failed").count() == 2

    response = client.post(off, {"password": password, "code": app_code(device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world.bob).exists()
    assert not StaticDevice.objects.filter(user=world.bob).exists()
    assert AuditEntry.objects.filter(action="core.2fa.disabled", actor=world.bob).exists()
    assert client.get("/m/ornek/").status_code == 200  # a focal point may go without


def test_an_admin_who_turns_it_off_sets_it_up_again(world, client, password):
    device = _signed_in_with_code(client, world.alice, password)
    client.post(reverse("two_factor_disable"), {"password": password, "code": app_code(device)})
    assert client.get("/m/ornek/")["Location"].startswith(SETUP)


def test_nobody_sees_or_uses_another_users_authenticator(world, client, password):
    alices = give_authenticator(world.alice)
    two_factor.two_factor_recovery_renew(user=world.alice)
    alice_secret = two_factor.secret_groups(alices)

    client.force_login(world.bob)
    page = client.get(SETUP).content.decode()
    bobs = TOTPDevice.objects.get(user=world.bob, confirmed=False)
    assert alice_secret not in page and two_factor.secret_groups(bobs) in page
    # Alice's code does not confirm Bob's device, nor turn off or read Alice's.
    assert client.post(SETUP, {"code": app_code(alices)}).status_code == 200
    assert not two_factor.has_two_factor(world.bob)
    assert client.get(reverse("two_factor_recovery"))["Location"] == SETUP
    assert client.get(reverse("two_factor_recovery_download")).status_code == 404
    assert (
        client.post(
            reverse("two_factor_disable"), {"password": password, "code": app_code(alices)}
        )["Location"]
        == SETUP
    )
    assert two_factor.has_two_factor(world.alice)
    assert two_factor.recovery_codes_left(world.alice) == 10


def test_one_users_code_does_not_pass_anothers_code_step(world, client, password):
    alices = give_authenticator(world.alice)
    give_authenticator(world.bob)
    sign_in(client, "bob", password)
    assert enter(client, app_code(alices)).status_code == 200
    assert client.get("/m/ornek/").status_code == 302


def test_the_code_step_without_a_password_step_goes_to_sign_in(world, client):
    give_authenticator(world.alice)
    assert client.get(VERIFY)["Location"] == reverse("login")
    assert enter(client, "123456")["Location"] == reverse("login")


def test_the_code_step_does_not_send_anyone_off_site(world, client, password):
    device = give_authenticator(world.bob)
    sign_in(client, "bob", password)
    assert enter(client, app_code(device), "https://evil.example/")["Location"] == "/"


def test_the_test_clients_shortcut_is_off_here(world, client):
    client.force_login(world.alice)
    assert not TOTPDevice.objects.filter(user=world.alice).exists()
    assert client.get("/m/ornek/")["Location"].startswith(SETUP)


def test_the_demo_requires_it_of_nobody(tmp_path):
    from esitlik.cli import prepare_demo_environment
    from esitlik.env import Env

    environ = {"ESITLIK_DATA_DIR": str(tmp_path)}
    prepare_demo_environment(environ)
    assert environ["ESITLIK_2FA_REQUIRED_ROLES"] == "none"
    raw = Env(environ).list("ESITLIK_2FA_REQUIRED_ROLES", default=["equality_admin"])
    assert [role for role in raw if role.lower() != "none"] == []
