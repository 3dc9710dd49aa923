"""A citizen sends a problem or proposal through the portal: it lands among the inputs under
review with a reference, is moderated before others read it, and is kept out of the list
while spam and floods are refused with a clear message and nothing lost."""

from django.core.cache import cache
from django.urls import reverse

from esitlik.core.models import AuditEntry, RateCount
from esitlik.participation.inputs import input_decide
from esitlik.participation.models import Input
from esitlik.portal.sending import over_limit

TEXT = "Mahallemizdeki parkta kadınlar için aydınlatma yok; akşam yürüyüşü yapılamıyor."


def url(world, name="portal_send", **kwargs):
    return reverse(name, kwargs={"slug": world.home.slug, **kwargs})


def send(client, world, **values):
    data = {"kind": "proposal", "text": TEXT, "target_groups": ["women"], **values}
    return client.post(url(world), data)


def test_a_citizen_sends_a_proposal_and_gets_a_reference_to_follow(world, client):
    page = client.get(url(world))
    assert page.status_code == 200
    response = send(client, world)
    item = Input.objects.get()
    assert response.status_code == 302
    assert response.url == url(world, "portal_sent", reference=item.reference)
    assert item.channel == Input.Channel.PORTAL
    assert item.status == Input.Status.UNDER_REVIEW
    assert item.created_by is None and item.target_groups == ["women"]
    assert AuditEntry.objects.filter(action="participation.input.created").count() == 1
    thanks = client.get(response.url).content.decode()
    assert item.reference in thanks
    assert f"?ref={item.reference}" in thanks


def test_a_message_is_read_by_others_only_once_the_unit_has_decided(world, client):
    send(client, world)
    item = Input.objects.get()
    listing = client.get(url(world, "portal_inputs")).content.decode()
    assert item.reference not in listing and "aydınlatma" not in listing
    looked_up = client.get(url(world, "portal_inputs") + f"?ref={item.reference}")
    text = looked_up.content.decode()
    assert item.reference in text and "aydınlatma" not in text
    input_decide(
        item=item,
        by=world.alice,
        status=Input.Status.NOT_TAKEN,
        reason="Parkların aydınlatması Fen İşlerinin 2027 programında.",
    )
    listing = client.get(url(world, "portal_inputs")).content.decode()
    assert item.reference in listing and "aydınlatma yok" in listing
    assert "Fen İşlerinin 2027 programında" in listing


def test_the_honeypot_refuses_a_bot_and_stores_nothing(world, client):
    response = send(client, world, website="http://spam.example")
    assert response.status_code == 200
    assert "Gizli olan son alanı boş bırakın" in response.content.decode()
    assert not Input.objects.exists()


def test_a_flood_is_refused_with_the_text_kept(world, client, settings):
    settings.PORTAL_SEND_RATE = 2
    assert send(client, world).status_code == 302
    assert send(client, world).status_code == 302
    refused = send(client, world, text="Üçüncü mesajım")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "çok fazla mesaj" in page
    assert "Üçüncü mesajım" in page  # nothing the person wrote is lost
    assert Input.objects.count() == 2
    # Counted in the database, so it holds across server workers (each has its own cache),
    # under a keyed hash of the address, which is not stored.
    cache.clear()
    assert send(client, world).status_code == 429
    # Opening the form again says so before anything is typed.
    again = client.get(reverse("portal_send", kwargs={"slug": world.home.slug}))
    assert again.status_code == 200 and "çok fazla mesaj" in again.content.decode()
    assert "127.0.0.1" not in RateCount.objects.get().key
    assert over_limit(world.home, "127.0.0.1") and not over_limit(world.other, "127.0.0.1")
    # Another municipality's counter is its own.
    other = client.post(
        reverse("portal_send", kwargs={"slug": world.other.slug}),
        {"kind": "need", "text": "Başka belediye"},
    )
    assert other.status_code == 302


def test_it_says_what_is_missing_and_refuses_too_long_a_text(world, client):
    response = send(client, world, text="  ", kind="")
    assert response.status_code == 200
    form = response.context["form"]
    assert "text" in form.errors and "kind" in form.errors
    too_long = send(client, world, text="a" * 5001)
    assert "text" in too_long.context["form"].errors
    assert not Input.objects.exists()


def test_a_neighbourhood_of_another_municipality_cannot_be_chosen(world, client):
    from esitlik.core.neighbourhoods import neighbourhood_create

    theirs = neighbourhood_create(municipality=world.other, name="Iğdır Merkez", by=None)
    response = send(client, world, neighbourhood=str(theirs.pk))
    assert response.status_code == 200
    assert "neighbourhood" in response.context["form"].errors
    assert not Input.objects.exists()


def test_an_unknown_reference_is_not_found(world, client):
    assert client.get(url(world, "portal_sent", reference="G-2026-9999")).status_code == 404


def test_behind_a_proxy_each_citizen_has_their_own_limit(world, client, settings):
    # Every request comes from the proxy; the client is the address it appended (as the
    # audit log and the sign-in lockout read it), so one flooder does not block a town.
    settings.BEHIND_PROXY = True
    settings.PORTAL_SEND_RATE = 1
    first = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}
    data = {"kind": "proposal", "text": TEXT, "target_groups": ["women"]}
    assert client.post(url(world), data, **first).status_code == 302
    assert client.post(url(world), data, **first).status_code == 429
    assert client.post(url(world), data, **second).status_code == 302
