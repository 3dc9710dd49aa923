"""Shared personas.

alice — equality unit admin of "home"; bob — focal point of one directorate of "home";
carol — commission member of "home"; mona — monitor of "home"; nina — network coordinator of
"home"; oscar — equality unit admin of "other", the outsider who must never see "home".
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
