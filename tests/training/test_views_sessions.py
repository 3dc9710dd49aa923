"""The session pages: recording a session the way a Turkish office types it, who may change
which session, what each role sees of the people trained, and the attendance page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.core.sex import Sex
from esitlik.training.models import Attendance, StaffMember, TrainingSession
from esitlik.training.sessions import attendance_change, session_create, session_update
from esitlik.training.trainers import trainer_create
from tests.training.helpers import category, held_session, person, programme, public_programme


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def day(days_ago=10):
    return (timezone.localdate() - timedelta(days=days_ago)).strftime("%d.%m.%Y")


def form_data(prog, **values):
    data = {
        "programme": prog.pk,
        "title": "  Grup   2 ",
        "status": "held",
        "starts_on": day(),
        "ends_on": "",
        "hours": "12,5",
        "place": "Kültür Merkezi",
        "link": "",
        "directorate": "",
        "attendance_kind": "named",
        "women": "",
        "men": "",
        "other": "",
        "not_stated": "",
        "total": "",
        "pre_score": "",
        "post_score": "",
        "satisfaction": "",
        "evaluation_responses": "",
        "notes": "",
    }
    data.update(values)
    return data


def test_it_records_a_public_session_as_typed_in_a_turkish_office(world, client):
    fathers = public_programme(world)
    guest = trainer_create(
        municipality=world.home, by=world.alice, kind="external", name="Ali Demir"
    )
    client.force_login(world.alice)
    page = client.get(url(world, "session_create"), {"programme": fathers.pk})
    assert page.context["form"]["programme"].value() == fathers.pk
    assert page.context["form"]["attendance_kind"].value() == "counts"

    response = client.post(
        url(world, "session_create"),
        form_data(
            fathers,
            attendance_kind="counts",
            men="1.204",
            women="6",
            group_men="1.000",
            trainers=[guest.pk],
            pre_score="54,5",
            post_score="81",
            satisfaction="4,35",
            evaluation_responses="1.100",
            ends_on=day(8),
        ),
    )
    session = TrainingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(world, "session_detail", session.pk)
    assert session.title == "Grup 2"
    assert session.hours == Decimal("12.5")
    assert (session.men, session.women, session.counted) == (1204, 6, 1210)
    assert session.group_counts == {"men": 1000}
    assert (session.pre_score, session.satisfaction) == (Decimal("54.5"), Decimal("4.35"))
    assert list(session.trainers.all()) == [guest]
    assert AuditEntry.objects.filter(action="training.session.created").count() == 1

    detail = client.get(response["Location"])
    text = detail.content.decode()
    assert "1,210 participants by sex" in text and "Men and fathers" in text
    assert detail.context["evaluation"].gain == Decimal("26.5")


def test_it_shows_the_services_refusals_on_the_fields_typed_in(world, client):
    basics, fathers = programme(world), public_programme(world)
    client.force_login(world.alice)
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d.%m.%Y")
    response = client.post(url(world, "session_create"), form_data(basics, starts_on=tomorrow))
    assert "cannot be marked as held" in response.context["form"].errors["status"][0]
    counts = form_data(fathers, attendance_kind="counts", women="10", total="12")
    response = client.post(url(world, "session_create"), counts)
    assert "add up to 10 but the total is 12" in response.context["form"].errors["total"][0]
    over = form_data(fathers, attendance_kind="counts", women="10", group_women="11")
    response = client.post(url(world, "session_create"), over)
    assert response.context["form"].group_errors == [
        "The groups add up to 11 people, more than the 10 who took part."
    ]
    response = client.post(url(world, "session_create"), form_data(basics, women="4"))
    assert "counts are taken from the list" in response.context["form"].errors["attendance_kind"][0]
    bad = form_data(basics, hours="on iki", starts_on="32.13.2025", satisfaction="7")
    response = client.post(url(world, "session_create"), bad)
    assert {"hours", "starts_on"} <= set(response.context["form"].errors)
    assert not TrainingSession.objects.exists()


def test_a_focal_point_changes_their_directorates_sessions_and_their_own(world, client):
    basics = programme(world)
    theirs = held_session(world, basics, directorate=world.social)
    others = held_session(world, basics, directorate=world.parks)
    client.force_login(world.bob)
    assert client.get(url(world, "session_edit", theirs.pk)).status_code == 200
    assert client.get(url(world, "session_attendance", theirs.pk)).status_code == 200
    assert client.get(url(world, "session_edit", others.pk)).status_code == 403
    assert client.post(url(world, "session_edit", others.pk), form_data(basics)).status_code == 403
    assert client.post(url(world, "session_attendance", others.pk), {}).status_code == 403
    page = client.get(url(world, "session_detail", others.pk)).content.decode()
    assert url(world, "session_edit", others.pk) not in page

    # A session the focal point records for another directorate stays theirs to change.
    response = client.post(
        url(world, "session_create"), form_data(basics, directorate=world.parks.pk)
    )
    mine = TrainingSession.objects.get(created_by=world.bob)
    assert response["Location"] == url(world, "session_detail", mine.pk)
    assert client.get(url(world, "session_edit", mine.pk)).status_code == 200


def test_an_edit_from_a_stale_form_is_refused(world, client):
    session = held_session(world, directorate=world.social)
    client.force_login(world.alice)
    stale = form_data(session.programme, version=session.version, title="Yeni grup")
    session_update(session=session, by=world.bob, place="Meclis salonu")
    response = client.post(url(world, "session_edit", session.pk), stale)
    assert "Someone else saved a change" in response.content.decode()
    session.refresh_from_db()
    assert (session.title, session.place) == ("", "Meclis salonu")


@pytest.mark.parametrize("who", ["carol", "mona"])
def test_the_commission_and_monitors_see_counts_never_staff_names(world, client, who):
    head = person(world, name="Hatice Şahin", role="daire başkanı", staff_number="4411")
    clerk = person(world, name="Mehmet Öz", sex=Sex.MAN)
    trainer = trainer_create(
        municipality=world.home, by=world.alice, staff=person(world, name="Selin Ak")
    )
    guest = trainer_create(
        municipality=world.home, by=world.alice, kind="external", name="Dr. Zeynep Kaya"
    )
    session = held_session(world, attendees=[head, clerk], trainers=[trainer, guest])

    client.force_login(getattr(world, who))
    for page_url in (url(world, "session_detail", session.pk), url(world, "session_list")):
        page = client.get(page_url).content.decode()
        for name in ("Hatice Şahin", "Mehmet Öz", "Selin Ak", "4411"):
            assert name not in page, (page_url, name)
        assert "Municipal trainer" in page and "Dr. Zeynep Kaya" in page
    detail = client.get(url(world, "session_detail", session.pk))
    assert [(row.label, row.counts.total) for row in detail.context["roles"]] == [
        ("Department head", 1),
        ("Unit staff", 1),
    ]
    assert "2 people attended, by role category and sex" in detail.content.decode()
    assert detail.context["attendees"] is None

    client.force_login(world.bob)
    page = client.get(url(world, "session_detail", session.pk)).content.decode()
    assert "Hatice Şahin" in page and "Mehmet Öz" in page and "Selin Ak" in page


def test_the_list_filters_and_counts_named_attendance_by_sex(world, client):
    basics, fathers = programme(world), public_programme(world)
    held_session(
        world,
        basics,
        directorate=world.social,
        attendees=[person(world), person(world, name="Ali Can", sex=Sex.MAN)],
    )
    held_session(world, fathers, days_ago=400, women=7, men=3)
    client.force_login(world.mona)

    def rows(**query):
        response = client.get(url(world, "session_list"), query)
        return [
            (str(s.programme), people.women, people.men)
            for s, people, _t in response.context["rows"]
        ]

    assert rows() == [(str(basics), 1, 1), ("Baba Destek Programı", 7, 3)]
    assert rows(audience="public") == [("Baba Destek Programı", 7, 3)]
    assert rows(directorate=world.social.pk) == [(str(basics), 1, 1)]
    assert rows(programme=fathers.pk) == [("Baba Destek Programı", 7, 3)]
    # 390 days apart: always in different years.
    earlier = (timezone.localdate() - timedelta(days=400)).year
    assert rows(year=earlier) == [("Baba Destek Programı", 7, 3)]
    assert rows(status="planned") == []


def test_the_attendance_page_adds_and_removes_and_says_how_many(world, client):
    ayse, fatma = person(world), person(world, name="Fatma Işık")
    ali = person(world, name="Ali Can", sex=Sex.MAN, directorate=world.parks)
    session = held_session(world, directorate=world.social, attendees=[ayse])
    client.force_login(world.bob)
    page = url(world, "session_attendance", session.pk)
    response = client.get(page)
    labels = [group.label for group in response.context["groups"]]
    assert labels == ["Park ve Bahçeler Müdürlüğü", "Sosyal Hizmetler Müdürlüğü"]

    everyone = [ayse.pk, fatma.pk, ali.pk]
    response = client.post(page, {"shown": everyone, "attended": [fatma.pk, ali.pk]}, follow=True)
    assert set(session.attendances.values_list("staff_id", flat=True)) == {fatma.pk, ali.pk}
    assert "2 people added. 1 person removed." in response.content.decode()

    # A search shows only some; the people it hides keep their ticks.
    response = client.get(page, {"q": "IŞIK"})
    assert [p.name for g in response.context["groups"] for p in g.people] == ["Fatma Işık"]
    response = client.post(f"{page}?q=IŞIK", {"shown": [fatma.pk]}, follow=True)
    assert list(session.attendances.values_list("staff_id", flat=True)) == [ali.pk]
    assert response.redirect_chain[-1][0] == f"{page}?q=I%C5%9EIK"
    assert "1 person removed." in response.content.decode()


def test_a_person_not_yet_on_the_staff_list_is_added_with_the_ticks_in_one_save(world, client):
    ayse = person(world)
    session = held_session(world, directorate=world.social)
    client.force_login(world.alice)
    page = url(world, "session_attendance", session.pk)
    response = client.post(
        page,
        {
            "shown": [ayse.pk],
            "attended": [ayse.pk],
            "new-name": "  zeynep   KARA ",
            "new-staff_number": " 10 22 ",
            "new-directorate": world.social.pk,
            "new-role_category": category(world, "şube müdürü").pk,
            "new-sex": "woman",
        },
        follow=True,
    )
    zeynep = StaffMember.objects.get(staff_number="1022")
    assert zeynep.name == "zeynep KARA" and zeynep.role_category.name["en"] == "Branch manager"
    assert set(session.attendances.values_list("staff", flat=True)) == {ayse.pk, zeynep.pk}
    assert "2 people added." in response.content.decode()
    assert AuditEntry.objects.filter(action="training.staff.created").count() == 2


def test_a_refused_new_person_saves_nothing(world, client):
    ayse = person(world, staff_number="1022")
    fatma = person(world, name="Fatma Işık")
    session = held_session(world, attendees=[fatma])
    client.force_login(world.alice)
    page = url(world, "session_attendance", session.pk)
    ticks = {"shown": [ayse.pk, fatma.pk], "attended": [ayse.pk]}

    response = client.post(page, {**ticks, "new-name": "Zeynep Kara", "new-staff_number": "1022"})
    assert response.status_code == 200
    form = response.context["newcomer_form"]
    assert form.errors["staff_number"] == ["Staff number 1022 is already Ayşe Yılmaz's."]
    assert "Nothing was saved" in response.content.decode()
    assert response.context["attending"] == {ayse.pk}  # the ticks stay as they were typed
    assert list(session.attendances.values_list("staff", flat=True)) == [fatma.pk]
    assert StaffMember.objects.count() == 2

    # Details without a name, and a person already on the list, are refused the same way.
    response = client.post(page, {**ticks, "new-staff_number": "77"})
    assert "name" in response.context["newcomer_form"].errors
    response = client.post(
        page, {**ticks, "new-name": "FATMA IŞIK", "new-directorate": world.social.pk}
    )
    assert "already on the staff list" in response.context["newcomer_form"].errors["name"][0]
    assert list(session.attendances.values_list("staff", flat=True)) == [fatma.pk]
    assert StaffMember.objects.count() == 2


def test_attendance_change_is_all_or_nothing(world):
    ayse = person(world)
    session = held_session(world)
    with pytest.raises(ValidationError):
        attendance_change(
            session=session,
            by=world.alice,
            add=[ayse],
            newcomers=[{"name": "Ok Kişi"}, {"name": ""}],
        )
    assert not Attendance.objects.exists()
    assert StaffMember.objects.count() == 1


def test_a_counts_session_or_a_planned_one_has_no_names_to_tick(world, client):
    counted = held_session(world, public_programme(world), women=3)
    planned = session_create(
        municipality=world.home,
        programme=programme(world),
        by=world.alice,
        starts_on=timezone.localdate() + timedelta(days=3),
    )
    ayse = person(world)
    client.force_login(world.alice)
    for session, words in ((counted, "counts by sex and group"), (planned, "mark it as held")):
        page = url(world, "session_attendance", session.pk)
        assert words in client.get(page).content.decode()
        client.post(page, {"shown": [ayse.pk], "attended": [ayse.pk]})
    assert not Attendance.objects.exists()


def test_a_long_staff_list_posts_back_in_a_few_fields(world, client):
    """A municipality's whole staff register may be thousands of people; the page sends the
    ids it showed in one field, so saving stays under Django's limit of posted fields."""
    StaffMember.objects.bulk_create(
        StaffMember(municipality=world.home, name=f"Personel {n}", name_key=f"personel {n}")
        for n in range(1500)
    )
    session = held_session(world)
    client.force_login(world.alice)
    page = url(world, "session_attendance", session.pk)
    shown = client.get(page).context["shown"]
    assert len(shown.split(",")) == 1500
    chosen = StaffMember.objects.order_by("pk")[:3]
    response = client.post(page, {"shown": shown, "attended": [p.pk for p in chosen]})
    assert response.status_code == 302
    assert session.attendances.count() == 3
