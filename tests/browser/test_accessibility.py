"""axe-core (vendored from the npm registry, served from the test's own files) on every
signed-in page reached from the menu and its first level of detail and form pages: no serious
or critical violation (WCAG 2.1 AA). The pages are named by their URL names; the municipality
has one of everything so that every detail page exists. The public portal's pages are checked
in test_portal.py."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from esitlik.core.models import Membership
from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.core.services import network_create
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.dimensions import dimension_create
from esitlik.datasets.expectations import expectation_create
from esitlik.datasets.imports import import_upload
from esitlik.datasets.models import ImportRun
from esitlik.frameworks.services import tag_create, tag_set_create
from esitlik.participation.inputs import input_create
from esitlik.participation.models import Input
from esitlik.participation.stakeholders import contact_add
from esitlik.plans import indicators, services, structure
from esitlik.privacy import services as privacy_services
from esitlik.training.models import RoleCategory
from esitlik.training.trainers import trainer_create
from tests.browser.conftest import axe_violations, sign_in
from tests.datasets.helpers import csv_bytes, run_import
from tests.participation.helpers import held_workshop, stakeholder
from tests.plans.helpers import approve
from tests.reports.helpers import ready_report
from tests.training.helpers import held_session, person, programme

COUNTS = (
    "Hizmet adı;Yıl;Kadın;Erkek\nSpor Kursları;2025;230;770\nKadın Danışma Merkezi;2025;397;3\n"
)


def one_of_everything(world) -> dict:
    """A plan in implementation (with an indicator) and a draft edition, an event with an
    input, a stakeholder, training, imports (one landed, one waiting for its columns), a
    dimension, expected data, a tag set, a report and a network."""
    alice, home = world.alice, world.home
    plan = services.plan_create(
        municipality=home,
        title={"tr": "3. Yerel Eşitlik Eylem Planı"},
        start_year=2025,
        end_year=2028,
        by=alice,
    )
    aim = structure.aim_create(plan=plan, title={"tr": "Şiddetle mücadele"}, by=alice)
    objective = structure.objective_create(aim=aim, title={"tr": "Danışma"}, by=alice)
    action = structure.action_create(
        objective=objective,
        title={"tr": "Danışma hattı"},
        lead_directorate=world.social,
        by=alice,
    )
    indicator = indicators.indicator_create(
        parent=action,
        title={"tr": "Danışmanlık alan kadın sayısı"},
        kind="outcome",
        measure="count",
        responsible_directorate=world.social,
        by=alice,
        targets=[{"year": 2025, "value": Decimal(100)}],
    )
    plan = approve(plan)
    draft = services.plan_create(
        municipality=home,
        title={"tr": "4. Yerel Eşitlik Eylem Planı"},
        start_year=2029,
        end_year=2032,
        by=alice,
    )
    draft_aim = structure.aim_create(plan=draft, title={"tr": "Ekonomik güçlenme"}, by=alice)
    draft_objective = structure.objective_create(aim=draft_aim, title={"tr": "İstihdam"}, by=alice)
    draft_action = structure.action_create(
        objective=draft_objective,
        title={"tr": "Meslek kursları"},
        lead_directorate=world.parks,
        by=alice,
    )
    draft_indicator = indicators.indicator_create(
        parent=draft_action,
        title={"tr": "Kursu bitiren kadınların payı"},
        kind="outcome",
        measure="percentage",
        responsible_directorate=world.parks,
        by=alice,
    )

    place = neighbourhood_create(municipality=home, name="Karşıyaka", by=alice)
    group = stakeholder(world)
    event = held_workshop(world)
    item = input_create(
        municipality=home,
        by=alice,
        kind=Input.Kind.NEED,
        text="Parklarda aydınlatma yetersiz.",
        event=event,
    )

    trainee = person(world)
    course = programme(world)
    session = held_session(world, prog=course, attendees=[trainee])
    trainer = trainer_create(
        municipality=home, by=alice, kind="external", name="Zehra Kaya", sex="woman"
    )
    category = RoleCategory.objects.filter(municipality=home).first()

    for directorate, name in (
        (world.parks, "Spor Kursları"),
        (world.social, "Kadın Danışma Merkezi"),
    ):
        service = service_create(municipality=home, directorate=directorate, name=name, by=alice)
    landed = run_import(world, "service-counts", csv_bytes(COUNTS), name="sayilar.csv")
    assert landed.status == ImportRun.Status.LANDED, landed.problems
    waiting = import_upload(
        municipality=home,
        kind="service-counts",
        year=2025,
        data=ContentFile(csv_bytes("Hizmet;Yıl;K;E\nAşevi;2025;10;12\n"), name="liste.csv"),
        file_name="liste.csv",
        by=alice,
        directorate=world.social,
    )
    dimension = dimension_create(municipality=home, name="Hane tipi", by=alice)
    expectation = expectation_create(
        municipality=home,
        directorate=world.social,
        kind="service_counts",
        year=2025,
        by=alice,
        due=timezone.localdate() + timedelta(days=30),
    )

    tag_set = tag_set_create(municipality=home, title={"tr": "Kent konseyi başlıkları"}, by=alice)
    tag = tag_create(framework=tag_set, code="K1", title={"tr": "Güvenli kent"}, by=alice)
    report = ready_report(home, by=alice)
    network = network_create(name="Kadın Dostu Kentler", slug="kdk", municipalities=[home])
    contact = contact_add(
        stakeholder=group,
        by=alice,
        name="Deniz Arslan",
        email="deniz@example.org",
        consent_date=timezone.localdate(),
        consent_purpose="Plan toplantılarına davet",
    )
    consent = privacy_services.consent_record(
        by=alice,
        contact=contact,
        purpose="Plan toplantılarına davet",
        text_version="Davet izni v1",
        given_on=timezone.localdate(),
        method="paper",
    )
    data_request = privacy_services.request_create(
        municipality=home,
        by=alice,
        kind="access",
        requester="Deniz Arslan",
        channel="email",
        received_on=timezone.localdate(),
    )

    return {
        "plan_id": plan.pk,
        "draft_id": draft.pk,
        "aim_id": aim.pk,
        "objective_id": objective.pk,
        "action_id": action.pk,
        "indicator_id": indicator.pk,
        "draft_aim_id": draft_aim.pk,
        "draft_objective_id": draft_objective.pk,
        "draft_action_id": draft_action.pk,
        "draft_indicator_id": draft_indicator.pk,
        "neighbourhood_id": place.pk,
        "stakeholder_id": group.pk,
        "event_id": event.pk,
        "input_id": item.pk,
        "staff_id": trainee.pk,
        "programme_id": course.pk,
        "session_id": session.pk,
        "trainer_id": trainer.pk,
        "category_id": category.pk,
        "service_id": service.pk,
        "run_id": landed.pk,
        "waiting_run_id": waiting.pk,
        "dimension_id": dimension.pk,
        "expectation_id": expectation.pk,
        "framework_id": tag_set.pk,
        "item_id": tag.pk,
        "report_id": report.pk,
        "network": network.slug,
        "contact_id": contact.pk,
        "consent_id": consent.pk,
        "request_id": data_request.pk,
        "member_id": Membership.objects.get(user=world.bob).pk,
        "directorate_id": world.social.pk,
    }


# (URL name, the keywords it takes besides the municipality's slug, who looks at it).
# "alice" is the equality unit's admin, who sees every menu entry; "nina" the network
# coordinator; None nobody signed in.
M = "m"  # takes the municipality's slug
PAGES = [
    # Overview, settings, structure, people
    ("dashboard", [M], "alice"),
    ("municipality_settings", [M], "alice"),
    ("directorate_list", [M], "alice"),
    ("directorate_create", [M], "alice"),
    ("directorate_edit", [M, "directorate_id"], "alice"),
    ("neighbourhood_list", [M], "alice"),
    ("neighbourhood_edit", [M, "neighbourhood_id"], "alice"),
    ("member_list", [M], "alice"),
    ("member_invite", [M], "alice"),
    ("member_edit", [M, "member_id"], "alice"),
    ("audit_log", [M], "alice"),
    ("api_token_list", [M], "alice"),
    # Frameworks and the commitment
    ("framework_list", [M], "alice"),
    ("tag_set_create", [M], "alice"),
    ("framework_detail", [M, "framework_id"], "alice"),
    ("tag_set_edit", [M, "framework_id"], "alice"),
    ("tag_create", [M, "framework_id"], "alice"),
    ("tag_edit", [M, "framework_id", "item_id"], "alice"),
    ("commitment_detail", [M], "alice"),
    ("commitment_edit", [M], "alice"),
    # Plans
    ("plan_list", [M], "alice"),
    ("plan_create", [M], "alice"),
    ("plan_detail", [M, "plan_id"], "alice"),
    ("plan_detail", [M, "draft_id"], "alice"),
    ("plan_edit", [M, "draft_id"], "alice"),
    ("plan_transition", [M, "draft_id", "target"], "alice"),
    ("aim_create", [M, "draft_id"], "alice"),
    ("aim_edit", [M, "draft_id", "draft_aim_id"], "alice"),
    ("objective_create", [M, "draft_id", "draft_aim_id"], "alice"),
    ("objective_edit", [M, "draft_id", "draft_objective_id"], "alice"),
    ("action_create", [M, "draft_id", "draft_objective_id"], "alice"),
    ("action_edit", [M, "draft_id", "draft_action_id"], "alice"),
    ("indicator_create_for_objective", [M, "draft_id", "draft_objective_id"], "alice"),
    ("indicator_create_for_action", [M, "draft_id", "draft_action_id"], "alice"),
    ("indicator_edit", [M, "draft_id", "draft_indicator_id"], "alice"),
    ("action_edit", [M, "plan_id", "action_id"], "alice"),
    ("action_edit", [M, "plan_id", "action_id"], "bob"),
    ("indicator_list", [M, "plan_id"], "alice"),
    ("indicator_detail", [M, "plan_id", "indicator_id"], "alice"),
    ("update_period", [M, "plan_id", "indicator_id", "year", "half"], "bob"),
    ("plan_progress", [M, "plan_id"], "alice"),
    ("plan_coverage", [M, "plan_id"], "alice"),
    ("plan_timeline", [M, "plan_id"], "alice"),
    ("plan_decision_upload", [M, "plan_id"], "alice"),
    ("plan_print", [M, "plan_id"], "alice"),
    ("indicator_source", [M, "plan_id", "indicator_id"], "alice"),
    ("plan_import", [M, "draft_id"], "alice"),
    ("due_list", [M], "alice"),
    # Participation
    ("participation_summary", [M], "alice"),
    ("event_list", [M], "alice"),
    ("event_create", [M], "alice"),
    ("event_detail", [M, "event_id"], "alice"),
    ("event_edit", [M, "event_id"], "alice"),
    ("event_capture", [M, "event_id"], "alice"),
    ("input_list", [M], "alice"),
    ("input_create", [M], "alice"),
    ("input_detail", [M, "input_id"], "alice"),
    ("input_delete", [M, "input_id"], "alice"),
    ("stakeholder_list", [M], "alice"),
    ("stakeholder_create", [M], "alice"),
    ("stakeholder_detail", [M, "stakeholder_id"], "alice"),
    ("stakeholder_edit", [M, "stakeholder_id"], "alice"),
    ("contact_create", [M, "stakeholder_id"], "alice"),
    # Personal data (KVKK)
    ("privacy_requests", [M], "alice"),
    ("privacy_request_create", [M], "alice"),
    ("privacy_request_detail", [M, "request_id"], "alice"),
    ("privacy_contact_consents", [M, "contact_id"], "alice"),
    ("privacy_trainer_consents", [M, "trainer_id"], "alice"),
    ("privacy_consent_withdraw", [M, "consent_id"], "alice"),
    ("participation_import", [M], "alice"),
    # Training
    ("training_summary", [M], "alice"),
    ("session_list", [M], "alice"),
    ("session_create", [M], "alice"),
    ("session_detail", [M, "session_id"], "alice"),
    ("session_edit", [M, "session_id"], "alice"),
    ("session_attendance", [M, "session_id"], "alice"),
    ("attendance_import", [M, "session_id"], "alice"),
    ("programme_list", [M], "alice"),
    ("programme_create", [M], "alice"),
    ("programme_detail", [M, "programme_id"], "alice"),
    ("programme_edit", [M, "programme_id"], "alice"),
    ("trainer_list", [M], "alice"),
    ("trainer_create", [M], "alice"),
    ("trainer_detail", [M, "trainer_id"], "alice"),
    ("trainer_edit", [M, "trainer_id"], "alice"),
    ("certification_create", [M, "trainer_id"], "alice"),
    ("staff_list", [M], "alice"),
    ("staff_create", [M], "alice"),
    ("staff_detail", [M, "staff_id"], "alice"),
    ("staff_edit", [M, "staff_id"], "alice"),
    ("role_category_list", [M], "alice"),
    ("role_category_edit", [M, "category_id"], "alice"),
    ("workforce", [M], "alice"),
    # Data
    ("dataset_import_list", [M], "alice"),
    ("dataset_upload", [M], "alice"),
    ("dataset_import_detail", [M, "run_id"], "alice"),
    ("dataset_import_map", [M, "waiting_run_id"], "alice"),
    ("dataset_import_withdraw", [M, "run_id"], "alice"),
    ("dataset_mapping_list", [M], "alice"),
    ("dataset_service_list", [M], "alice"),
    ("dataset_service_create", [M], "alice"),
    ("dataset_service_edit", [M, "service_id"], "alice"),
    ("dataset_service_import", [M], "alice"),
    ("dataset_dimension_list", [M], "alice"),
    ("dataset_dimension_create", [M], "alice"),
    ("dataset_dimension_edit", [M, "dimension_id"], "alice"),
    ("dataset_dimension_delete", [M, "dimension_id"], "alice"),
    ("dataset_completeness", [M], "alice"),
    ("dataset_expectation_create", [M], "alice"),
    ("dataset_expectation_edit", [M, "expectation_id"], "alice"),
    ("dataset_expectation_delete", [M, "expectation_id"], "alice"),
    # Reports
    ("report_list", [M], "alice"),
    ("report_new", [M], "alice"),
    ("report_detail", [M, "report_id"], "alice"),
    ("report_read", [M, "report_id"], "alice"),
    # The network, the account
    ("network_list", [], "nina"),
    ("network_compare", ["network"], "nina"),
    ("password_change", [], "alice"),
    ("two_factor_setup", [], "bob"),  # setting up: the QR code and the key
    ("two_factor_setup", [], "alice"),  # set up: recovery codes, turning it off
    ("two_factor_recovery", [], "alice"),
    ("login", [], None),
    ("password_reset", [], None),
]

# The URL keyword each id fills, where it differs from the id's name.
KEYWORD = {
    "draft_id": "plan_id",
    "draft_aim_id": "aim_id",
    "draft_objective_id": "objective_id",
    "draft_action_id": "action_id",
    "draft_indicator_id": "indicator_id",
    "waiting_run_id": "run_id",
}


def page_id(entry) -> str:
    name, keys, who = entry
    draft = "-draft" if any(k.startswith("draft") for k in keys) else ""
    person = f"-{who}" if who not in ("alice", None) else ""
    return f"{name}{draft}{person}"


def address(entry, ids: dict, slug: str) -> str:
    name, keys, _who = entry
    kwargs = {}
    for key in keys:
        if key == M:
            kwargs["slug"] = slug
        elif key == "year":
            kwargs["year"] = 2025
        elif key == "target":
            kwargs["target"] = "consultation"
        elif key == "half":
            kwargs["half"] = 0  # yearly
        else:
            kwargs[KEYWORD.get(key, key)] = ids[key]
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def everything(browser_world, settings, tmp_path):
    settings.DATASETS_ROOT = tmp_path / "datasets"
    settings.UPLOADS_ROOT = tmp_path / "uploads"
    return one_of_everything(browser_world)


def _people(entries) -> list:
    return sorted({who for _name, _keys, who in entries}, key=lambda who: who or "")


# One test per person, visiting all of their pages in one signed-in browser: a test of its own
# per page would build the data and sign in 114 times, minutes of the suite for nothing more.
@pytest.mark.parametrize("who", _people(PAGES), ids=lambda who: who or "signed-out")
def test_the_signed_in_pages_have_no_serious_violation(page: Page, browser_world, everything, who):
    if who:
        sign_in(page, who)
    found = {}
    for entry in [entry for entry in PAGES if entry[2] == who]:
        path = address(entry, everything, browser_world.home.slug)
        response = page.goto(path)
        if response.status != 200 or not response.url.endswith(path):
            found[page_id(entry)] = f"{path} answered {response.status} at {response.url}"
        elif violations := axe_violations(page):
            found[page_id(entry)] = violations
    assert found == {}


# Forms sent empty, as they look with their error summary and the fields marked wrong.
FORMS = [
    ("directorate_create", [M], "alice"),
    ("member_invite", [M], "alice"),
    ("tag_set_create", [M], "alice"),
    ("plan_create", [M], "alice"),
    ("aim_create", [M, "draft_id"], "alice"),
    ("action_create", [M, "draft_id", "draft_objective_id"], "alice"),
    ("indicator_create_for_action", [M, "draft_id", "draft_action_id"], "alice"),
    ("event_create", [M], "alice"),
    ("input_create", [M], "alice"),
    ("stakeholder_create", [M], "alice"),
    ("session_create", [M], "alice"),
    ("programme_create", [M], "alice"),
    ("trainer_create", [M], "alice"),
    ("staff_create", [M], "alice"),
    ("dataset_upload", [M], "alice"),
    ("dataset_service_create", [M], "alice"),
    ("dataset_dimension_create", [M], "alice"),
    ("dataset_expectation_create", [M], "alice"),
    ("password_change", [], "alice"),
    ("two_factor_setup", [], "bob"),
    ("login", [], None),
]


@pytest.mark.parametrize("who", _people(FORMS), ids=lambda who: who or "signed-out")
def test_the_forms_with_errors_have_no_serious_violation(
    page: Page, browser_world, everything, who
):
    if who:
        sign_in(page, who)
    found = {}
    for entry in [entry for entry in FORMS if entry[2] == who]:
        path = address(entry, everything, browser_world.home.slug)
        page.goto(path)
        form = page.locator("main form[method=post]").filter(has=page.locator(".field")).first
        form.locator("button[type=submit]").last.click()
        expect(page.locator("main .form-errors")).to_be_visible()
        if violations := axe_violations(page):
            found[page_id(entry)] = violations
    assert found == {}


# The signed-in addresses left out above, and why. A new page must go into PAGES or here.
NOT_PAGES = {
    # files and JSON
    "stakeholder_export",
    "input_export",
    "participation_import_problems",
    "participation_template_stakeholders",
    "participation_template_inputs",
    "participation_summary_export",
    "training_summary_export",
    "attendance_import_problems",
    "attendance_template",
    "dataset_import_status",
    "dataset_import_problems",
    "dataset_template",
    "report_status",
    "report_download",
    "plan_pdf",
    "plan_export",
    "plan_decision_download",
    "evidence_download",
    "attachment_download",
    "network_csv",
    "network_xlsx",
    "network_observatory_json",
    "network_observatory_xlsx",
    "privacy_request_export",
    # POST only
    "privacy_request_erase",
    "privacy_request_answer",
    "member_remove",
    "invitation_revoke",
    "api_token_revoke",
    "dataset_mapping_forget",
    "attachment_upload",
    "update_review",
    "update_reopen",
    "report_publish",
    "report_withdraw",
    "report_delete",
    "logout",
    "two_factor_disable",
    # a file: the recovery codes just made
    "two_factor_recovery_download",
    # the code step between password and signed in (axe in test_signing_in.py)
    "two_factor_verify",
    # second level (a detail's own sub-pages) or a passing state
    "contact_erase",
    "certification_edit",
    "certification_delete",
    "role_category_delete",
    "dataset_import_progress",
    "report_progress",
    # signed out, reached from an e-mail
    "password_change_done",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def test_every_signed_in_page_is_checked_or_left_out_on_purpose():
    from django.urls import get_resolver

    names = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, route)
            elif pattern.name and route.startswith(("m/", "n/", "accounts/")):
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    checked = {name for name, _keys, _who in PAGES}
    assert names - checked - NOT_PAGES == set(), "pages nobody checks"
    assert (checked | NOT_PAGES) - names == set(), "names no longer in the URLconf"


def test_the_checker_finds_what_it_should(page: Page, browser_world):
    """The helper itself: an image without alternative text is a critical violation."""
    page.set_content(
        '<html lang="tr"><head><title>Deneme</title></head>'
        '<body><main><img src="x.png"></main></body></html>'
    )
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
