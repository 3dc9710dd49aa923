"""Shared personas.

alice — equality unit admin of "home"; bob — focal point of one directorate of "home";
carol — commission member of "home"; mona — monitor of "home"; nina — network coordinator of
"home"; oscar — equality unit admin of "other", the outsider who must never see "home".

Two-step sign-in: the test client's ``force_login`` and ``login`` sign a user in the way the
real sign-in does after both steps. A user who has an authenticator device, or whose role
requires one (alice, oscar, any equality unit admin, superusers), gets a confirmed device
(made if missing) and a session verified with it, so tests of admin pages need no change.
Tests about two-step sign-in itself ask for the ``real_two_factor`` fixture, which turns
that off. Only the test client is affected: pages and the browser tests sign in for real.
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils import translation

from esitlik.core.models import Role
from tests.factories import (
    PASSWORD,
    DirectorateFactory,
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language. A request through the test client activates
    its language in the test's thread and leaves it there, so without this a test would
    inherit the language of whichever test ran before it (and pass or fail by the order)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_portal_pages():
    """Public pages are kept per process by an edition number that lives in the database; each
    test's rolled-back database starts that number again, so copies from an earlier test must
    go."""
    from esitlik.portal import caching

    caching.clear()
    yield


@pytest.fixture
def real_two_factor():
    """Ask for this to sign in through the two-step flow as production does (see above)."""
    return True


@pytest.fixture(autouse=True)
def two_factor_passed_on_force_login(request, monkeypatch):
    if "real_two_factor" in request.fixturenames:
        return
    from django.test.client import ClientMixin
    from django_otp import DEVICE_ID_SESSION_KEY

    from esitlik.core.two_factor import has_two_factor, is_required
    from tests.otp import give_authenticator

    original = ClientMixin._login

    def login_with_second_step(self, user, backend=None):
        original(self, user, backend)
        if has_two_factor(user) or is_required(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = give_authenticator(user).persistent_id
            session.save()

    monkeypatch.setattr(ClientMixin, "_login", login_with_second_step)


@dataclass
class World:
    home: object
    other: object
    social: object  # bob's directorate in home
    parks: object  # another directorate in home
    other_directorate: object
    alice: object
    bob: object
    carol: object
    mona: object
    nina: object
    oscar: object

    def user(self, role: str):
        return {
            Role.EQUALITY_ADMIN: self.alice,
            Role.FOCAL_POINT: self.bob,
            Role.COMMISSION_MEMBER: self.carol,
            Role.MONITOR: self.mona,
            Role.NETWORK_COORDINATOR: self.nina,
        }[role]


@pytest.fixture
def world(db) -> World:
    home = MunicipalityFactory(name="Örnek Belediyesi", slug="ornek", province="İzmir")
    other = MunicipalityFactory(name="Iğdır Belediyesi", slug="igdir", province="Iğdır")
    social = DirectorateFactory(
        municipality=home, name={"tr": "Sosyal Hizmetler Müdürlüğü"}, code="SH"
    )
    parks = DirectorateFactory(
        municipality=home, name={"tr": "Park ve Bahçeler Müdürlüğü"}, code="PB"
    )
    other_directorate = DirectorateFactory(
        municipality=other, name={"tr": "Fen İşleri Müdürlüğü"}, code="FI"
    )

    def member(username, municipality, role, directorate=None):
        user = UserFactory(username=username)
        MembershipFactory(user=user, municipality=municipality, role=role, directorate=directorate)
        return user

    return World(
        home=home,
        other=other,
        social=social,
        parks=parks,
        other_directorate=other_directorate,
        alice=member("alice", home, Role.EQUALITY_ADMIN),
        bob=member("bob", home, Role.FOCAL_POINT, social),
        carol=member("carol", home, Role.COMMISSION_MEMBER),
        mona=member("mona", home, Role.MONITOR),
        nina=member("nina", home, Role.NETWORK_COORDINATOR),
        oscar=member("oscar", other, Role.EQUALITY_ADMIN),
    )


@pytest.fixture
def password() -> str:
    return PASSWORD
