"""The list of imports with its filters, a run's page in each state, the progress page with
and without JavaScript, and the status JSON."""

from django.urls import reverse

from tests.datasets.pages import make_run


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def test_it_lists_every_run_of_the_municipality_with_filters(world, client):
    make_run(world, directorate=world.social, kind="workforce", file_name="kadro.xlsx")
    make_run(world, directorate=world.parks, status="failed", file_name="park.csv")
    make_run(world, kind="population", year=2024, file_name="adnks.csv")
    elsewhere = make_run(world, file_name="baska.csv")
    elsewhere.municipality = world.other
    elsewhere.save()
    client.force_login(world.mona)

    def shown(**query):
        page = client.get(url(world, "dataset_import_list"), query)
        return {run.file_name for run, _may_act in page.context["rows"]}

    assert shown() == {"kadro.xlsx", "park.csv", "adnks.csv"}
    assert shown(kind="workforce") == {"kadro.xlsx"}
    assert shown(year=2024) == {"adnks.csv"}
    assert shown(status="failed") == {"park.csv"}
    assert shown(directorate=world.parks.pk) == {"park.csv"}
    assert shown(kind="workforce", year=2024) == set()
    # Unknown filter values are ignored, not an error page.
    assert shown(year="abc", kind="nope") == {"kadro.xlsx", "park.csv", "adnks.csv"}


def test_a_focal_point_sees_all_runs_but_may_act_only_on_their_directorates(world, client):
    make_run(world, directorate=world.social, file_name="sosyal.csv")
    make_run(world, directorate=world.parks, file_name="park.csv")
    make_run(world, file_name="adnks.csv", kind="population")
    client.force_login(world.bob)
    rows = client.get(url(world, "dataset_import_list")).context["rows"]
    assert {run.file_name: may_act for run, may_act in rows} == {
        "sosyal.csv": True,
        "park.csv": False,
        "adnks.csv": False,
    }


def test_a_landed_run_shows_its_figures_by_sex_and_mapping(world, client):
    run = make_run(
        world,
        directorate=world.social,
        rows_read=120,
        rows_stored=120,
        mapping={"Hizmet Adı": "service", "Kadın": "women", "Erkek": "men", "Not": ""},
        dropped_columns=["TC Kimlik No"],
        summary={"rows": 120, "by_sex": {"women": 90, "men": 30}},
        warnings=[{"message": "Cinsiyeti belirtilmemiş satırlar %12."}],
    )
    client.force_login(world.carol)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    for words in (
        "120 rows of the file were imported.",
        "75%",
        "25%",
        "Hizmet Adı",
        "left out",
        "TC Kimlik No",
        "never stored",
        "Cinsiyeti belirtilmemiş satırlar %12.",
    ):
        assert words in page, words
    # Carol reads; withdrawing is for the equality unit and the directorate's focal point.
    assert url(world, "dataset_import_withdraw", run.pk) not in page
    client.force_login(world.bob)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    assert url(world, "dataset_import_withdraw", run.pk) in page


def test_a_records_run_says_the_records_are_kept_as_counts(world, client):
    run = make_run(
        world, kind="service_records", rows_read=6000, rows_stored=1231, summary={"rows": 6000}
    )
    client.force_login(world.carol)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    assert "6,000 rows of the file were imported." in page
    assert "Stored as 1,231 rows of counts" in page
    assert "never kept one row per person" in page


def test_a_refused_run_shows_its_problems(world, client):
    problems = [
        {
            "row": 4,
            "column": "Cinsiyet",
            "letter": "C",
            "value": "X",
            "rule": "sex",
            "message": "“X” is not a sex: write Kadın, Erkek, Diğer or Belirtilmemiş.",
        }
    ]
    run = make_run(
        world, directorate=world.social, status="failed", error_count=31, problems=problems
    )
    client.force_login(world.bob)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    assert "The file has 31 problems, so nothing was imported." in page
    assert "The first 1 of 31 problems" in page
    assert "is not a sex" in page
    assert url(world, "dataset_import_problems", run.pk) in page
    assert url(world, "dataset_import_withdraw", run.pk) not in page  # nothing to withdraw


def test_the_progress_page_refreshes_itself_while_the_run_works(world, client):
    run = make_run(world, directorate=world.social, status="running", progress=40)
    client.force_login(world.bob)
    response = client.get(url(world, "dataset_import_progress", run.pk))
    page = response.content.decode()
    assert '<progress id="run-progress-bar" max="100" value="40"' in page
    assert "40% — checking the rows" in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert "task-progress.js" in page
    assert url(world, "dataset_import_status", run.pk) in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_progress_page_of_a_queued_run_says_it_waits(world, client):
    run = make_run(world, directorate=world.social, status="queued")
    client.force_login(world.carol)
    page = client.get(url(world, "dataset_import_progress", run.pk)).content.decode()
    assert 'value="0"' in page and "waiting for its turn" in page


def test_a_finished_run_leaves_the_progress_page_for_its_own(world, client):
    client.force_login(world.bob)
    for status in ("landed", "failed", "withdrawn"):
        run = make_run(world, directorate=world.social, status=status)
        response = client.get(url(world, "dataset_import_progress", run.pk))
        assert response["Location"] == url(world, "dataset_import_detail", run.pk), status
    uploaded = make_run(world, directorate=world.social, status="uploaded")
    response = client.get(url(world, "dataset_import_progress", uploaded.pk))
    assert response["Location"] == url(world, "dataset_import_map", uploaded.pk)


def test_the_status_json_follows_the_run(world, client):
    run = make_run(world, directorate=world.social, status="running", progress=40, rows_read=9)
    client.force_login(world.mona)
    status = client.get(url(world, "dataset_import_status", run.pk)).json()
    assert status == {
        "status": "running",
        "status_label": "Being imported",
        "progress": 40,
        "phase": "checking the rows",
        "text": "40% — checking the rows",
        "done": False,
        "rows_read": 9,
        "error_count": 0,
        "detail_url": url(world, "dataset_import_detail", run.pk),
    }
    run.status, run.progress = "landed", 100
    run.save()
    status = client.get(url(world, "dataset_import_status", run.pk)).json()
    assert (status["done"], status["progress"], status["status_label"]) == (True, 100, "Imported")


def test_the_status_json_is_never_cached_and_is_404_for_another_municipality(world, client):
    run = make_run(world, directorate=world.social, status="queued")
    client.force_login(world.carol)
    response = client.get(url(world, "dataset_import_status", run.pk))
    assert "no-store" in response["Cache-Control"]
    client.force_login(world.oscar)
    assert client.get(url(world, "dataset_import_status", run.pk)).status_code == 404
    other = reverse("dataset_import_status", args=[world.other.slug, run.pk])
    assert client.get(other).status_code == 404


def test_a_refused_run_lists_the_names_the_lists_do_not_have(world, client):
    unknown = [
        {
            "column": "Hizmet",
            "letter": "A",
            "rule": "unknown_service",
            "value": "Aş evi",
            "rows": 40,
        },
        {
            "column": "Mahalle",
            "letter": "B",
            "rule": "unknown_neighbourhood",
            "value": "Merkz",
            "rows": 3,
        },
    ]
    run = make_run(
        world,
        directorate=world.social,
        status="failed",
        error_count=43,
        summary={"unknown": unknown},
    )
    client.force_login(world.alice)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    for words in ("Aş evi", "a service of the catalogue", "Merkz", "a neighbourhood of the list"):
        assert words in page
    assert url(world, "dataset_service_list") in page
    client.force_login(world.bob)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    assert "ask the equality unit" in page and url(world, "dataset_service_list") not in page
