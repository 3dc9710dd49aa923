"""Each role inside its own municipality: what opens (200) and what is refused (403)."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import Role
from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.dimensions import dimension_create
from esitlik.datasets.expectations import expectation_create
from esitlik.datasets.models import ImportRun
from esitlik.frameworks import services
from esitlik.frameworks.models import Framework
from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create
from esitlik.participation.models import EventAttachment
from esitlik.participation.stakeholders import contact_add, stakeholder_create
from esitlik.plans import indicators, structure
from esitlik.plans import services as plan_services
from esitlik.privacy import services as privacy_services
from esitlik.training.models import Trainer
from esitlik.training.programmes import programme_create
from esitlik.training.sessions import session_create
from esitlik.training.staff import staff_create
from esitlik.training.trainers import certification_add, trainer_create
from tests.reports.helpers import ready_report

A, F, C, M, N = (
    Role.EQUALITY_ADMIN,
    Role.FOCAL_POINT,
    Role.COMMISSION_MEMBER,
    Role.MONITOR,
    Role.NETWORK_COORDINATOR,
)
INTERNAL = {A, F, C, M}

# url name, extra kwargs (resolved from the world), roles that may open it with GET
CASES = [
    ("dashboard", {}, {A, F, C, M, N}),
    ("municipality_settings", {}, {A}),
    ("directorate_list", {}, INTERNAL),
    ("directorate_create", {}, {A}),
    ("directorate_edit", {"directorate_id": "social"}, {A, F}),
    ("directorate_edit", {"directorate_id": "parks"}, {A}),
    ("member_list", {}, INTERNAL),
    ("member_invite", {}, {A}),
    ("member_edit", {"member_id": "bob_membership"}, {A}),
    ("audit_log", {}, {A}),
    ("framework_list", {}, INTERNAL),
    ("framework_detail", {"framework_id": "charter"}, INTERNAL),
    ("framework_detail", {"framework_id": "own_set"}, INTERNAL),
    ("tag_set_create", {}, {A}),
    ("tag_set_edit", {"framework_id": "own_set"}, {A}),
    ("tag_create", {"framework_id": "own_set"}, {A}),
    ("tag_edit", {"framework_id": "own_set", "item_id": "own_tag"}, {A}),
    ("commitment_detail", {}, INTERNAL),
    ("commitment_edit", {}, {A}),
    ("plan_list", {}, INTERNAL),
    ("plan_create", {}, {A}),
    ("plan_detail", {"plan_id": "plan"}, INTERNAL),
    ("plan_edit", {"plan_id": "plan"}, {A}),
    ("plan_transition", {"plan_id": "plan", "target": "consultation"}, {A}),
    ("plan_progress", {"plan_id": "plan"}, INTERNAL),
    ("plan_coverage", {"plan_id": "plan"}, INTERNAL),
    ("plan_timeline", {"plan_id": "plan"}, INTERNAL),
    ("indicator_list", {"plan_id": "plan"}, INTERNAL),
    ("indicator_detail", {"plan_id": "plan", "indicator_id": "indicator"}, INTERNAL),
    ("indicator_edit", {"plan_id": "plan", "indicator_id": "indicator"}, {A}),
    ("indicator_source", {"plan_id": "plan", "indicator_id": "indicator"}, INTERNAL),
    ("indicator_create_for_action", {"plan_id": "plan", "action_id": "action"}, {A}),
    ("indicator_create_for_objective", {"plan_id": "plan", "objective_id": "objective"}, {A}),
    (
        "update_period",
        {"plan_id": "plan", "indicator_id": "indicator", "year": "2025", "half": "0"},
        INTERNAL,
    ),
    ("due_list", {}, INTERNAL),
    ("stakeholder_export", {}, INTERNAL),
    ("input_export", {}, INTERNAL),
    ("participation_import", {}, {A, F}),
    ("participation_template_inputs", {}, {A, F}),
    ("participation_template_stakeholders", {}, {A, F}),
    ("plan_print", {"plan_id": "plan"}, INTERNAL),
    ("plan_pdf", {"plan_id": "plan"}, INTERNAL),
    ("plan_decision_upload", {"plan_id": "plan"}, {A}),
    ("plan_export", {"plan_id": "plan"}, INTERNAL),
    ("plan_import", {"plan_id": "plan"}, {A, F}),
    ("neighbourhood_list", {}, INTERNAL),
    ("neighbourhood_edit", {"neighbourhood_id": "neighbourhood"}, {A}),
    ("stakeholder_list", {}, INTERNAL),
    ("stakeholder_create", {}, {A, F}),
    ("stakeholder_detail", {"stakeholder_id": "stakeholder"}, INTERNAL),
    ("stakeholder_edit", {"stakeholder_id": "stakeholder"}, {A, F}),
    ("contact_create", {"stakeholder_id": "stakeholder"}, {A, F}),
    ("contact_erase", {"stakeholder_id": "stakeholder", "contact_id": "contact"}, {A, F}),
    ("participation_summary", {}, INTERNAL),
    ("participation_summary_export", {}, INTERNAL),
    ("event_list", {}, INTERNAL),
    ("event_create", {}, {A, F}),
    ("event_detail", {"event_id": "social_event"}, INTERNAL),
    ("event_edit", {"event_id": "social_event"}, {A, F}),
    ("event_edit", {"event_id": "parks_event"}, {A}),
    ("event_capture", {"event_id": "social_event"}, {A, F}),
    ("event_capture", {"event_id": "parks_event"}, {A}),
    (
        "attachment_download",
        {"event_id": "social_event", "attachment_id": "attachment"},
        INTERNAL,
    ),
    ("input_list", {}, INTERNAL),
    ("input_create", {}, {A, F}),
    ("input_detail", {"input_id": "social_input"}, INTERNAL),
    ("input_delete", {"input_id": "social_input"}, {A, F}),
    ("input_delete", {"input_id": "parks_input"}, {A}),
    ("staff_list", {}, {A, F}),
    ("staff_create", {}, {A, F}),
    ("staff_detail", {"staff_id": "pool_staff"}, {A, F}),
    ("staff_edit", {"staff_id": "pool_staff"}, {A, F}),
    ("role_category_list", {}, {A}),
    ("role_category_edit", {"category_id": "pool_category"}, {A}),
    ("role_category_delete", {"category_id": "pool_category"}, {A}),
    ("workforce", {}, INTERNAL),
    ("trainer_list", {}, INTERNAL),
    ("trainer_create", {}, {A}),
    ("trainer_detail", {"trainer_id": "pool_trainer"}, INTERNAL),
    ("trainer_edit", {"trainer_id": "pool_trainer"}, {A}),
    ("certification_create", {"trainer_id": "pool_trainer"}, {A}),
    (
        "certification_edit",
        {"trainer_id": "pool_trainer", "certification_id": "pool_certification"},
        {A},
    ),
    (
        "certification_delete",
        {"trainer_id": "pool_trainer", "certification_id": "pool_certification"},
        {A},
    ),
    ("programme_list", {}, INTERNAL),
    ("programme_create", {}, {A}),
    ("programme_detail", {"programme_id": "programme"}, INTERNAL),
    ("programme_edit", {"programme_id": "programme"}, {A}),
    ("session_list", {}, INTERNAL),
    ("session_create", {}, {A, F}),
    ("session_detail", {"session_id": "social_session"}, INTERNAL),
    ("session_edit", {"session_id": "social_session"}, {A, F}),
    ("session_edit", {"session_id": "parks_session"}, {A}),
    ("session_attendance", {"session_id": "social_session"}, {A, F}),
    ("session_attendance", {"session_id": "parks_session"}, {A}),
    ("training_summary", {}, INTERNAL),
    ("training_summary_export", {}, INTERNAL),
    ("attendance_import", {"session_id": "social_session"}, {A, F}),
    ("attendance_import", {"session_id": "parks_session"}, {A}),
    ("attendance_template", {}, INTERNAL),
    ("dataset_import_list", {}, INTERNAL),
    ("dataset_upload", {}, {A, F}),
    ("dataset_import_detail", {"run_id": "social_run"}, INTERNAL),
    ("dataset_import_progress", {"run_id": "queued_run"}, INTERNAL),
    ("dataset_import_status", {"run_id": "social_run"}, INTERNAL),
    ("dataset_import_withdraw", {"run_id": "social_run"}, {A, F}),
    ("dataset_import_withdraw", {"run_id": "parks_run"}, {A}),
    ("dataset_import_map", {"run_id": "social_uploaded_run"}, {A, F}),
    ("dataset_import_map", {"run_id": "parks_uploaded_run"}, {A}),
    ("dataset_import_problems", {"run_id": "social_failed_run"}, {A, F}),
    ("dataset_import_problems", {"run_id": "parks_failed_run"}, {A}),
    ("dataset_template", {}, INTERNAL),
    ("dataset_service_list", {}, INTERNAL),
    ("dataset_service_create", {}, {A}),
    ("dataset_service_import", {}, {A}),
    ("dataset_service_edit", {"service_id": "service"}, {A}),
    ("dataset_dimension_list", {}, INTERNAL),
    ("dataset_mapping_list", {}, INTERNAL),
    ("dataset_dimension_create", {}, {A}),
    ("dataset_dimension_edit", {"dimension_id": "dimension"}, {A}),
    ("dataset_dimension_delete", {"dimension_id": "dimension"}, {A}),
    ("dataset_completeness", {}, INTERNAL),
    ("dataset_expectation_create", {}, {A}),
    ("dataset_expectation_edit", {"expectation_id": "expectation"}, {A}),
    ("dataset_expectation_delete", {"expectation_id": "expectation"}, {A}),
    # Who sees which report (internal, public, published) is tested in
    # tests/reports/test_views.py; a published report opens for every role.
    ("report_list", {}, {A, F, C, M, N}),
    # Every member makes and revokes their own API tokens (acting with their own role).
    ("api_token_list", {}, {A, F, C, M, N}),
    ("report_new", {}, {A}),
    ("report_detail", {"report_id": "published_report"}, {A, F, C, M, N}),
    ("report_read", {"report_id": "published_report"}, {A, F, C, M, N}),
    ("report_status", {"report_id": "published_report"}, {A, F, C, M, N}),
    ("report_download", {"report_id": "published_report", "format": "pdf"}, {A, F, C, M, N}),
    # Personal data requests: the equality unit (export_contacts); consents: whoever records
    # the person (contacts: record_participation + view_contacts; trainers: manage_training).
    ("privacy_requests", {}, {A}),
    ("privacy_request_create", {}, {A}),
    ("privacy_request_detail", {"request_id": "data_request"}, {A}),
    ("privacy_contact_consents", {"contact_id": "contact"}, {A, F}),
    ("privacy_trainer_consents", {"trainer_id": "pool_trainer"}, {A}),
    ("privacy_consent_withdraw", {"consent_id": "contact_consent"}, {A, F}),
    ("privacy_consent_withdraw", {"consent_id": "trainer_consent"}, {A}),
]


def data_ids(world) -> dict:
    """A service, an extra dimension, expected data and import runs of two directorates: the
    data pages. Runs are made directly; only their addresses and states matter here."""
    service = service_create(
        municipality=world.home, directorate=world.social, name="Kurs", by=None
    )
    expectation = expectation_create(
        municipality=world.home, directorate=world.social, kind="workforce", year=2025, by=None
    )

    def run(directorate, status):
        problems = [{"row": 2, "column": "A", "letter": "A", "value": "x", "message": "?"}]
        return ImportRun.objects.create(
            municipality=world.home,
            kind="service_counts",
            year=2025,
            directorate=directorate,
            file_name="sayilar.csv",
            file_sha256="0" * 64,
            status=status,
            error_count=1 if status == ImportRun.Status.FAILED else 0,
            problems=problems if status == ImportRun.Status.FAILED else [],
        ).pk

    dimension = dimension_create(municipality=world.home, name="Hane tipi", by=None)
    return {
        "service": service.pk,
        "dimension": dimension.pk,
        "expectation": expectation.pk,
        "social_run": run(world.social, ImportRun.Status.LANDED),
        "parks_run": run(world.parks, ImportRun.Status.LANDED),
        "queued_run": run(world.parks, ImportRun.Status.QUEUED),
        "social_uploaded_run": run(world.social, ImportRun.Status.UPLOADED),
        "parks_uploaded_run": run(world.parks, ImportRun.Status.UPLOADED),
        "social_failed_run": run(world.social, ImportRun.Status.FAILED),
        "parks_failed_run": run(world.parks, ImportRun.Status.FAILED),
    }


def pool_ids(world) -> dict:
    """A staff person who is a certified trainer, and a role category: the trainer pool's
    pages."""
    person = staff_create(municipality=world.home, by=None, name="Eğitmen Personel", sex="woman")
    trainer = trainer_create(municipality=world.home, by=None, staff=person, topics=["TCE"])
    certification = certification_add(
        trainer=trainer, by=None, title="Eğitici", issuer="CEİD", issued_on=date(2025, 1, 1)
    )
    return {
        "pool_staff": person.pk,
        "pool_trainer": trainer.pk,
        "pool_certification": certification.pk,
        "pool_category": world.home.role_categories.first().pk,
    }


def resolve(world, kwargs):
    own_set = services.tag_set_create(municipality=world.home, title={"tr": "Set"}, by=None)
    own_tag = services.tag_create(framework=own_set, code="T", title={"tr": "T"}, by=None)
    plan = plan_services.plan_create(
        municipality=world.home, title={"tr": "Plan"}, start_year=2025, end_year=2028, by=None
    )
    aim = structure.aim_create(plan=plan, title={"tr": "Amaç"}, by=None)
    objective = structure.objective_create(aim=aim, title={"tr": "Hedef"}, by=None)
    action = structure.action_create(
        objective=objective, title={"tr": "Faaliyet"}, lead_directorate=world.social, by=None
    )
    indicator = indicators.indicator_create(
        parent=action, title={"tr": "Gösterge"}, kind="outcome", measure="count", by=None
    )
    neighbourhood = neighbourhood_create(municipality=world.home, name="Merkez", by=None)
    stakeholder = stakeholder_create(
        municipality=world.home, name="Dernek", kind="ngo", neighbourhood=neighbourhood, by=None
    )
    contact = contact_add(
        stakeholder=stakeholder,
        by=None,
        name="Kişi",
        consent_date=date(2025, 1, 1),
        consent_purpose="Davet",
    )
    events = {
        name: event_create(
            municipality=world.home,
            by=world.alice,
            kind="workshop",
            title=name,
            starts_at=timezone.now() - timedelta(days=2),
            status="held",
            directorate=directorate,
        )
        for name, directorate in (("social_event", world.social), ("parks_event", world.parks))
    }
    attachment = EventAttachment(event=events["social_event"], name="tutanak.pdf")
    attachment.file.save("tutanak.pdf", ContentFile(b"%PDF-1.4"), save=True)
    inputs = {
        f"{name.split('_')[0]}_input": input_create(
            municipality=world.home, by=world.alice, event=event, kind="problem", text="Sorun"
        ).pk
        for name, event in events.items()
    }
    programme = programme_create(municipality=world.home, by=world.alice, title="Eğitim")
    training_sessions = {
        f"{name}_session": session_create(
            municipality=world.home,
            programme=programme,
            by=world.alice,
            starts_on=timezone.localdate() - timedelta(days=2),
            status="held",
            directorate=directorate,
        ).pk
        for name, directorate in (("social", world.social), ("parks", world.parks))
    }
    pool = pool_ids(world)
    consent = {"by": None, "purpose": "Davet", "text_version": "v1", "method": "paper"}
    consent["given_on"] = date(2025, 1, 1)
    data_request = privacy_services.request_create(
        municipality=world.home,
        by=None,
        kind="access",
        requester="Kişi",
        channel="email",
        received_on=date(2025, 1, 2),
    )
    values = {
        "contact_consent": privacy_services.consent_record(contact=contact, **consent).pk,
        "trainer_consent": privacy_services.consent_record(
            trainer=Trainer.objects.get(pk=pool["pool_trainer"]), **consent
        ).pk,
        "data_request": data_request.pk,
        **{name: event.pk for name, event in events.items()},
        **training_sessions,
        "programme": programme.pk,
        **inputs,
        "attachment": attachment.pk,
        "neighbourhood": neighbourhood.pk,
        "stakeholder": stakeholder.pk,
        "contact": contact.pk,
        "plan": plan.pk,
        "objective": objective.pk,
        "action": action.pk,
        "indicator": indicator.pk,
        "2025": 2025,
        "0": 0,
        "consultation": "consultation",
        "charter": Framework.objects.get(code="cemr-charter", version="2006").pk,
        "own_set": own_set.pk,
        "own_tag": own_tag.pk,
        "social": world.social.pk,
        "parks": world.parks.pk,
        "bob_membership": world.bob.memberships.get().pk,
        "published_report": ready_report(world.home, published=True).pk,
        "pdf": "pdf",
        **pool,
        **data_ids(world),
    }
    return {name: values[key] for name, key in kwargs.items()}


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize(("name", "kwargs", "allowed"), CASES)
def test_it_opens_pages_by_role(world, client, role, name, kwargs, allowed):
    client.force_login(world.user(role))
    url = reverse(name, kwargs={"slug": world.home.slug, **resolve(world, kwargs)})
    response = client.get(url)
    assert response.status_code == (200 if role in allowed else 403)


def test_it_shows_the_network_coordinator_only_the_published_summary(world, client):
    client.force_login(world.nina)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert reverse("directorate_list", args=[world.home.slug]) not in page
    assert reverse("member_list", args=[world.home.slug]) not in page


def test_it_shows_admin_links_only_to_the_admin(world, client):
    settings_url = reverse("municipality_settings", args=[world.home.slug])
    audit_url = reverse("audit_log", args=[world.home.slug])
    client.force_login(world.alice)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert settings_url in page and audit_url in page
    client.force_login(world.carol)
    page = client.get(reverse("dashboard", args=[world.home.slug])).content.decode()
    assert settings_url not in page and audit_url not in page
