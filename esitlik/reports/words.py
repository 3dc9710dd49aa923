"""Findings in words: sentences generated from the figures, in Turkish and English.

A service's name is quoted and followed by a fixed word ("“Aşevi” hizmetinden"), so no
suffix ever has to be attached to a name a municipality typed; suffixes go only on numbers,
where the spoken word decides them (:func:`esitlik.core.text.tr_possessive`: "%23'ü",
"%40'ı", "%6'sı"). Turkish puts the percent sign first and writes decimals with a comma.
A group (an age group, a neighbourhood…) opens the sentence as a phrase of its own, for the
same reason: "Cumhuriyet mahallesinde, “Spor” hizmetinden yararlananların %23'ü kadın."
"""

from __future__ import annotations

from dataclasses import dataclass

from esitlik.analytics.findings import OVER, Finding
from esitlik.core.text import tr_possessive, tr_upper
from esitlik.reports.formats import number, percent, points


@dataclass(frozen=True)
class Group:
    """Who a finding is about, within its service: ``kind`` is the breakdown's column
    (``age_group``, ``neighbourhood_id``, ``disability``, ``migration``, ``x_<key>``),
    ``value`` its code, ``label`` the value as shown, ``dimension`` the name of a
    municipality's own dimension."""

    kind: str
    value: str
    label: str
    dimension: str = ""


_DISABILITY_TR = {
    "yes": "engelli kişiler arasında",
    "no": "engelli olmayan kişiler arasında",
    "not_stated": "engel durumu belirtilmemiş kişiler arasında",
}
_DISABILITY_EN = {
    "yes": "among disabled people",
    "no": "among people without a disability",
    "not_stated": "among people whose disability status was not stated",
}
_MIGRATION_TR = {
    "citizen": "Türkiye Cumhuriyeti vatandaşları arasında",
    "foreign": "yabancı uyruklular arasında",
    "refugee": "mülteciler ve koruma altındakiler arasında",
    "not_stated": "uyruğu belirtilmemiş kişiler arasında",
}
_MIGRATION_EN = {
    "citizen": "among Turkish citizens",
    "foreign": "among foreign nationals",
    "refugee": "among refugees and people under protection",
    "not_stated": "among people whose nationality was not stated",
}


def capital(text: str, language: str) -> str:
    """The first letter as a capital, the Turkish way in Turkish (i → İ)."""
    if not text:
        return text
    first = tr_upper(text[0]) if language == "tr" else text[0].upper()
    return first + text[1:]


def group_phrase(group: Group, language: str) -> str:
    """Where the sentence's people are, as a phrase that opens it."""
    if group.kind == "neighbourhood_id":
        return f"{group.label} mahallesinde" if language == "tr" else f"in {group.label}"
    if group.kind in ("age_group", "age_band"):
        if language == "tr":
            return f"{group.label} yaş grubunda"
        return f"in the {group.label} age group"
    if group.kind == "disability" and group.value in _DISABILITY_TR:
        return (_DISABILITY_TR if language == "tr" else _DISABILITY_EN)[group.value]
    if group.kind == "migration" and group.value in _MIGRATION_TR:
        return (_MIGRATION_TR if language == "tr" else _MIGRATION_EN)[group.value]
    if language == "tr":
        return f"“{group.dimension}: {group.label}” grubunda"
    return f"in the group “{group.dimension}: {group.label}”"


def share_of(share: float, noun: str) -> str:
    """A share of the people just named, in Turkish: "%23'ü kadın". (English puts the share
    elsewhere in its sentences.)"""
    return f"%{tr_possessive(round(share * 100))} {noun}"


def people(value: float, language: str) -> str:
    """About how many people: rounded to a whole number, grouped."""
    return number(round(value), language)


def finding_sentence(finding: Finding, service: str, group: Group | None, language: str) -> str:
    """The sentence for one gap, e.g. "“Spor” hizmetinden yararlananların %23'ü kadın; aynı
    yaştaki nüfusta kadınların payı %50,4. Nüfusla orantılı olsaydı yaklaşık 1.210 kadın
    daha yararlanırdı." """
    tr = language == "tr"
    opening = (
        f"“{service}” hizmetinden yararlananların" if tr else f"of those served by “{service}”"
    )
    if tr:
        told = f"{opening} {share_of(finding.share_women, 'kadın')}"
    else:
        told = f"{percent(finding.share_women, language, 0)} {opening} were women"
    if group is not None:
        told = f"{group_phrase(group, language)}, {told}"
    told = capital(told, language)
    more = "erkek" if finding.direction == OVER else "kadın"
    more_en = "men" if finding.direction == OVER else "women"
    gap = people(finding.shortfall, language)
    if "representation" in finding.checks and finding.reference_share is not None:
        reference = percent(finding.reference_share, language)
        if tr:
            return (
                f"{told}; aynı yaştaki nüfusta kadınların payı {reference}. Nüfusla orantılı "
                f"olsaydı yaklaşık {gap} {more} daha yararlanırdı."
            )
        return (
            f"{told}; women are {reference} of residents of the same ages. In proportion to "
            f"the residents, about {gap} more {more_en} would have been served."
        )
    if tr:
        explained = (
            " Bu oran hizmetin yaş grubundaki nüfusla uyumlu." if finding.within_reference else ""
        )
        return (
            f"{told}: %40–60 denge aralığının dışında; aralığa ulaşmak için yaklaşık {gap} "
            f"{more} daha yararlanmalıydı.{explained}"
        )
    explained = (
        " The residents of the ages it serves explain this share."
        if finding.within_reference
        else ""
    )
    return (
        f"{told}, outside the 40–60% balance; about {gap} more {more_en} would have had to be "
        f"served to reach it.{explained}"
    )


def overview_sentence(
    *,
    year: int,
    directorates: int,
    services: int,
    uses: int,
    share_women: float | None,
    language: str,
) -> str:
    """The report's first sentence: how much service the year's data covers, and women's
    share of it."""
    if language == "tr":
        text = (
            f"{year} yılında {number(directorates, language)} müdürlüğün "
            f"{number(services, language)} hizmeti için {number(uses, language)} yararlanma "
            "kaydı var"
        )
        if share_women is None:
            return text + "."
        return f"{text}; yararlananların {share_of(share_women, 'kadın')}."
    text = (
        f"In {year}, {number(directorates, language)} "
        f"{'directorate' if directorates == 1 else 'directorates'} recorded "
        f"{number(uses, language)} uses of {number(services, language)} "
        f"{'service' if services == 1 else 'services'}"
    )
    if share_women is None:
        return text + "."
    return f"{text}; {percent(share_women, language, 0)} of those served were women."


def moved_sentence(*, service: str, year: int, before: float, after: float, language: str) -> str:
    """A service whose women's share moved since the year before."""
    change = (after - before) * 100
    if language == "tr":
        return (
            f"“{service}” hizmetinde kadınların payı {year - 1} yılında "
            f"{percent(before, language, 0)} iken {year} yılında {percent(after, language, 0)} "
            f"oldu ({points(change, language, 0)} puan)."
        )
    return (
        f"Women's share of “{service}” went from {percent(before, language, 0)} in {year - 1} "
        f"to {percent(after, language, 0)} in {year} ({points(change, language, 0)} points)."
    )


def balance_sentence(*, body: str, share_women: float, language: str) -> str:
    """A body or grade's women's share against the 40–60 balance."""
    inside = 0.4 <= share_women <= 0.6
    if language == "tr":
        where = "denge aralığında" if inside else "%40–60 denge aralığının dışında"
        return f"{body}: {share_of(share_women, 'kadın')}, {where}."
    where = "within the balance" if inside else "outside the 40–60% balance"
    return f"{body}: {percent(share_women, language, 0)} women, {where}."
