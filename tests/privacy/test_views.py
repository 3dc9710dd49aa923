"""The pages: what the equality unit admin sees and does, and what nobody else can."""

import json

from django.urls import reverse
from django.utils import timezone

from esitlik.participation.models import ContactPerson
from esitlik.privacy import services
from esitlik.privacy.models import Consent, DataRequest
from tests.privacy.helpers import EMAIL, NAME, person_everywhere


def a_request(world, municipality=None):
    return services.request_create(
        municipality=municipality or world.home,
        by=None,
        kind="erasure",
        requester=NAME,
        channel="paper",
        received_on=timezone.localdate(),
    )


def test_the_admin_records_a_request_and_sees_what_is_held(world, client):
    person_everywhere(world)
    client.force_login(world.alice)
    response = client.post(
        reverse("privacy_request_create", args=[world.home.slug]),
        {
            "kind": "access",
            "requester": NAME,
            "channel": "email",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    request = DataRequest.objects.get()
    assert response.status_code == 302
    assert request.due_on == request.received_on + timezone.timedelta(days=30)
    page = client.post(
        reverse("privacy_request_detail", args=[world.home.slug, request.pk]), {"email": EMAIL}
    )
    text = page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    assert "Plan toplantılarına davet" in text and "ayilmaz" in text
    export = client.post(
        reverse("privacy_request_export", args=[world.home.slug, request.pk, "json"]),
        {"name": NAME},
    )
    assert export["Content-Disposition"].endswith('.json"')
    assert json.loads(export.content)["data"]["staff"][0]["staff_number"] == "S-0042"
    xlsx = client.post(
        reverse("privacy_request_export", args=[world.home.slug, request.pk, "xlsx"]),
        {"name": NAME},
    )
    assert xlsx.content[:2] == b"PK"
    request.refresh_from_db()
    assert "JSON" in request.outcome and "XLSX" in request.outcome


def test_the_admin_erases_only_when_the_box_is_ticked(world, client):
    person = person_everywhere(world)
    request = a_request(world)
    client.force_login(world.alice)
    url = reverse("privacy_request_erase", args=[world.home.slug, request.pk])
    client.post(url, {"name": NAME})
    assert ContactPerson.objects.filter(pk=person.contact.pk).exists()
    client.post(url, {"name": NAME, "email": EMAIL, "confirm": "yes"})
    assert not ContactPerson.objects.filter(pk=person.contact.pk).exists()
    request.refresh_from_db()
    assert request.status == "answered"


def test_another_municipalitys_admin_can_neither_see_nor_erase(world, client):
    person = person_everywhere(world)
    request = a_request(world)
    client.force_login(world.oscar)
    for name, args in [
        ("privacy_requests", []),
        ("privacy_request_detail", [request.pk]),
        ("privacy_contact_consents", [person.contact.pk]),
    ]:
        assert client.get(reverse(name, args=[world.home.slug, *args])).status_code == 404
    # Under his own municipality, with home's request: 404 too.
    own = reverse("privacy_request_erase", args=[world.other.slug, request.pk])
    assert client.post(own, {"name": NAME, "confirm": "yes"}).status_code == 404
    found = client.post(
        reverse(
            "privacy_request_detail", args=[world.other.slug, a_request(world, world.other).pk]
        ),
        {"name": NAME},
    )
    assert found.status_code == 200 and "Plan toplantılarına davet" not in found.content.decode()
    assert ContactPerson.objects.filter(pk=person.contact.pk).exists()


def test_a_focal_point_records_and_withdraws_a_contacts_consent(world, client):
    person = person_everywhere(world)
    client.force_login(world.bob)
    url = reverse("privacy_contact_consents", args=[world.home.slug, person.contact.pk])
    response = client.post(
        url,
        {
            "purpose": "Bülten",
            "text_version": "Bülten izni v1",
            "given_on": "2025-02-01",
            "method": "email",
        },
    )
    assert response.status_code == 302
    assert Consent.objects.filter(contact=person.contact).count() == 2
    for consent in Consent.objects.filter(contact=person.contact):
        response = client.post(
            reverse("privacy_consent_withdraw", args=[world.home.slug, consent.pk]),
            {"withdrawn_on": timezone.localdate().isoformat(), "method": "email"},
        )
        assert response.status_code == 302
    assert not ContactPerson.objects.filter(pk=person.contact.pk).exists()
    assert response["Location"] == reverse(
        "stakeholder_detail", args=[world.home.slug, person.stakeholder.pk]
    )


def test_the_trainer_page_links_to_its_consents(world, client):
    person = person_everywhere(world)
    client.force_login(world.alice)
    page = client.get(reverse("trainer_detail", args=[world.home.slug, person.trainer.pk]))
    assert reverse("privacy_trainer_consents", args=[world.home.slug, person.trainer.pk]) in (
        page.content.decode()
    )
