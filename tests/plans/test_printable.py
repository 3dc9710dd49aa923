"""The printable plan (page and PDF) and the council decision document.

The PDFs here are real: rendered by WeasyPrint and read back with poppler's pdftotext and
pdffonts, so a broken font, a lost Turkish letter or a missing heading fails a test.
"""

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from esitlik.core.models import AuditEntry
from esitlik.frameworks.models import Framework, FrameworkItem
from esitlik.plans import decision, indicators, printable, services, structure
from esitlik.plans.models import ActionPlan

PDF_BYTES = b"%PDF-1.4\n% a council decision\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def poppler(command: list[str], pdf: bytes, tmp_path: Path) -> str:
    """Run a poppler tool on ``pdf``; "{pdf}" in ``command`` stands for the file."""
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} is needed to read PDFs back: apt-get install poppler-utils")
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    args = [str(path) if arg == "{pdf}" else arg for arg in command]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode()


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text with whitespace collapsed, so wrapped lines still match."""
    text = poppler(["pdftotext", "-enc", "UTF-8", "{pdf}", "-"], pdf, tmp_path)
    return " ".join(text.split())


def move(plan, target, **extra):
    return services.plan_transition(
        plan=plan, target=target, expected_status=plan.status, by=None, **extra
    )


def build_plan(world) -> ActionPlan:
    charter = Framework.objects.get(code="cemr-charter", version="2006")
    heading = FrameworkItem.objects.get(framework__code="yeep-headings", code="5")
    article = FrameworkItem.objects.get(framework=charter, code="22")
    plan = services.plan_create(
        municipality=world.home,
        title={"tr": "Birinci Eşitlik Planı", "en": "First Equality Plan"},
        start_year=2025,
        end_year=2028,
        charter_version=charter,
        by=world.alice,
    )
    aim = structure.aim_create(
        plan=plan,
        title={"tr": "Kadına Yönelik Şiddetle Mücadele", "en": "Combating violence against women"},
        heading=heading,
        by=world.alice,
    )
    objective = structure.objective_create(
        aim=aim,
        title={"tr": "Şiddete uğrayan kadınlara ulaşmak", "en": "Reach women facing violence"},
        by=world.alice,
    )
    action = structure.action_create(
        objective=objective,
        title={"tr": "Iğdır ve İzmit'te danışma hattı", "en": "Advice line in Iğdır and İzmit"},
        lead_directorate=world.social,
        supporting_directorates=[world.parks],
        partners=["Çankaya Kadın Dayanışma Derneği"],
        start_date=date(2025, 3, 1),
        end_date=date(2026, 12, 31),
        budget_planned=Decimal("1250000"),
        target_groups=["women"],
        tags=[article],
        by=world.alice,
    )
    indicators.indicator_create(
        parent=objective,
        title={"tr": "Karar organlarında kadınların payı", "en": "Women's share in boards"},
        kind="outcome",
        measure="women_share",
        baseline_value=Decimal("31.5"),
        baseline_year=2024,
        direction="band",
        band_low=Decimal(40),
        band_high=Decimal(60),
        frequency="yearly",
        source="Meclis kayıtları",
        responsible_directorate=world.social,
        targets=[{"year": 2025, "value": Decimal(35)}, {"year": 2026, "value": Decimal(38)}],
        by=world.alice,
    )
    indicators.indicator_create(
        parent=action,
        title={"tr": "Danışmanlık alan kişi sayısı", "en": "People counselled"},
        kind="process",
        measure="count",
        unit="kişi",
        by_sex=True,
        frequency="half_yearly",
        targets=[{"year": 2026, "women": Decimal(80), "men": Decimal(20)}],
        by=world.alice,
    )
    return plan


def approve(plan) -> ActionPlan:
    plan = move(move(plan, "consultation"), "commission_review")
    return move(plan, "approved", decision_no="2025/17", decision_date=date(2025, 2, 5))


@pytest.fixture
def plan(world):
    return approve(build_plan(world))


@pytest.fixture
def draft(world):
    return build_plan(world)


def url(name, plan, **query):
    address = reverse(name, args=[plan.municipality.slug, plan.pk])
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# The printable page


def test_it_shows_codes_titles_and_the_council_decision_on_the_printable_page(world, client, plan):
    client.force_login(world.mona)
    response = client.get(url("plan_print", plan, lang="tr"))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="tr">' in page
    for text in [
        "Örnek Belediyesi",
        "Birinci Eşitlik Planı",
        "2025–2028",
        "Kadına Yönelik Şiddetle Mücadele",
        "Şiddete uğrayan kadınlara ulaşmak",
        "Iğdır ve İzmit&#x27;te danışma hattı",
        "Çankaya Kadın Dayanışma Derneği",
        "Sosyal Hizmetler Müdürlüğü",
        "Park ve Bahçeler Müdürlüğü",
        "1.250.000",  # Turkish thousands
        "03.2025",
        "Kadına yönelik şiddet",  # the YEEP heading
        "Toplumsal cinsiyete dayalı şiddet",  # Charter article 22, listed at the end
        "%31,5",  # a share written the Turkish way
        "2025/17",
        "5 Şubat 2025",
    ]:
        assert text in page, text
    for code in ["1.1.1", "1.1.G1", "1.1.1.G1"]:
        assert f'<td class="code">{code}</td>' in page, code
    assert url("plan_pdf", plan, lang="tr") in page
    assert "no-store" in response["Cache-Control"]


def test_it_switches_the_printable_page_to_english(world, client, plan):
    client.force_login(world.alice)
    page = client.get(url("plan_print", plan, lang="en")).content.decode()
    assert '<html lang="en">' in page
    for text in ["First Equality Plan", "Combating violence against women", "Contents"]:
        assert text in page
    assert "31.5%" in page and "1,250,000" in page
    assert "Birinci Eşitlik Planı" not in page


def test_it_follows_the_users_language_without_a_lang_parameter(world, client, plan):
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    assert '<html lang="en">' in client.get(url("plan_print", plan)).content.decode()
    client.cookies["django_language"] = "tr"
    page = client.get(url("plan_print", plan, lang="xx")).content.decode()
    assert '<html lang="tr">' in page


def test_it_states_the_charter_commitment_and_who_prepared_the_plan(world, client, plan):
    services.commitment_update(
        municipality=world.home,
        by=world.alice,
        charter_signed_on=date(2014, 3, 8),
        council_decision_no="2014/23",
        council_decision_date=date(2014, 3, 4),
        unit_established=True,
        unit_directorate=world.social,
    )
    client.force_login(world.alice)
    page = client.get(url("plan_print", plan, lang="tr")).content.decode()
    assert "Yerel Yaşamda Kadın Erkek Eşitliği Avrupa Şartı’nı 8 Mart 2014 tarihinde" in page
    assert "meclisin 04.03.2014 tarihli ve 2014/23 sayılı kararıdır" in page
    assert "Sosyal Hizmetler Müdürlüğü, Eşitlik Birimi" in page


def test_it_marks_a_draft_as_not_adopted(world, client, draft):
    client.force_login(world.alice)
    page = client.get(url("plan_print", draft, lang="tr")).content.decode()
    assert "Taslak: belediye meclisince kabul edilmemiştir" in page
    assert "kararıyla kabul edilmiştir" not in page


def test_it_links_the_printable_plan_and_pdf_from_the_plan_page(world, client, plan):
    client.force_login(world.bob)
    page = client.get(reverse("plan_detail", args=[world.home.slug, plan.pk])).content.decode()
    assert url("plan_print", plan, lang="tr") in page
    assert url("plan_pdf", plan, lang="en") in page
    # Bob may read the plan, not attach its decision.
    assert url("plan_decision_upload", plan) not in page


# The PDF


def test_it_renders_a_real_pdf_whose_turkish_text_reads_correctly(world, client, plan, tmp_path):
    client.force_login(world.carol)
    response = client.get(url("plan_pdf", plan, lang="tr"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == ('attachment; filename="ornek-yeep-1-2025-2028.pdf"')
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content, tmp_path)
    for words in [
        "Birinci Eşitlik Planı",
        "Kadına Yönelik Şiddetle Mücadele",
        "Şiddete uğrayan kadınlara ulaşmak",
        "İçindekiler",
        "Amaç 1",
        "Hedef 1.1",
        "Faaliyetler",
        "Göstergeler",
        "Başlangıç değeri",
        "Belediye meclisinin 5 Şubat 2025 tarihli ve 2025/17 sayılı kararıyla kabul edilmiştir.",
        "Sayfa 2 / ",
        "1.1 hedefinin faaliyetleri",
        "1.1 hedefinin göstergeleri",
        "Atıf yapılan Şart maddeleri",
    ]:
        assert words in text, words
    assert re.search(r"Sayfa (\d+) / \1\b", text), "the last page says it is the last"


def test_it_upper_cases_the_draft_banner_the_turkish_way(world, client, draft, tmp_path):
    client.force_login(world.alice)
    text = pdf_text(client.get(url("plan_pdf", draft, lang="tr")).content, tmp_path)
    # CSS upper case with lang="tr": i becomes İ, not I.
    assert "TASLAK: BELEDİYE MECLİSİNCE KABUL EDİLMEMİŞTİR" in text
    assert "Taslak: meclis tarafından kabul edilmemiştir" in text  # the footer of every page


def test_it_renders_the_english_pdf_with_english_headings(world, client, plan, tmp_path):
    client.force_login(world.alice)
    response = client.get(url("plan_pdf", plan, lang="en"))
    assert 'filename="ornek-yeep-1-2025-2028-en.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content, tmp_path)
    for words in [
        "First Equality Plan",
        "Contents",
        "The plan at a glance",
        "Baseline",
        "Page 2 of",
    ]:
        assert words in text, words
    assert "İçindekiler" not in text


def test_it_embeds_the_bundled_font_and_no_other(world, client, plan, tmp_path):
    client.force_login(world.alice)
    pdf = client.get(url("plan_pdf", plan, lang="tr")).content
    rows = poppler(["pdffonts", "{pdf}"], pdf, tmp_path).splitlines()[2:]
    names = set()
    for row in rows:
        name, *_middle, embedded, _subset, _unicode, _obj, _gen = row.split()
        assert embedded == "yes", row
        names.add(name.split("+")[-1])  # "ABCDEF+Name": the prefix marks a subset
    # Both faces the plan uses come from our files; a missing file would bring in a system
    # font or let one face stand in for the other.
    assert names == {"Esitlik-Noto-Sans", "Esitlik-Noto-Sans-Bold"}


# Unit rules of the printable data


def test_it_writes_amounts_and_values_the_way_each_language_does():
    with translation.override("tr"):
        assert printable.amount(Decimal("1800000.00")) == "1.800.000"
        assert printable.amount(Decimal("1250.50")) == "1.250,50"
        assert printable.indicator_value("women_share", Decimal("40.00")) == "%40"
        assert printable.indicator_value("count", Decimal("12"), "kişi") == "12 kişi"
        assert printable.indicator_value("yes_no", Decimal(1)) == "evet"
    with translation.override("en"):
        assert printable.amount(Decimal("1800000.00")) == "1,800,000"
        assert printable.indicator_value("percentage", Decimal("12.5")) == "12.5%"
        assert printable.indicator_value("parity_index", None) == "—"


def test_it_does_not_repeat_the_edition_line_when_the_title_says_it(world, plan):
    with translation.override("tr"):
        assert printable.gather(plan).edition_line == "1. Yerel Eşitlik Eylem Planı"
        plan.title = {"tr": "1. Yerel Eşitlik Eylem Planı"}
        assert printable.gather(plan).edition_line == ""
    with translation.override("en"):
        plan.title = {"en": "1st Local Equality Action Plan"}
        assert printable.gather(plan).edition_line == ""
        plan.title = {"en": "Local Equality Action Plan 2021"}  # a year is not the edition
        assert printable.gather(plan).edition_line == "Local Equality Action Plan no. 1"


def test_it_sums_the_plan_for_the_summary(world, plan):
    with translation.override("tr"):
        doc = printable.gather(plan)
    assert (doc.objective_count, doc.action_count, doc.indicator_count) == (1, 1, 2)
    assert doc.budget == Decimal("1250000")
    assert doc.articles == [("22", "Toplumsal cinsiyete dayalı şiddet")]
    assert doc.aims[0].objectives[0].split_by_sex


# The council decision document


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_it_attaches_the_decision_document_and_audits_it(world, client, plan):
    client.force_login(world.alice)
    response = client.post(
        url("plan_decision_upload", plan), {"document": upload("karar 2025-17.pdf", PDF_BYTES)}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.decision_document.name == f"decisions/{world.home.pk}/karar_2025-17.pdf"
    assert plan.decision_document.read() == PDF_BYTES
    entry = AuditEntry.objects.get(action="plans.plan.decision_uploaded")
    assert entry.actor == world.alice and entry.municipality == world.home
    assert entry.changes == {"decision_document": {"old": None, "new": plan.decision_document.name}}


@pytest.mark.parametrize(("name", "content"), [("tarama.png", PNG_BYTES), ("t.JPG", JPEG_BYTES)])
def test_it_accepts_scans_as_png_or_jpeg(world, plan, name, content):
    plan = decision.plan_decision_upload(plan=plan, upload=upload(name, content), by=world.alice)
    assert plan.decision_document.read() == content


def test_it_keeps_the_old_file_and_names_it_when_the_document_is_replaced(world, client, plan):
    client.force_login(world.alice)
    client.post(url("plan_decision_upload", plan), {"document": upload("karar.pdf", PDF_BYTES)})
    first = ActionPlan.objects.get(pk=plan.pk).decision_document
    first_path = Path(first.path)
    client.post(
        url("plan_decision_upload", plan), {"document": upload("karar.pdf", PDF_BYTES + b"v2")}
    )
    second = ActionPlan.objects.get(pk=plan.pk).decision_document
    assert second.name != first.name
    assert first_path.exists() and first_path.read_bytes() == PDF_BYTES
    entry = AuditEntry.objects.filter(action="plans.plan.decision_uploaded").latest("id")
    assert entry.changes["decision_document"] == {"old": first.name, "new": second.name}


BAD_FILES = [
    ("karar.docx", b"PK\x03\x04", "PDF, PNG or JPEG"),
    ("karar.html", b"<html></html>", "PDF, PNG or JPEG"),
    ("karar.pdf", b"<html><script>alert(1)</script></html>", "not a real PDF"),
    ("karar.png", PDF_BYTES, "not a real PNG"),
    ("karar.pdf", b"", "empty"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_it_says_why_a_file_is_refused(world, plan, name, content, message):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        decision.plan_decision_upload(plan=plan, upload=upload(name, content), by=world.alice)
    assert message in str(refused.value.message_dict["document"])


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_it_shows_the_refusal_on_the_form_and_saves_nothing(
    world, client, plan, name, content, message
):
    client.force_login(world.alice)
    response = client.post(url("plan_decision_upload", plan), {"document": upload(name, content)})
    assert response.status_code == 200
    assert response.context["form"].errors["document"]
    plan.refresh_from_db()
    assert not plan.decision_document
    assert not AuditEntry.objects.filter(action="plans.plan.decision_uploaded").exists()


def test_it_refuses_a_document_over_10_mb(world, plan):
    big = upload("karar.pdf", PDF_BYTES + b"0" * decision.DECISION_MAX_BYTES)
    with translation.override("en"), pytest.raises(ValidationError, match="at most 10 MB"):
        decision.plan_decision_upload(plan=plan, upload=big, by=world.alice)
    plan.refresh_from_db()
    assert not plan.decision_document


def test_it_refuses_a_document_before_the_council_approved_the_plan(world, client, draft):
    client.force_login(world.alice)
    page = client.get(url("plan_decision_upload", draft)).content.decode()
    assert 'enctype="multipart/form-data"' not in page
    response = client.post(
        url("plan_decision_upload", draft), {"document": upload("karar.pdf", PDF_BYTES)}
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert not draft.decision_document


@pytest.mark.parametrize("who", ["bob", "carol", "mona", "nina"])
def test_it_lets_only_the_equality_admin_attach_the_document(world, client, plan, who):
    client.force_login(getattr(world, who))
    response = client.post(
        url("plan_decision_upload", plan), {"document": upload("karar.pdf", PDF_BYTES)}
    )
    assert response.status_code == 403
    plan.refresh_from_db()
    assert not plan.decision_document


def test_it_hides_the_document_from_another_municipality(world, client, plan):
    decision.plan_decision_upload(plan=plan, upload=upload("k.pdf", PDF_BYTES), by=world.alice)
    client.force_login(world.oscar)
    assert client.get(url("plan_decision_download", plan)).status_code == 404
    response = client.post(
        url("plan_decision_upload", plan), {"document": upload("k.pdf", PDF_BYTES)}
    )
    assert response.status_code == 404
    foreign = reverse("plan_decision_download", args=[world.other.slug, plan.pk])
    assert client.get(foreign).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 200), ("bob", 200), ("carol", 200), ("mona", 200), ("nina", 403)]
)
def test_it_serves_the_document_to_members_who_see_internal_pages(world, client, plan, who, status):
    decision.plan_decision_upload(plan=plan, upload=upload("k.pdf", PDF_BYTES), by=world.alice)
    client.force_login(getattr(world, who))
    response = client.get(url("plan_decision_download", plan))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            'attachment; filename="ornek-yeep-1-meclis-karari.pdf"'
        )
        assert "private" in response["Cache-Control"]


def test_it_sends_anonymous_visitors_to_sign_in_for_the_document(world, client, plan):
    decision.plan_decision_upload(plan=plan, upload=upload("k.pdf", PDF_BYTES), by=world.alice)
    response = client.get(url("plan_decision_download", plan))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_it_serves_no_uploaded_file_at_a_public_media_address(world, client, plan, settings):
    plan = decision.plan_decision_upload(
        plan=plan, upload=upload("k.pdf", PDF_BYTES), by=world.alice
    )
    client.force_login(world.alice)
    assert client.get(settings.MEDIA_URL + plan.decision_document.name).status_code == 404
    assert client.get("/" + plan.decision_document.name).status_code == 404


def test_it_answers_404_when_no_document_is_attached(world, client, plan):
    client.force_login(world.alice)
    assert client.get(url("plan_decision_download", plan)).status_code == 404
