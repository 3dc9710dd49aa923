"""The event pages: recording a meeting, its attendance and files, and who may change it."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.participation.events import event_create
from esitlik.participation.models import Event
from tests.participation.helpers import held_workshop, stakeholder


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def form_data(**values):
    day = timezone.localdate() - timedelta(days=5)
    data = {
        "kind": "workshop",
        "title": "  Muhtarlar   çalıştayı ",
        "start_date": day.strftime("%d.%m.%Y"),
        "start_time": "14.00",
        "end_date": "",
        "end_time": "17:30",
        "status": "held",
        "phase": "preparation",
        "place": "Kültür Merkezi",
        "link": "",
        "moderator": "Ayşe Hanım",
        "directorate": "",
        "plan": "",
        "women": "",
        "men": "",
        "other": "",
        "not_stated": "",
        "total": "",
        "minutes": "Açılış, masa çalışmaları.",
    }
    data.update(values)
    return data


def test_it_records_a_held_workshop_with_turkish_dates_and_counts(world, client):
    org = stakeholder(world)
    client.force_login(world.alice)
    response = client.post(
        url(world, "event_create"),
        form_data(
            women="1.204",
            men="96",
            group_headmen="80",
            group_residents="",
            attended=[org.pk],
            invited=[org.pk],
            directorate=world.social.pk,
        ),
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(world, "event_detail", event.pk)
    assert event.title == "Muhtarlar çalıştayı"
    start = timezone.localtime(event.starts_at)
    assert start.date() == timezone.localdate() - timedelta(days=5)
    assert (start.hour, start.minute) == (14, 0)
    assert timezone.localtime(event.ends_at).strftime("%H:%M") == "17:30"
    assert (event.women, event.men, event.participants) == (1204, 96, 1300)
    assert event.group_counts == {"headmen": 80}
    assert list(event.attended.all()) == [org]
    assert AuditEntry.objects.filter(action="participation.event.created").count() == 1

    page = client.get(response["Location"]).content.decode()
    assert "Muhtarlar çalıştayı" in page and "Kadın Dayanışma Derneği" in page
    assert "Neighbourhood headmen" in page and "1,300 participants by sex" in page


def test_a_total_alone_is_counted_as_not_stated(world, client):
    client.force_login(world.alice)
    client.post(url(world, "event_create"), form_data(total="45"))
    event = Event.objects.get()
    assert (event.not_stated, event.participants) == (45, 45)


def test_it_shows_the_services_refusals_on_the_right_fields(world, client):
    client.force_login(world.alice)
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d.%m.%Y")
    response = client.post(url(world, "event_create"), form_data(start_date=tomorrow))
    assert response.context["form"].errors["status"] == [
        "An event that has not happened yet cannot be marked as held; keep it planned."
    ]
    response = client.post(url(world, "event_create"), form_data(women="10", total="12"))
    assert "add up to 10 but the total is 12" in response.context["form"].errors["total"][0]
    response = client.post(url(world, "event_create"), form_data(women="10", group_staff="11"))
    form = response.context["form"]
    assert form.group_errors == ["The groups add up to 11 people, more than the 10 who took part."]
    assert "more than the 10 who took part" in response.content.decode()
    response = client.post(url(world, "event_create"), form_data(end_date="01.01.2020"))
    assert response.context["form"].errors["end_time"] == ["The end cannot be before the start."]
    response = client.post(
        url(world, "event_create"), form_data(end_date="01.01.2030", end_time="")
    )
    assert "Give the time it ended" in response.context["form"].errors["end_time"][0]
    bad = form_data(women="-3", start_date="32.13.2026")
    response = client.post(url(world, "event_create"), bad)
    assert set(response.context["form"].errors) == {"women", "start_date"}
    assert not Event.objects.exists()


def test_a_focal_point_edits_their_directorates_events_and_their_own(world, client):
    theirs = held_workshop(world, directorate=world.social)
    others = held_workshop(world, title="Parklar", directorate=world.parks)
    client.force_login(world.bob)
    assert client.get(url(world, "event_edit", theirs.pk)).status_code == 200
    assert client.get(url(world, "event_edit", others.pk)).status_code == 403
    assert client.post(url(world, "event_edit", others.pk), form_data()).status_code == 403
    assert client.get(url(world, "event_capture", others.pk)).status_code == 403
    page = client.get(url(world, "event_detail", others.pk)).content.decode()
    assert url(world, "event_edit", others.pk) not in page

    response = client.post(url(world, "event_create"), form_data(directorate=world.parks.pk))
    own = Event.objects.get(title="Muhtarlar çalıştayı", created_by=world.bob)
    assert response["Location"] == url(world, "event_detail", own.pk)
    assert client.get(url(world, "event_edit", own.pk)).status_code == 200


def test_editing_keeps_what_others_saved_meanwhile(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    form = client.get(url(world, "event_edit", event.pk)).context["form"]
    assert form.initial["women"] == 20 and form.initial["version"] == event.version
    data = form_data(title="Yeni ad", women="20", men="30", version=str(event.version))
    response = client.post(url(world, "event_edit", event.pk), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Yeni ad"
    stale = client.post(url(world, "event_edit", event.pk), {**data, "title": "Eski"})
    assert "Someone else saved a change" in stale.content.decode()
    event.refresh_from_db()
    assert event.title == "Yeni ad"


def test_the_list_filters_by_kind_status_and_year(world, client):
    held_workshop(world, title="Çalıştay A")
    event_create(
        municipality=world.home,
        by=world.alice,
        kind="meeting",
        title="Eski toplantı",
        starts_at=timezone.now() - timedelta(days=800),
    )
    client.force_login(world.carol)
    page = client.get(url(world, "event_list"), {"kind": "workshop"}).content.decode()
    assert "Çalıştay A" in page and "Eski toplantı" not in page
    old_year = (timezone.now() - timedelta(days=800)).year
    page = client.get(url(world, "event_list"), {"year": old_year}).content.decode()
    assert "Eski toplantı" in page and "Çalıştay A" not in page
    page = client.get(url(world, "event_list"), {"status": "planned"}).content.decode()
    assert "Eski toplantı" in page and "Çalıştay A" not in page
    assert url(world, "event_create") not in page  # carol reads, does not record


def test_attachments_are_checked_and_served_privately(world, client):
    event = held_workshop(world)
    client.force_login(world.alice)
    upload = SimpleUploadedFile("tutanak.pdf", b"%PDF-1.4 tutanak", "application/pdf")
    response = client.post(url(world, "attachment_upload", event.pk), {"file": upload})
    assert response.status_code == 302
    attachment = event.attachments.get()
    download = client.get(url(world, "attachment_download", event.pk, attachment.pk))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 tutanak"
    assert "no-store" in download["Cache-Control"]
    assert 'filename="tutanak.pdf"' in download["Content-Disposition"]

    bad = SimpleUploadedFile("sayfa.html", b"<script>", "text/html")
    response = client.post(url(world, "attachment_upload", event.pk), {"file": bad})
    assert response.status_code == 200
    assert "“sayfa.html” is not one" in response.content.decode()
    assert event.attachments.count() == 1

    client.force_login(world.mona)
    assert client.get(url(world, "attachment_download", event.pk, attachment.pk)).status_code == 200
    upload = SimpleUploadedFile("x.pdf", b"%PDF", "application/pdf")
    refused = client.post(url(world, "attachment_upload", event.pk), {"file": upload})
    assert refused.status_code == 403
