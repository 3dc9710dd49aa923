from django.conf import settings
from django.urls import reverse


def test_it_speaks_turkish_by_default(world, client):
    client.force_login(world.alice)
    page = client.get("/m/ornek/").content.decode()
    assert '<html lang="tr">' in page
    assert "Genel bakış" in page


def test_it_switches_to_english_and_remembers_it(world, client):
    client.force_login(world.alice)
    response = client.get(reverse("set_language"), {"language": "en", "next": "/m/ornek/"})
    assert response.status_code == 302 and response["Location"] == "/m/ornek/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and int(cookie["max-age"]) >= 60 * 60 * 24 * 300
    page = client.get("/m/ornek/members/").content.decode()
    assert '<html lang="en">' in page and "Members" in page


def test_it_shows_bilingual_names_in_the_chosen_language(world, client):
    world.parks.name = {"tr": "Park ve Bahçeler Müdürlüğü", "en": "Parks Directorate"}
    world.parks.save(update_fields=["name"])
    client.force_login(world.alice)
    client.get(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("directorate_list", args=["ornek"])).content.decode()
    assert "Parks Directorate" in page
    assert "Sosyal Hizmetler Müdürlüğü" in page  # no English name: Turkish shown


def test_it_ignores_unknown_languages(world, client):
    client.force_login(world.alice)
    client.get(reverse("set_language"), {"language": "xx", "next": "/"})
    assert '<html lang="tr">' in client.get("/m/ornek/").content.decode()


def test_it_formats_numbers_the_turkish_way(world, client):
    world.home.population = 412318
    world.home.save(update_fields=["population"])
    client.force_login(world.alice)
    assert "412.318" in client.get("/m/ornek/").content.decode()
    client.get(reverse("set_language"), {"language": "en", "next": "/"})
    assert "412,318" in client.get("/m/ornek/").content.decode()


def test_it_stays_turkish_for_a_browser_that_prefers_english(world, client):
    client.force_login(world.alice)
    page = client.get("/m/ornek/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="tr">' in page


def test_it_switches_without_a_csrf_token_so_public_pages_are_the_same_for_everyone(client):
    page = client.get("/accounts/login/").content.decode()
    start = page.index('class="lang-switch"')
    switch = page[start : page.index("</form>", start)]
    assert 'method="get"' in switch and "csrfmiddlewaretoken" not in switch
    response = client.get(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_it_never_sends_a_visitor_to_another_site(client):
    response = client.get(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"


def test_it_refuses_to_change_anything_by_post(client):
    assert client.post(reverse("set_language"), {"language": "en"}).status_code == 405
