"""The trainer pool's pages: who reads and who keeps them, staff trainers' names kept from
roles that may not see staff, certificates and their expiry, and the forms."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from esitlik.core.sex import Sex
from esitlik.training.models import Certification, Trainer
from esitlik.training.staff import staff_update
from esitlik.training.trainers import certification_add, trainer_create, trainer_update
from tests.training.helpers import held_session, person, programme

pytestmark = pytest.mark.django_db

STAFF_NAME = "Gülşen Korkmaz"


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def page(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


def certify(trainer, days_left=None, title="Hak temelli izleme eğiticisi", issued_days_ago=400):
    today = timezone.localdate()
    return certification_add(
        trainer=trainer,
        by=None,
        title=title,
        issuer="CEİD",
        issued_on=today - timedelta(days=issued_days_ago),
        expires_on=None if days_left is None else today + timedelta(days=days_left),
    )


@pytest.fixture
def pool(world):
    """A staff trainer with a valid certificate who gave a session, an external trainer
    whose certificate expires soon, a staff person in training and a former trainer."""
    staff_trainer = trainer_create(
        municipality=world.home,
        by=None,
        staff=person(world, name=STAFF_NAME),
        topics=["Toplumsal cinsiyet eşitliği", "Hak temelli izleme"],
        notes=f"{STAFF_NAME} eğitici eğitimini 2024 yılında tamamladı.",
    )
    certify(staff_trainer, days_left=400)
    held_session(world, programme(world, title="TCE temel eğitimi"), trainers=[staff_trainer])
    external = trainer_create(
        municipality=world.home,
        by=None,
        kind="external",
        name="Deniz Aksoy",
        organisation="AÇEV",
        sex=Sex.MAN,
        topics=["Baba destek"],
    )
    certify(external, days_left=30, title="Baba Destek Programı eğiticisi")
    learner = trainer_create(
        municipality=world.home,
        by=None,
        staff=person(world, name="İpek Şahin", directorate=world.parks),
        status="in_training",
        training_for="İşlevsel yetişkin okuryazarlığı",
    )
    former = trainer_create(
        municipality=world.home, by=None, kind="external", name="Eski Eğitmen", status="inactive"
    )
    certify(former, days_left=-5, title="Süresi geçmiş sertifika")
    return {"staff": staff_trainer, "external": external, "learner": learner, "former": former}


@pytest.mark.parametrize("who", ["carol", "mona"])
def test_commission_members_and_monitors_never_see_a_staff_trainers_name(world, client, pool, who):
    client.force_login(getattr(world, who))
    pages = [
        page(client, url(world, "trainer_list")),
        page(client, url(world, "trainer_list"), topic="Hak temelli izleme"),
        page(client, url(world, "workforce")),
        *(page(client, url(world, "trainer_detail", t.pk)) for t in pool.values()),
    ]
    for html in pages:
        assert STAFF_NAME not in html and "İpek Şahin" not in html
        assert "Gülşen" not in html and "Şahin" not in html
    listing = pages[0]
    assert listing.count("Municipal staff trainer") == 2
    assert "Deniz Aksoy" in listing  # an external trainer is no staff person
    assert "Sosyal Hizmetler Müdürlüğü" in listing  # the directorate, not the person
    detail = pages[3]
    assert "<h1>Municipal staff trainer</h1>" in detail
    assert reverse("staff_detail", args=[world.home.slug, pool["staff"].staff_id]) not in detail


def test_the_equality_unit_and_focal_points_see_staff_trainers_names(world, client, pool):
    for who in (world.alice, world.bob):
        client.force_login(who)
        html = page(client, url(world, "trainer_list"))
        assert STAFF_NAME in html and "İpek Şahin" in html
        assert "Municipal staff trainer" not in html
        detail = page(client, url(world, "trainer_detail", pool["staff"].pk))
        assert f"<h1>{STAFF_NAME}</h1>" in detail
        assert "eğitici eğitimini 2024" in detail
        assert reverse("staff_detail", args=[world.home.slug, pool["staff"].staff_id]) in detail


@pytest.mark.parametrize("who", ["bob", "carol", "mona"])
def test_only_the_equality_unit_changes_the_pool(world, client, pool, who):
    trainer = pool["external"]
    cert = trainer.certifications.get()
    client.force_login(getattr(world, who))
    html = page(client, url(world, "trainer_detail", trainer.pk))
    assert url(world, "trainer_edit", trainer.pk) not in html
    assert url(world, "certification_delete", trainer.pk, cert.pk) not in html
    assert url(world, "trainer_create") not in page(client, url(world, "trainer_list"))
    for address in (
        url(world, "trainer_create"),
        url(world, "trainer_edit", trainer.pk),
        url(world, "certification_create", trainer.pk),
        url(world, "certification_edit", trainer.pk, cert.pk),
        url(world, "certification_delete", trainer.pk, cert.pk),
    ):
        assert client.post(address, {"title": "x"}).status_code == 403
    assert Certification.objects.filter(pk=cert.pk).exists()


def test_the_network_coordinator_does_not_open_the_pool(world, client, pool):
    client.force_login(world.nina)
    assert client.get(url(world, "trainer_list")).status_code == 403
    assert client.get(url(world, "trainer_detail", pool["external"].pk)).status_code == 403


def test_it_groups_the_pool_by_status_with_certificates_and_sessions(world, client, pool):
    client.force_login(world.alice)
    response = client.get(url(world, "trainer_list"))
    groups = {
        status: [row.trainer for row in rows] for status, _l, rows in response.context["groups"]
    }
    assert groups == {
        "active": [pool["external"], pool["staff"]],  # Deniz before Gülşen
        "in_training": [pool["learner"]],
        "inactive": [pool["former"]],
    }
    html = response.content.decode()
    assert html.index("Trains") < html.index("In training to become a trainer")
    assert "Being trained for: İşlevsel yetişkin okuryazarlığı" in html
    assert "Expires within 90 days" in html and "Expired" in html and "Valid" in html
    staff_row = html[html.index(STAFF_NAME) :].split("</tr>")[0]
    assert staff_row.rstrip().endswith('<td class="num">1</td>')
    assert "AÇEV" in html


@pytest.mark.parametrize(
    ("certification", "expected"),
    [
        ("valid", {"staff"}),
        ("expiring", {"external"}),
        ("expired", {"former"}),
        ("none", {"learner"}),
        ("no_expiry", set()),
    ],
)
def test_it_filters_by_certification_status(world, client, pool, certification, expected):
    client.force_login(world.alice)
    response = client.get(url(world, "trainer_list"), {"certification": certification})
    shown = {row.trainer.pk for _s, _l, rows in response.context["groups"] for row in rows}
    assert shown == {pool[key].pk for key in expected}


def test_it_filters_by_topic_offering_each_topic_once(world, client, pool):
    trainer_update(trainer=pool["former"], by=None, topics=["HAK TEMELLİ İZLEME"])
    client.force_login(world.alice)
    for typed in ("Hak temelli izleme", "HAK TEMELLİ İZLEME", "hak temelli izleme"):
        response = client.get(url(world, "trainer_list"), {"topic": typed})
        shown = {row.trainer.pk for _s, _l, rows in response.context["groups"] for row in rows}
        assert shown == {pool["staff"].pk, pool["former"].pk}
    topics = [value for value, _label in response.context["form"].fields["topic"].choices]
    assert topics == ["", "Baba destek", "Hak temelli izleme", "Toplumsal cinsiyet eşitliği"]


def test_a_certificate_without_expiry_and_one_expiring_today(world, client, pool):
    certify(pool["learner"], days_left=None, title="Süresiz")
    certify(pool["learner"], days_left=0, title="Bugün biten")
    client.force_login(world.alice)
    html = page(client, url(world, "trainer_detail", pool["learner"].pk))
    assert "No expiry date" in html
    row = html[html.index("Bugün biten") :].split("</tr>")[0]
    assert "Expires within 90 days" in row


def test_the_trainer_page_lists_certificates_sessions_topics_and_training(world, client, pool):
    client.force_login(world.alice)
    html = page(client, url(world, "trainer_detail", pool["staff"].pk))
    assert "TCE temel eğitimi" in html and "Held" in html
    assert "Hak temelli izleme eğiticisi" in html and "CEİD" in html
    assert "Toplumsal cinsiyet eşitliği" in html
    cert = pool["staff"].certifications.get()
    assert url(world, "certification_edit", pool["staff"].pk, cert.pk) in html
    learner = page(client, url(world, "trainer_detail", pool["learner"].pk))
    assert "İşlevsel yetişkin okuryazarlığı" in learner
    assert "No session given yet." in learner and "No certification recorded." in learner


def test_it_offers_active_staff_who_are_not_trainers_yet(world, client, pool):
    candidate = person(world, name="Çiğdem Uysal")
    gone = person(world, name="Ayrılmış Personel")
    staff_update(staff=gone, by=None, is_active=False)
    client.force_login(world.alice)
    choices = (
        page(client, url(world, "trainer_create")).split('name="staff"')[1].split("</select>")[0]
    )
    assert "Çiğdem Uysal — Sosyal Hizmetler Müdürlüğü" in choices
    assert f'value="{candidate.pk}"' in choices
    assert STAFF_NAME not in choices and "Ayrılmış" not in choices
    edit = page(client, url(world, "trainer_edit", pool["staff"].pk))
    assert f'value="{pool["staff"].staff_id}" selected' in edit


def test_it_adds_a_staff_trainer(world, client):
    someone = person(world, name="Çiğdem Uysal")
    client.force_login(world.alice)
    response = client.post(
        url(world, "trainer_create"),
        {
            "kind": "internal",
            "staff": someone.pk,
            "sex": "not_stated",
            "topics": " toplumsal cinsiyet ; Toplumsal Cinsiyet, şiddetle mücadele ",
            "status": "active",
        },
    )
    trainer = Trainer.objects.get(staff=someone)
    assert response["Location"] == url(world, "trainer_detail", trainer.pk)
    assert trainer.topics == ["toplumsal cinsiyet", "şiddetle mücadele"]


def test_it_adds_an_external_trainer_forgiving_spaces_and_a_typed_sex(world, client):
    client.force_login(world.alice)
    client.post(
        url(world, "trainer_create"),
        {
            "kind": "external",
            "name": "  Serap   Yıldız ",
            "organisation": " Kadın Emeği Vakfı ",
            "sex": "KADIN",
            "status": "in_training",
            "training_for": " Baba Destek Programı ",
        },
    )
    trainer = Trainer.objects.get(kind="external")
    assert (trainer.name, trainer.organisation, trainer.sex) == (
        "Serap Yıldız",
        "Kadın Emeği Vakfı",
        Sex.WOMAN,
    )
    assert trainer.training_for == "Baba Destek Programı"


@pytest.mark.parametrize(
    ("posted", "field", "message"),
    [
        ({"kind": "internal"}, "staff", "Choose the staff person who trains."),
        ({"kind": "external"}, "name", "Give the trainer's name."),
        (
            {"kind": "external", "name": "Biri", "status": "in_training"},
            "training_for",
            "Say what the person is being trained to deliver.",
        ),
    ],
)
def test_it_says_what_is_missing_on_the_field(world, client, posted, field, message):
    client.force_login(world.alice)
    response = client.post(
        url(world, "trainer_create"), {"sex": "not_stated", "status": "active", **posted}
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not Trainer.objects.exists()


def test_it_refuses_an_edit_made_from_a_stale_form(world, client, pool):
    trainer = pool["external"]
    opened = trainer.version
    trainer_update(trainer=trainer, by=world.alice, organisation="AÇEV Vakfı")
    client.force_login(world.alice)
    response = client.post(
        url(world, "trainer_edit", trainer.pk),
        {
            "kind": "external",
            "name": "Deniz Aksoy",
            "organisation": "Başka",
            "sex": "man",
            "status": "active",
            "version": opened,
        },
    )
    assert response.status_code == 200
    assert "Someone else saved a change" in response.content.decode()
    trainer.refresh_from_db()
    assert trainer.organisation == "AÇEV Vakfı"


def test_it_edits_a_trainer_and_keeps_the_version(world, client, pool):
    trainer = pool["learner"]
    client.force_login(world.alice)
    response = client.post(
        url(world, "trainer_edit", trainer.pk),
        {
            "kind": "internal",
            "staff": trainer.staff_id,
            "sex": "not_stated",
            "topics": "Okuryazarlık",
            "status": "active",
            "training_for": "",
            "version": trainer.version,
        },
    )
    assert response.status_code == 302
    trainer.refresh_from_db()
    assert (trainer.status, trainer.topics, trainer.version) == ("active", ["Okuryazarlık"], 2)


def test_it_adds_a_certification_with_dates_typed_the_turkish_way(world, client, pool):
    trainer = pool["learner"]
    client.force_login(world.alice)
    response = client.post(
        url(world, "certification_create", trainer.pk),
        {
            "title": "  İşlevsel yetişkin okuryazarlığı eğiticisi ",
            "issuer": "Halk Eğitim Merkezi",
            "issued_on": "15.03.2025",
            "expires_on": "14.03.2028",
        },
    )
    assert response["Location"] == url(world, "trainer_detail", trainer.pk)
    cert = trainer.certifications.get()
    assert cert.title == "İşlevsel yetişkin okuryazarlığı eğiticisi"
    assert (cert.issued_on, cert.expires_on) == (date(2025, 3, 15), date(2028, 3, 14))


def test_it_refuses_a_certification_that_expires_before_it_was_issued(world, client, pool):
    trainer = pool["learner"]
    client.force_login(world.alice)
    response = client.post(
        url(world, "certification_create", trainer.pk),
        {"title": "X", "issuer": "Y", "issued_on": "15.03.2025", "expires_on": "01.01.2025"},
    )
    assert response.context["form"].errors["expires_on"] == [
        "It cannot expire before it was issued."
    ]
    assert not trainer.certifications.exists()


def test_it_edits_a_certification(world, client, pool):
    trainer = pool["external"]
    cert = trainer.certifications.get()
    client.force_login(world.alice)
    response = client.post(
        url(world, "certification_edit", trainer.pk, cert.pk),
        {"title": cert.title, "issuer": "AÇEV", "issued_on": "2024-01-10", "expires_on": ""},
    )
    assert response.status_code == 302
    cert.refresh_from_db()
    assert (cert.issuer, cert.issued_on, cert.expires_on) == ("AÇEV", date(2024, 1, 10), None)


def test_it_asks_before_deleting_a_certification_and_deletes_on_post(world, client, pool):
    trainer = pool["external"]
    cert = trainer.certifications.get()
    client.force_login(world.alice)
    address = url(world, "certification_delete", trainer.pk, cert.pk)
    html = page(client, address)
    assert "Delete “Baba Destek Programı eğiticisi”" in html
    assert Certification.objects.filter(pk=cert.pk).exists()
    response = client.post(address)
    assert response["Location"] == url(world, "trainer_detail", trainer.pk)
    assert not Certification.objects.filter(pk=cert.pk).exists()


def test_a_certification_is_found_only_under_its_own_trainer(world, client, pool):
    cert = pool["external"].certifications.get()
    client.force_login(world.alice)
    address = url(world, "certification_edit", pool["staff"].pk, cert.pk)
    assert client.get(address).status_code == 404
