"""Public pages are made once and served to every visitor until the public content changes:
a change anywhere retires the copies, a signed-in visitor gets a page of their own, and each
language has its own copy."""

import pytest
from django.db import transaction
from django.urls import reverse

from esitlik.plans.models import Action
from esitlik.portal import edition
from esitlik.portal.models import Edition
from esitlik.reports import making


def _plan_page(client, world, language="tr"):
    client.cookies["django_language"] = language
    return client.get(reverse("portal_plan", args=[world.home.slug])).content.decode()


def test_a_second_visitor_gets_the_kept_page_without_a_query(
    world, portal, client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(edition, "STORED_FOR", 3600.0)
    first = _plan_page(client, world)
    with django_assert_num_queries(0):
        second = _plan_page(client, world)
    assert second == first and "Danışma hattı" in second


def test_a_change_in_another_worker_shows_once_the_stored_number_is_read_again(
    world, portal, client, monkeypatch
):
    monkeypatch.setattr(edition, "STORED_FOR", 3600.0)
    assert "Danışma hattı" in _plan_page(client, world)
    # Another worker's change: the stored number rises, this process saw nothing.
    Action.objects.filter(title__tr="Danışma hattı").update(title={"tr": "Başka işçinin adı"})
    edition.raise_stored()
    assert "Danışma hattı" in _plan_page(client, world)  # within STORED_FOR: the kept copy
    monkeypatch.setattr(edition, "STORED_FOR", 0.0)
    assert "Başka işçinin adı" in _plan_page(client, world)


def test_a_change_retires_the_kept_page(world, portal, client):
    assert "Danışma hattı" in _plan_page(client, world)
    action = Action.objects.get(title__tr="Danışma hattı")
    action.title = {"tr": "Kadın danışma hattı 7/24"}
    action.save(update_fields=["title"])
    assert "Kadın danışma hattı 7/24" in _plan_page(client, world)


def test_withdrawing_a_report_takes_it_off_the_kept_list(world, portal, client):
    url = reverse("portal_reports", args=[world.home.slug])
    assert "Yayımlanmış Rapor" in client.get(url).content.decode()
    making.withdraw(report=portal.published, by=world.alice)
    assert "Yayımlanmış Rapor" not in client.get(url).content.decode()


def test_each_language_has_its_own_copy(world, portal, client):
    assert 'lang="tr"' in _plan_page(client, world, "tr")
    assert 'lang="en"' in _plan_page(client, world, "en")
    assert 'lang="tr"' in _plan_page(client, world, "tr")


def test_a_signed_in_visitor_gets_a_page_of_their_own(world, portal, client):
    anonymous = _plan_page(client, world)
    assert world.alice.username not in anonymous
    client.force_login(world.alice)
    page = _plan_page(client, world)
    assert 'class="user-menu"' in page
    client.logout()
    assert 'class="user-menu"' not in _plan_page(client, world)


def test_the_citizen_form_is_never_shared(world, portal, client):
    url = reverse("portal_send", args=[world.home.slug])
    first, second = client.get(url), client.get(url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first.cookies and second.status_code == 200


def test_a_page_that_failed_is_not_kept(world, client):
    assert client.get("/p/yok-boyle/plan/").status_code == 404
    assert client.get("/p/yok-boyle/plan/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_stored_number_rises_once_per_transaction_after_it_commits(world):
    before = Edition.objects.get(pk=1).number if Edition.objects.filter(pk=1).exists() else 0
    with transaction.atomic():
        world.parks.phone = "0224 000 00 00"
        world.parks.save()
        world.social.phone = "0224 000 00 01"
        world.social.save()
        assert Edition.objects.filter(pk=1, number__gt=before).count() == 0
    assert Edition.objects.get(pk=1).number == before + 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_the_stored_number(world):
    before = edition.stored()
    with pytest.raises(RuntimeError), transaction.atomic():
        world.parks.save()
        raise RuntimeError
    assert edition.stored() == before
