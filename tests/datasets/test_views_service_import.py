"""Adding services from a table pasted from Excel or uploaded: a preview, then all or
nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from esitlik.core.models import AuditEntry
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import Service

PASTED = (
    "Hizmet Adı\tİngilizce ad\tMüdürlük\tKod\tHassas\n"
    "Aşevi\tSoup kitchen\tSH\tSH-01\thayır\n"
    "  Şiddet   destek hattı \t\tsosyal hizmetler müdürlüğü\t\tEVET\n"
    "\t\t\t\t\n"
    "Çocuk parkı bakımı\t\tPARK VE BAHÇELER MÜDÜRLÜĞÜ\t\t\n"
)


def url(world, name="dataset_service_import"):
    return reverse(name, args=[world.home.slug])


def test_a_pasted_table_is_previewed_then_added_whole(world, client):
    service_create(
        municipality=world.home, directorate=world.parks, name="Çocuk parkı bakımı", by=None
    )
    client.force_login(world.alice)
    preview = client.post(url(world), {"text": PASTED})
    html = preview.content.decode()
    assert "2 services to add" in html
    assert "Already in the catalogue, not added again: Çocuk parkı bakımı" in html
    assert Service.objects.count() == 1  # nothing saved by the preview

    confirmed = preview.context["confirm"]["confirmed"].value()
    response = client.post(url(world), {"confirmed": confirmed})
    assert response["Location"] == url(world, "dataset_service_list")
    added = {s.name["tr"]: s for s in Service.objects.exclude(directorate=world.parks)}
    assert set(added) == {"Aşevi", "Şiddet destek hattı"}
    assert added["Aşevi"].name["en"] == "Soup kitchen" and added["Aşevi"].code == "SH-01"
    assert added["Şiddet destek hattı"].sensitive
    assert {s.directorate for s in added.values()} == {world.social}
    assert (
        AuditEntry.objects.filter(action="datasets.service.created", actor=world.alice).count() == 2
    )


def test_a_row_with_a_problem_stops_the_whole_table(world, client):
    client.force_login(world.alice)
    text = (
        "Hizmet;Müdürlük;Hassas\n"
        "Aşevi;Sosyal Hizmetler Müdürlüğü;\n"
        "Kurs;Fen İşleri;\n"  # a directorate of another municipality
        "Aşevi;SH;belki\n"
    )
    response = client.post(
        url(world),
        {"file": SimpleUploadedFile("hizmetler.csv", text.encode("cp1254"), "text/csv")},
    )
    problems = [(p["row"], p["column"]) for p in response.context["sheet"].problems]
    assert problems == [(3, "Müdürlük"), (4, "Hassas")]
    assert response.context["confirm"] is None
    assert "nothing can be added yet" in response.content.decode()
    assert not Service.objects.exists()


def test_a_table_without_the_needed_columns_is_refused_with_their_names(world, client):
    client.force_login(world.alice)
    response = client.post(url(world), {"text": "Ad\nAşevi\n"})
    assert "Directorate" in response.context["sheet"].refusal


def test_nothing_to_read_asks_for_a_table(world, client):
    client.force_login(world.alice)
    response = client.post(url(world), {"text": "   "})
    assert "Paste the table or choose a file." in response.content.decode()


def test_only_the_admin_adds_services_from_a_table(world, client):
    client.force_login(world.bob)
    assert client.post(url(world), {"text": PASTED}).status_code == 403


def test_open_to_is_read_forgivingly_and_carried_to_the_services(world, client):
    client.force_login(world.alice)
    text = (
        "Hizmet\tMüdürlük\tKimlere açık\n"
        "Kadın sığınmaevi\tSH\tKadınlar\n"
        "Baba destek programı\tSH\tE\n"
        "Kadın danışma merkezi\tSH\twomen only\n"
        "Aşevi\tSH\t\n"
        "Spor kursu\tSH\tHerkes\n"
    )
    preview = client.post(url(world), {"text": text})
    html = preview.content.decode()
    assert "5 services to add" in html
    assert "men only" in html and "women only" in html
    confirmed = preview.context["confirm"]["confirmed"].value()
    assert "Kimlere açık" in confirmed.splitlines()[0]
    client.post(url(world), {"confirmed": confirmed})
    open_to = {s.name["tr"]: s.single_sex for s in Service.objects.all()}
    assert open_to == {
        "Kadın sığınmaevi": "women",
        "Baba destek programı": "men",
        "Kadın danışma merkezi": "women",
        "Aşevi": "",
        "Spor kursu": "",
    }


def test_an_english_open_to_heading_is_read_too(world, client):
    client.force_login(world.alice)
    text = "Service;Directorate;Open to\nShelter;SH;W\nFather support;SH;men\n"
    response = client.post(
        url(world),
        {"file": SimpleUploadedFile("services.csv", text.encode(), "text/csv")},
    )
    assert [row.single_sex for row in response.context["sheet"].new] == ["women", "men"]


def test_an_unknown_open_to_value_names_its_row_column_and_value_and_adds_nothing(world, client):
    client.force_login(world.alice)
    text = "Hizmet\tMüdürlük\tKimlere açık\nAşevi\tSH\tKadınlar\nKurs\tSH\tçocuklar\n"
    response = client.post(url(world), {"text": text})
    [problem] = response.context["sheet"].problems
    assert (problem["row"], problem["column"], problem["letter"], problem["value"]) == (
        3,
        "Kimlere açık",
        "C",
        "çocuklar",
    )
    assert "women (kadınlar)" in problem["message"]
    assert response.context["confirm"] is None
    assert not Service.objects.exists()
