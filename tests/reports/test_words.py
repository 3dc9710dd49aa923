"""Findings in words: Turkish grammar for numbers and their suffixes, the decimal comma,
and the sentence a finding makes in both languages."""

import pytest

from esitlik.analytics.findings import OVER, UNDER, Finding
from esitlik.reports import formats, words


def finding(**extra) -> Finding:
    values = dict(
        service_id=1,
        group=(),
        women=230,
        men=770,
        share_women=0.23,
        reference_share=0.504,
        representation=0.23 / 0.504,
        checks=("representation", "balance"),
        direction=UNDER,
        shortfall=274.0,
    )
    return Finding(**(values | extra))


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0.23, "%23'ü kadın"),
        (0.40, "%40'ı kadın"),
        (0.06, "%6'sı kadın"),
        (0.09, "%9'u kadın"),
        (0.5, "%50'si kadın"),
        (1.0, "%100'ü kadın"),
    ],
)
def test_a_share_of_people_takes_the_suffix_its_spoken_number_wants(share, expected):
    assert words.share_of(share, "kadın") == expected


def test_numbers_are_written_the_way_each_language_writes_them():
    assert formats.percent(0.5043, "tr") == "%50,4"
    assert formats.percent(0.5043, "en") == "50.4%"
    assert formats.number(1234567, "tr") == "1.234.567"
    assert formats.number(1234567, "en") == "1,234,567"
    assert formats.points(-3.2, "tr") == "−3,2"
    assert formats.cell(None, "share", "tr") == ""
    assert formats.cell("c", "count", "tr") == "c"


def test_a_representation_gap_reads_as_the_issue_asks_in_turkish():
    text = words.finding_sentence(finding(), "Spor Kursları", None, "tr")
    assert text == (
        "“Spor Kursları” hizmetinden yararlananların %23'ü kadın; aynı yaştaki nüfusta "
        "kadınların payı %50,4. Nüfusla orantılı olsaydı yaklaşık 274 kadın daha yararlanırdı."
    )


def test_the_same_gap_in_english_names_the_missing_people():
    text = words.finding_sentence(finding(), "Sports courses", None, "en")
    assert text.startswith("23% of those served by “Sports courses” were women; women are 50.4%")
    assert text.endswith("about 274 more women would have been served.")


def test_a_group_opens_the_sentence_and_is_capitalised_the_turkish_way():
    group = words.Group("neighbourhood_id", 3, "ıhlamur")
    text = words.finding_sentence(finding(), "Aşevi", group, "tr")
    assert text.startswith("Ihlamur mahallesinde, “Aşevi” hizmetinden yararlananların %23'ü")
    group = words.Group("disability", "yes", "Disabled")
    assert words.finding_sentence(finding(), "Aşevi", group, "tr").startswith(
        "Engelli kişiler arasında, “Aşevi”"
    )
    assert words.capital("istanbul", "tr") == "İstanbul"


def test_too_many_women_asks_for_men_and_a_balance_gap_names_the_range():
    over = finding(
        share_women=0.9925,
        women=397,
        men=3,
        direction=OVER,
        checks=("balance",),
        reference_share=None,
        representation=None,
        shortfall=157.0,
    )
    text = words.finding_sentence(over, "Kadın Danışma Merkezi", None, "tr")
    assert "%99'u kadın: %40–60 denge aralığının dışında" in text
    assert "yaklaşık 157 erkek daha yararlanmalıydı" in text


def test_a_plain_number_is_whole_when_whole_and_keeps_at_most_two_decimals():
    assert formats.cell(180.0, "number", "tr") == "180"
    assert formats.cell(1250, "number", "tr") == "1.250"
    assert formats.cell(1250, "number", "en") == "1,250"
    assert formats.cell(12.5, "number", "tr") == "12,5"
    assert formats.cell(1 / 3, "number", "en") == "0.33"
    assert formats.cell("c", "number", "tr") == "c"
    assert formats.is_number_column("number")


def test_the_participation_sentences_of_a_year_and_of_a_plan():
    from esitlik.reports.participation_words import participation_sentences

    inputs = {"total": 5, "full": 2, "partly": 1, "not_taken": 1, "pending": 1}
    cells = {"total": 430, "women": 250, "men": 180}
    assert participation_sentences(
        held=12,
        cells=cells,
        shares=True,
        stakeholders=31,
        inputs=inputs,
        year=2025,
        language="tr",
    ) == [
        "2025 yılında 31 paydaşın yer aldığı 12 etkinlik yapıldı; 430 katılımcının %58'i kadın.",
        "2025 yılında kaydedilen 5 görüşün 3'ü plana alındı (2'si tamamen, 1'i kısmen), 1'i "
        "plana alınmadı ve 1'i hâlâ değerlendiriliyor.",
    ]
    assert participation_sentences(
        held=12,
        cells=cells,
        shares=True,
        stakeholders=31,
        inputs={**inputs, "actions": 2},
        language="en",
    ) == [
        "12 events were held for this plan, with 31 stakeholders and 430 participants, 58% of "
        "them women.",
        "Of 5 inputs raised for this plan, 3 were taken into it (2 fully, 1 in part), 1 was "
        "not and 1 is still under review; the inputs taken became 2 actions.",
    ]
    # A hidden count takes the share with it; no event held, no events sentence.
    hidden = {"total": "c", "women": "c", "men": 3}
    assert (
        participation_sentences(
            held=1, cells=hidden, shares=True, inputs=inputs, year=2025, language="en"
        )[0]
        == "1 event was held in 2025."
    )
    assert participation_sentences(
        held=0, cells={}, shares=False, inputs={**inputs, "total": 0}, year=2025, language="en"
    ) == ["No participation input was recorded in 2025."]
