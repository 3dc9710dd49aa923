"""Walks every URL pattern and proves a user of another municipality gets nothing.

A new URL pattern must be classified here: either it lives under /m/<slug>/ (and is then
checked automatically with the other municipality's objects), or it is listed in OPEN with a
reason. An unclassified pattern fails the suite.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from esitlik.api.tokens import token_create
from esitlik.core.models import Membership
from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.dimensions import dimension_create
from esitlik.datasets.expectations import expectation_create
from esitlik.datasets.models import ColumnMapping, ImportRun
from esitlik.frameworks import services
from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create
from esitlik.participation.models import EventAttachment
from esitlik.participation.stakeholders import contact_add, stakeholder_create
from esitlik.plans import indicators, structure
from esitlik.plans import services as plan_services
from esitlik.plans.models import Evidence, IndicatorUpdate
from esitlik.privacy import services as privacy_services
from esitlik.training.programmes import programme_create
from esitlik.training.sessions import attendance_add, session_create
from esitlik.training.staff import staff_create
from esitlik.training.trainers import certification_add, trainer_create
from tests.factories import InvitationFactory
from tests.reports.helpers import ready_report

NETWORK_MEMBERS = "network.access: 404 unless a coordinator or admin of a member (tests/network)"

# Patterns that name no municipality, and why that is safe.
OPEN = {
    "home": "lists only the signed-in user's own memberships",
    "healthz": "returns a constant",
    "login": "authentication",
    "logout": "authentication",
    "password_change": "acts on the signed-in user only",
    "password_change_done": "static confirmation",
    "two_factor_verify": "the code step of whoever just gave their password, their devices only",
    "two_factor_setup": "the signed-in user's own authenticator (tests/core/test_two_factor.py)",
    "two_factor_recovery": "the signed-in user's own recovery codes",
    "two_factor_recovery_download": "codes just made for the signed-in user, from the session",
    "two_factor_disable": "the signed-in user's own devices, with password and code",
    "password_reset": "answers the same whether or not the address exists",
    "password_reset_done": "static confirmation",
    "password_reset_confirm": "needs a signed token for one user",
    "password_reset_complete": "static confirmation",
    "set_language": "stores a language preference",
    "invitation_accept": "needs an unguessable token; used or expired ones are 404",
    "network_list": "lists only the networks of the signed-in user's memberships",
    "network_compare": NETWORK_MEMBERS,
    "network_csv": NETWORK_MEMBERS,
    "network_xlsx": NETWORK_MEMBERS,
    "network_observatory_json": "network.access, then a member of that network (tests/network)",
    "network_observatory_xlsx": "network.access, then a member of that network (tests/network)",
}

# The public portal (/p/ and /p/<slug>/...): no sign-in by design, published content only
# (tests/portal). Under its slug it must never show another municipality's objects:
# test_it_answers_404_on_the_portal_for_another_municipalitys_objects.
PUBLIC = {
    "portal_index": "lists municipalities' names and links only",
    "portal_home": "the municipality's published commitment and legal duties",
    "portal_plan": "the adopted plan only, never a draft",
    "portal_indicators": "approved values of the adopted plan only",
    "portal_indicator_chart": "an indicator of this municipality's adopted plan, else 404",
    "portal_reports": "published public reports only",
    "portal_report_download": "a published public report of this municipality, else 404",
    "portal_inputs": "inputs with identifiers masked, no names of who raised them",
    "portal_send": "a citizen's form: writes one input to this municipality, reads nothing",
    "portal_sent": "one input of this municipality found by its reference, else 404",
    "portal_figures": "figures after disclosure control",
    "portal_data": "a list of the open-data tables",
    "portal_datapackage": "the open-data tables' descriptions",
    "portal_data_csv": "a published table of this municipality",
    "portal_data_json": "a published table of this municipality",
}


# The JSON API (/api/v1/): its addresses name a municipality as {municipality}, not slug, so
# the walker above does not reach them. Public reads show published data of any municipality;
# token endpoints act only inside the token's municipality. Both are checked endpoint by
# endpoint in tests/api/test_isolation.py (another municipality's id is the same 404 as a
# missing one; a token never reads or writes another municipality's data).
API_PUBLIC = (
    "api_municipality_list",
    "api_municipality_detail",
    "api_plan_list",
    "api_plan_detail",
    "api_indicator_list",
    "api_report_list",
    "api_report_download",
    "api_input_list",
)
API_TOKEN = (
    "api_token_detail",
    "api_import_list",
    "api_import_detail",
    "api_service_counts_push",
    "api_action_progress",
)
OPEN.update(
    {
        **{name: "API, public: published data only (tests/api)" for name in API_PUBLIC},
        **{name: "API, token: the token's municipality only (tests/api)" for name in API_TOKEN},
        "openapi-json": "the API's OpenAPI document, the same for everyone",
        "openapi-view": "the API's documentation page, the same for everyone",
        "api_not_found": "the API's 404 body for any other address under /api/v1/",
        "api_index": "links to the API's document and documentation page",
        "api-root": "ninja's own /api/v1/, shadowed by api_index",
    }
)


@dataclass(frozen=True)
class Route:
    """A named URL with every keyword of its full path, the included prefixes' too."""

    name: str
    converters: frozenset[str]


def named_patterns(resolver=None, inherited=frozenset()):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        converters = inherited | set(entry.pattern.converters)
        if isinstance(entry, URLResolver):
            yield from named_patterns(entry, converters)
        elif isinstance(entry, URLPattern) and entry.name:
            yield Route(entry.name, frozenset(converters))


def tenant_patterns():
    return [p for p in named_patterns() if "slug" in p.converters and p.name not in PUBLIC]


def object_kwargs(world, municipality):
    """Ids of real objects in ``municipality`` for every URL keyword the app uses."""
    invitation = InvitationFactory(municipality=municipality)
    tag_set = services.tag_set_create(
        municipality=municipality, title={"tr": f"Etiketler {municipality.slug}"}, by=None
    )
    tag = services.tag_create(framework=tag_set, code="E1", title={"tr": "Etiket"}, by=None)
    plan = plan_services.plan_create(
        municipality=municipality, title={"tr": "Plan"}, start_year=2025, end_year=2028, by=None
    )
    aim = structure.aim_create(plan=plan, title={"tr": "Amaç"}, by=None)
    objective = structure.objective_create(aim=aim, title={"tr": "Hedef"}, by=None)
    action = structure.action_create(
        objective=objective,
        title={"tr": "Faaliyet"},
        by=None,
        lead_directorate=municipality.directorates.first(),
    )
    indicator = indicators.indicator_create(
        parent=action, title={"tr": "Gösterge"}, kind="outcome", measure="count", by=None
    )
    # Evidence belongs to an update of an approved plan; made directly here because only its
    # address matters to this test.
    update = IndicatorUpdate.objects.create(indicator=indicator, year=2025, half=0)
    evidence = Evidence(update=update, name="kanit.pdf")
    evidence.file.save("kanit.pdf", ContentFile(b"%PDF-1.4"), save=True)
    member = Membership.objects.filter(municipality=municipality).first()
    directorate = municipality.directorates.first()
    neighbourhood = neighbourhood_create(municipality=municipality, name="Merkez", by=None)
    stakeholder = stakeholder_create(
        municipality=municipality, name="Dernek", kind="ngo", neighbourhood=neighbourhood, by=None
    )
    contact = contact_add(
        stakeholder=stakeholder,
        by=None,
        name="Kişi",
        consent_date=date(2025, 1, 1),
        consent_purpose="Davet",
    )
    event = event_create(
        municipality=municipality,
        by=None,
        kind="workshop",
        title="Çalıştay",
        starts_at=timezone.now() - timedelta(days=3),
        status="held",
        women=5,
        attended=[stakeholder],
    )
    attachment = EventAttachment(event=event, name="tutanak.pdf")
    attachment.file.save("tutanak.pdf", ContentFile(b"%PDF-1.4"), save=True)
    item = input_create(
        municipality=municipality, by=None, event=event, kind="problem", text="Sorun"
    )
    staff = staff_create(municipality=municipality, by=None, name="Personel", sex="woman")
    programme = programme_create(municipality=municipality, by=None, title="Eğitim programı")
    session = session_create(
        municipality=municipality,
        programme=programme,
        by=None,
        starts_on=timezone.localdate() - timedelta(days=3),
        status="held",
    )
    attendance_add(session=session, people=[staff], by=None)
    trainer = trainer_create(municipality=municipality, by=None, staff=staff, topics=["TCE"])
    certification = certification_add(
        trainer=trainer, by=None, title="Eğitici", issuer="CEİD", issued_on=date(2025, 1, 1)
    )
    service = service_create(
        municipality=municipality, directorate=directorate, name="Kurs", by=None
    )
    # Made directly: only the run's address matters here, not an import.
    run = ImportRun.objects.create(
        municipality=municipality,
        kind="service_counts",
        year=2025,
        directorate=directorate,
        file_name="sayilar.csv",
        file_sha256="0" * 64,
        status=ImportRun.Status.LANDED,
    )
    expectation = expectation_create(
        municipality=municipality, directorate=directorate, kind="workforce", year=2025, by=None
    )
    dimension = dimension_create(municipality=municipality, name="Hane tipi", by=None)
    mapping = ColumnMapping.objects.create(
        municipality=municipality,
        directorate=directorate,
        kind="service_counts",
        header_key="yararlanan kadin",
        header="Yararlanan Kadın",
        field="women",
    )
    report = ready_report(municipality, published=True)
    api_token, _ = token_create(membership=member, name="Sistem", by=None)
    consent = privacy_services.consent_record(
        by=None,
        contact=contact,
        purpose="Davet",
        text_version="v1",
        given_on=date(2025, 1, 1),
        method="paper",
    )
    data_request = privacy_services.request_create(
        municipality=municipality,
        by=None,
        kind="access",
        requester="Kişi",
        channel="email",
        received_on=date(2025, 1, 2),
    )
    return {
        "consent_id": consent.pk,
        "request_id": data_request.pk,
        "token_id": api_token.pk,
        "report_id": report.pk,
        "format": "pdf",
        "mapping_id": mapping.pk,
        "service_id": service.pk,
        "dimension_id": dimension.pk,
        "run_id": run.pk,
        "expectation_id": expectation.pk,
        "directorate_id": directorate.pk,
        "member_id": member.pk,
        "invitation_id": invitation.pk,
        "framework_id": tag_set.pk,
        "item_id": tag.pk,
        "plan_id": plan.pk,
        "aim_id": aim.pk,
        "objective_id": objective.pk,
        "action_id": action.pk,
        "target": "consultation",
        "indicator_id": indicator.pk,
        "year": 2025,
        "half": 0,
        "evidence_id": evidence.pk,
        "neighbourhood_id": neighbourhood.pk,
        "stakeholder_id": stakeholder.pk,
        "contact_id": contact.pk,
        "event_id": event.pk,
        "attachment_id": attachment.pk,
        "input_id": item.pk,
        "reference": item.reference,
        "staff_id": staff.pk,
        "programme_id": programme.pk,
        "session_id": session.pk,
        "trainer_id": trainer.pk,
        "certification_id": certification.pk,
        "category_id": municipality.role_categories.first().pk,
    }


def url_for(pattern, slug, ids):
    kwargs = {name: ids[name] for name in pattern.converters if name != "slug"}
    return reverse(pattern.name, kwargs={"slug": slug, **kwargs})


def test_it_classifies_every_url_pattern():
    unclassified = [
        p.name
        for p in named_patterns()
        if p.name not in OPEN and p.name not in PUBLIC and "slug" not in p.converters
    ]
    assert unclassified == []
    portal = {p.name for p in named_patterns() if p.name.startswith("portal_")}
    assert portal == set(PUBLIC)


def test_it_answers_404_on_the_portal_for_another_municipalitys_objects(world, client):
    """The portal's addresses with ids: another municipality's report, indicator or input
    under one's own slug is a 404, even when it is published there."""
    ids = object_kwargs(world, world.home)
    checked = 0
    for pattern in named_patterns():
        if pattern.name not in PUBLIC or not set(pattern.converters) - {"slug", "format", "table"}:
            continue
        url = url_for(pattern, world.other.slug, ids)
        assert client.get(url).status_code == 404, url
        checked += 1
    assert checked == 3


def test_it_knows_how_to_fill_every_url_keyword(world):
    ids = object_kwargs(world, world.home)
    for pattern in tenant_patterns():
        missing = set(pattern.converters) - {"slug"} - set(ids)
        assert not missing, f"{pattern.name} needs a sample value for {missing}"


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_to_another_municipality_on_every_tenant_url(world, client, method):
    ids = object_kwargs(world, world.home)
    client.force_login(world.oscar)  # admin of "igdir", the most powerful outsider
    for pattern in tenant_patterns():
        url = url_for(pattern, world.home.slug, ids)
        response = getattr(client, method)(url)
        if response.status_code == 405:
            # A POST-only address refuses GET before looking anything up, exactly as it
            # does for a municipality that does not exist: nothing is revealed.
            missing = getattr(client, method)(url_for(pattern, "yok", ids))
            assert missing.status_code == 405, f"{method.upper()} {url}"
            continue
        assert response.status_code == 404, f"{method.upper()} {url}"
        assert world.home.name not in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_foreign_objects_under_ones_own_slug(world, client, method):
    """Oscar uses his own municipality's address with ids of the other municipality's objects."""
    foreign_ids = object_kwargs(world, world.home)
    client.force_login(world.oscar)
    checked = 0
    for pattern in tenant_patterns():
        if set(pattern.converters) == {"slug"}:
            continue
        url = url_for(pattern, world.other.slug, foreign_ids)
        response = getattr(client, method)(url)
        if response.status_code == 405:
            continue  # GET-only or POST-only: the run with the other method checks it
        assert response.status_code == 404, f"{method.upper()} {url}"
        checked += 1
    assert checked >= 2


def test_it_answers_404_for_a_municipality_that_does_not_exist(world, client):
    client.force_login(world.alice)
    missing = client.get("/m/yok-boyle-bir-belediye/")
    foreign = client.get(f"/m/{world.other.slug}/")
    assert missing.status_code == foreign.status_code == 404

    def page(response):
        # CSRF tokens are masked afresh on every response; the language form echoes the path.
        text = re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())
        return text.replace(response.request["PATH_INFO"], "PATH")

    assert page(missing) == page(foreign)


def test_it_sends_anonymous_visitors_to_sign_in_on_every_tenant_url(world, client):
    ids = object_kwargs(world, world.home)
    for pattern in tenant_patterns():
        url = url_for(pattern, world.home.slug, ids)
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_it_lists_only_ones_own_municipalities_on_the_home_page(world, client):
    from tests.factories import MembershipFactory

    MembershipFactory(
        user=world.alice,
        municipality=world.other.__class__.objects.create(
            name="Ümraniye Belediyesi", slug="umraniye", province="İstanbul", kind="district"
        ),
    )
    client.force_login(world.alice)
    page = client.get("/").content.decode()
    assert "Örnek Belediyesi" in page and "Ümraniye Belediyesi" in page
    assert world.other.name not in page
