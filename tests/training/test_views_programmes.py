"""The programme pages: the list with what each programme reached, the detail with its sessions
and evaluation, and the equality unit's form."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.training.models import Programme
from esitlik.training.programmes import programme_update
from esitlik.training.sessions import session_create
from esitlik.training.trainers import trainer_create
from tests.plans.helpers import build, make_plan
from tests.training.helpers import held_session, person, programme, public_programme


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def form_data(**values):
    data = {
        "title_0": "  Toplumsal cinsiyet   eşitliği temel eğitimi ",
        "title_1": "Gender equality basics",
        "audience": "staff",
        "topics": "Toplumsal cinsiyet eşitliği, şiddetle mücadele ,TOPLUMSAL CİNSİYET EŞİTLİĞİ",
        "partner": " Kadın Emeğini Değerlendirme Vakfı ",
        "description": "Bir günlük temel eğitim.",
    }
    data.update(values)
    return data


def test_it_lists_programmes_with_held_sessions_and_distinct_people_reached(world, client):
    ayse, fatma = person(world), person(world, name="Fatma Öztürk")
    basics = programme(world, topics=["TCE", "şiddet"])
    held_session(world, basics, attendees=[ayse, fatma])
    held_session(world, basics, days_ago=3, attendees=[ayse])  # Ayşe twice: one person
    session_create(
        municipality=world.home,
        programme=basics,
        by=world.alice,
        starts_on=timezone.localdate() + timedelta(days=5),
    )
    fathers = public_programme(world, topics=["babalık", "tce"])
    held_session(world, fathers, men=25)
    client.force_login(world.carol)

    response = client.get(url(world, "programme_list"))
    rows = {str(row.programme): row for row in response.context["rows"]}
    assert (rows[str(basics)].held, rows[str(basics)].reached) == (2, 2)
    assert (rows["Baba Destek Programı"].held, rows["Baba Destek Programı"].reached) == (1, 25)
    assert "AÇEV" in response.content.decode()

    def shown(**query):
        page = client.get(url(world, "programme_list"), query)
        return [str(row.programme) for row in page.context["rows"]]

    assert shown(audience="public") == ["Baba Destek Programı"]
    # "TCE" and "tce" are one topic, offered once.
    assert response.context["form"].fields["topic"].choices[1:] == [
        ("babalık", "babalık"),
        ("şiddet", "şiddet"),
        ("TCE", "TCE"),
    ]
    assert shown(topic="TCE") == ["Baba Destek Programı", str(basics)]
    programme_update(programme=fathers, by=world.alice, is_active=False)
    assert shown(offered="no") == ["Baba Destek Programı"]
    assert shown(offered="yes") == [str(basics)]


def test_the_admin_adds_a_programme_with_topics_and_plan_actions(world, client):
    _aim, _objective, action = build(make_plan(world), world)
    client.force_login(world.alice)
    assert "Danışma hattı" in client.get(url(world, "programme_create")).content.decode()

    response = client.post(url(world, "programme_create"), form_data(actions=[action.pk]))
    created = Programme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(world, "programme_detail", created.pk)
    assert created.title == {
        "tr": "Toplumsal cinsiyet eşitliği temel eğitimi",
        "en": "Gender equality basics",
    }
    assert created.topics == ["Toplumsal cinsiyet eşitliği", "şiddetle mücadele"]
    assert created.partner == "Kadın Emeğini Değerlendirme Vakfı"
    assert list(created.actions.all()) == [action]
    assert AuditEntry.objects.filter(action="training.programme.created").count() == 1

    page = client.get(response["Location"]).content.decode()
    assert "Gender equality basics" in page and "Danışma hattı" in page
    # The admin may edit the draft plan's action, so the link opens it.
    plan = action.objective.aim.plan
    assert reverse("action_edit", args=[world.home.slug, plan.pk, action.pk]) in page


def test_it_asks_for_the_turkish_title(world, client):
    client.force_login(world.alice)
    response = client.post(url(world, "programme_create"), form_data(title_0=" ", title_1="X"))
    assert "title" in response.context["form"].errors
    assert not Programme.objects.exists()


def test_an_edit_from_a_stale_form_is_refused(world, client):
    basics = programme(world)
    client.force_login(world.alice)
    stale = form_data(version=basics.version, is_active="on", title_0="Yeni ad")
    programme_update(programme=basics, by=world.alice, partner="CEİD")  # someone else saves
    response = client.post(url(world, "programme_edit", basics.pk), stale)
    assert response.status_code == 200
    assert "Someone else saved a change" in response.content.decode()
    basics.refresh_from_db()
    assert basics.title["tr"] == "Toplumsal cinsiyet eşitliği temel eğitimi"

    fresh = form_data(version=basics.version, title_0="Yeni ad")  # "offered" left unticked
    assert client.post(url(world, "programme_edit", basics.pk), fresh).status_code == 302
    basics.refresh_from_db()
    assert (basics.title["tr"], basics.is_active) == ("Yeni ad", False)


def test_only_the_equality_unit_changes_programmes(world, client):
    basics = programme(world)
    client.force_login(world.bob)
    assert client.post(url(world, "programme_create"), form_data()).status_code == 403
    assert client.post(url(world, "programme_edit", basics.pk), form_data()).status_code == 403
    page = client.get(url(world, "programme_detail", basics.pk)).content.decode()
    assert url(world, "programme_edit", basics.pk) not in page
    # The focal point records sessions of it.
    assert f"{url(world, 'session_create')}?programme={basics.pk}" in page


def test_the_detail_shows_sessions_their_evaluation_and_no_staff_names_to_the_commission(
    world, client
):
    basics = programme(world)
    trainer = trainer_create(municipality=world.home, by=world.alice, staff=person(world))
    guest = trainer_create(
        municipality=world.home,
        by=world.alice,
        kind="external",
        name="Dr. Zeynep Kaya",
        organisation="CEİD",
    )
    first = held_session(
        world, basics, trainers=[trainer], pre_score=Decimal("50"), post_score=Decimal("70")
    )
    held_session(
        world,
        basics,
        days_ago=2,
        trainers=[guest],
        pre_score=Decimal("60"),
        post_score=Decimal("90"),
        satisfaction=Decimal("4.5"),
        evaluation_responses=30,
    )
    first.evaluation_responses = 10
    first.save()

    client.force_login(world.carol)
    response = client.get(url(world, "programme_detail", basics.pk))
    page = response.content.decode()
    # Weighted by forms returned: pre (50·10 + 60·30) / 40 = 57.5, post (70·10 + 90·30) / 40 = 85.
    assert response.context["evaluation"].gain == Decimal("27.5")
    assert "Ayşe Yılmaz" not in page
    assert "Municipal trainer" in page and "Dr. Zeynep Kaya (CEİD)" in page

    client.force_login(world.bob)
    assert "Ayşe Yılmaz" in client.get(url(world, "programme_detail", basics.pk)).content.decode()
