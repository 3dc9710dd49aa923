"""Every portal page opens without signing in, in Turkish and English, and shows only what
is published: never a draft plan, an unpublished or internal report, a value waiting for
review, or another municipality's content."""

import pytest
from django.urls import reverse

PAGES = [
    "portal_home",
    "portal_plan",
    "portal_indicators",
    "portal_reports",
    "portal_inputs",
    "portal_figures",
    "portal_data",
]


def _get(client, url, language="tr"):
    client.cookies["django_language"] = language
    return client.get(url)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_it_opens_every_page_without_sign_in_in_both_languages(world, portal, client, language):
    assert _get(client, reverse("portal_index"), language).status_code == 200
    for name in PAGES:
        response = _get(client, reverse(name, args=[world.home.slug]), language)
        assert response.status_code == 200, name
        page = response.content.decode()
        assert f'lang="{language}"' in page
        assert "Gizli Taslak Plan" not in page, name
        assert "Iğdır" not in page, name


def test_it_lists_every_municipality(world, client):
    page = client.get(reverse("portal_index")).content.decode()
    assert world.home.name in page and world.other.name in page


def test_it_answers_404_for_a_municipality_that_does_not_exist(db, client):
    assert client.get("/p/yok-boyle-bir-belediye/").status_code == 404


def test_it_shows_the_adopted_plan_with_actions_and_progress(world, portal, client):
    page = _get(client, reverse("portal_plan", args=[world.home.slug]), "en").content.decode()
    assert "Üçüncü YEEP" in page
    assert "Danışma hattı" in page
    assert "Sosyal Hizmetler Müdürlüğü" in page
    assert "Not started" in page


def test_it_shows_no_plan_while_there_is_only_a_draft(world, client):
    from esitlik.plans import services

    services.plan_create(
        municipality=world.home,
        title={"tr": "Gizli Taslak Plan"},
        start_year=2025,
        end_year=2028,
        by=None,
    )
    page = _get(client, reverse("portal_plan", args=[world.home.slug]), "en").content.decode()
    assert "No action plan has been adopted yet." in page
    assert "Gizli Taslak Plan" not in page


def test_it_shows_approved_indicator_values_only_with_a_chart(world, portal, client):
    page = _get(client, reverse("portal_indicators", args=[world.home.slug]), "en").content.decode()
    assert "Danışan kadın sayısı" in page
    assert "87" in page and "120" in page
    assert "4321" not in page and "4.321" not in page
    chart = reverse("portal_indicator_chart", args=[world.home.slug, portal.indicator.pk])
    assert chart in page
    assert 'alt="Latest approved value: 87 (2025), against a target of 120."' in page
    response = client.get(chart)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.decode().lstrip().startswith("<svg")


def test_it_answers_404_for_another_municipalitys_indicator(world, portal, client):
    url = reverse("portal_indicator_chart", args=[world.other.slug, portal.indicator.pk])
    assert client.get(url).status_code == 404


def test_it_lists_only_published_public_reports(world, portal, client):
    page = _get(client, reverse("portal_reports", args=[world.home.slug])).content.decode()
    assert "Yayımlanmış Rapor" in page
    assert "Yayımlanmamış Rapor" not in page
    assert "İç Rapor" not in page
    assert "Iğdır Raporu" not in page


@pytest.mark.parametrize("format", ["pdf", "xlsx", "html", "json"])
def test_it_downloads_a_published_report_in_every_format(world, portal, client, format):
    url = reverse("portal_report_download", args=[world.home.slug, portal.published.pk, format])
    response = client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if format == "pdf":
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


def test_it_answers_404_for_unpublished_internal_and_foreign_reports(world, portal, client):
    for report in (portal.unpublished, portal.internal, portal.foreign):
        url = reverse("portal_report_download", args=[world.home.slug, report.pk, "pdf"])
        assert client.get(url).status_code == 404
    url = reverse("portal_report_download", args=[world.home.slug, portal.published.pk, "exe"])
    assert client.get(url).status_code == 404


def test_it_shows_inputs_with_identifiers_masked_and_the_action_they_became(world, portal, client):
    page = _get(client, reverse("portal_inputs", args=[world.home.slug]), "en").content.decode()
    assert portal.item.reference in page
    assert "Kadın sığınma evi yok." in page
    assert "ayse@example.org" not in page
    assert "123 45 67" not in page
    assert "10000000146" not in page
    assert "Taken into the plan" in page
    assert "Danışma hattı" in page
    assert "Muhtarlar çalıştayı" not in page


def test_it_looks_up_an_input_by_its_reference(world, portal, client):
    url = reverse("portal_inputs", args=[world.home.slug])
    page = _get(client, f"{url}?ref={portal.item.reference.lower()}", "en").content.decode()
    assert "Kadın sığınma evi yok." in page
    page = _get(client, f"{url}?ref=G-1999-0001", "en").content.decode()
    assert "No input has the reference G-1999-0001." in page
    assert "Kadın sığınma evi yok." not in page
    # Another municipality's reference finds nothing here.
    other = reverse("portal_inputs", args=[world.other.slug])
    page = _get(client, f"{other}?ref={portal.item.reference}", "en").content.decode()
    assert "Kadın sığınma evi yok." not in page


def test_it_shows_small_counts_of_people_as_the_marker(world, portal, client):
    page = _get(client, reverse("portal_figures", args=[world.home.slug]), "en").content.decode()
    assert "Participants by sex" in page
    # Three women: hidden, and the men with them so the three cannot be worked out.
    assert '<td class="num">c</td>' in page
    assert '<td class="num">3</td>' not in page
