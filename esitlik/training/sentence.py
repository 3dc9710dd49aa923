"""The training figures as the sentence a report or a press release would carry:

    2025 yılında 231 personele toplumsal cinsiyet eşitliği eğitimi verildi: 21 daire başkanı,
    21 şube müdürü, 88 kadın ve aile hizmetleri personeli, 30 kadın koordinatörü ve 71 birim
    personeli. Baba Destek Programı 25 erkeğe ulaştı.

    In 2025, 231 staff were trained in “toplumsal cinsiyet eşitliği”: 21 department heads, …
    Baba Destek Programı reached 25 men.

As for the participation summary (``participation/press.py``), each language has its own
builder instead of one translated template: the sentence is written in a chosen language
whatever the screen shows, role categories are the municipality's own words (lower-cased the
Turkish way in Turkish, made plural in English) and Turkish puts the period and the programme
where English cannot.

What is named: the period (a calendar year, several years, two dates, since or until a day, or
"to date"); the programme when the figures are filtered to one, else the topic when filtered to
one or when every session taught it; the people by role category in the categories' order, with
those of no category last; then what programmes recorded as counts for the public reached.
"""

from __future__ import annotations

from datetime import date

from esitlik.core.i18n_text import localized
from esitlik.core.text import tr_lower, tr_upper
from esitlik.training.figures import ReachRow, TrainingFigures

LANGUAGES = ("tr", "en")
# English words for people that have no plural of their own.
_NO_PLURAL = {"staff", "personnel", "people", "other", "others", "police"}


def period(figures: TrainingFigures) -> tuple:
    """What the figures cover: ("year", 2025), ("years", 2024, 2025), ("between", d1, d2),
    ("since", d), ("until", d), or () for all time."""
    first, last = figures.filters.date_from, figures.filters.date_to
    if first and last:
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            if first.year == last.year:
                return ("year", first.year)
            return ("years", first.year, last.year)
        return ("between", first, last)
    if first:
        return ("since", first)
    if last:
        return ("until", last)
    return ()


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def number(value: int, language: str) -> str:
    """1234 → "1.234" in Turkish, "1,234" in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "tr" else text


def _listed(items: list[str], last_word: str) -> str:
    """ "a, b ve c" / "a, b and c" (no serial comma, as in the Turkish)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last_word} {items[-1]}"


def _period_tr(what: tuple) -> str:
    kind, *values = what or ("",)
    return {
        "year": lambda: f"{values[0]} yılında",
        "years": lambda: f"{values[0]}–{values[1]} yıllarında",
        "between": lambda: f"{_day(values[0])}–{_day(values[1])} döneminde",
        "since": lambda: f"{_day(values[0])} tarihinden bu yana",
        "until": lambda: f"{_day(values[0])} tarihine kadar",
    }.get(kind, lambda: "bugüne kadar")()


def _period_en(what: tuple) -> str:
    kind, *values = what or ("",)
    return {
        "year": lambda: f"In {values[0]}",
        "years": lambda: f"In {values[0]}–{values[1]}",
        "between": lambda: f"Between {_day(values[0])} and {_day(values[1])}",
        "since": lambda: f"Since {_day(values[0])}",
        "until": lambda: f"Until {_day(values[0])}",
    }.get(kind, lambda: "To date")()


def plural_en(name: str, count: int) -> str:
    """ "department head" → "department heads"; "unit staff" stays; "deputy" → "deputies"."""
    if count == 1 or not name:
        return name
    head, _space, last = name.rpartition(" ")
    word = last.lower()
    if word in _NO_PLURAL or word.endswith("s") or not word.isascii():
        return name
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif word.endswith(("ch", "sh", "x", "z")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _roles(figures: TrainingFigures, language: str) -> list[str]:
    items, unplaced = [], 0
    for row in figures.by_role:
        if not row.total:
            continue
        if not row.names:
            unplaced += row.total
            continue
        n = number(row.total, language)
        if language == "tr":
            items.append(f"{n} {tr_lower(row.names.get('tr', ''))}")
        elif row.names.get("en"):
            items.append(f"{n} {plural_en(row.names['en'].lower(), row.total)}")
        else:  # no English name: the Turkish one, as the municipality wrote it
            items.append(f"{n} {tr_lower(row.names.get('tr', ''))}")
    if unplaced and items:
        n = number(unplaced, language)
        if language == "tr":
            items.append(f"rol kategorisi belirtilmemiş {n} personel")
        else:
            items.append(f"{n} with no role category")
    return items


def _capital(text: str) -> str:
    return tr_upper(text[:1]) + text[1:]


def staff_sentence_tr(figures: TrainingFigures) -> str:
    when = _period_tr(period(figures))
    people = figures.people.total
    if not people:
        return _capital(f"{when} personele verilmiş eğitim kaydı yok.")
    n = number(people, "tr")
    programme = figures.filters.programme
    if programme is not None:
        said = f"{when} {localized(programme.title, 'tr')} kapsamında {n} personele eğitim verildi"
    elif figures.topic:
        topic = tr_lower(figures.topic)
        if not topic.endswith(("eğitimi", "eğitim")):
            topic += " eğitimi"
        said = f"{when} {n} personele {topic} verildi"
    else:
        said = f"{when} {n} personele eğitim verildi"
    roles = _roles(figures, "tr")
    if roles:
        said += ": " + _listed(roles, "ve")
    return _capital(said) + "."


def staff_sentence_en(figures: TrainingFigures) -> str:
    when = _period_en(period(figures))
    people = figures.people.total
    if not people:
        return f"{when}, no staff training is on record."
    n = number(people, "en")
    programme = figures.filters.programme
    if programme is not None:
        said = f"{when}, {n} staff were trained in {localized(programme.title, 'en')}"
    elif figures.topic:
        said = f"{when}, {n} staff were trained in “{figures.topic}”"
    else:
        said = f"{when}, {n} staff were trained"
    if people == 1:
        said = said.replace("staff were", "member of staff was", 1)
    roles = _roles(figures, "en")
    if roles:
        said += ": " + _listed(roles, "and")
    return said + "."


def _reached_tr(row: ReachRow) -> str:
    counts = row.counts
    n = number(counts.total, "tr")
    if counts.woman == counts.total:
        whom = f"{n} kadına"
    elif counts.man == counts.total:
        whom = f"{n} erkeğe"
    else:
        whom = f"{n} kişiye"
        if counts.woman and counts.man and counts.woman + counts.man == counts.total:
            whom += f" ({number(counts.woman, 'tr')} kadın, {number(counts.man, 'tr')} erkek)"
    return f"{localized(row.title, 'tr')} {whom}"


def _reached_en(row: ReachRow) -> str:
    counts = row.counts

    def people(count: int, one: str, many: str) -> str:
        return f"{number(count, 'en')} {one if count == 1 else many}"

    if counts.woman == counts.total:
        whom = people(counts.total, "woman", "women")
    elif counts.man == counts.total:
        whom = people(counts.total, "man", "men")
    else:
        whom = people(counts.total, "person", "people")
        if counts.woman and counts.man and counts.woman + counts.man == counts.total:
            women = people(counts.woman, "woman", "women")
            whom += f" ({women}, {people(counts.man, 'man', 'men')})"
    return f"{localized(row.title, 'en')} reached {whom}"


def reach_sentence(figures: TrainingFigures, language: str) -> str:
    """ "Baba Destek Programı 25 erkeğe ulaştı." for the public programmes recorded as counts,
    or "" when there are none."""
    rows = [row for row in figures.public_reach if row.counts.total]
    if not rows:
        return ""
    if language == "tr":
        return _capital(_listed([_reached_tr(row) for row in rows], "ve")) + " ulaştı."
    return _capital(_listed([_reached_en(row) for row in rows], "and")) + "."


def training_sentence(figures: TrainingFigures, language: str) -> str:
    """The whole text in ``language`` ("tr" or "en"; Turkish for anything else)."""
    language = "en" if (language or "").startswith("en") else "tr"
    staff = staff_sentence_en(figures) if language == "en" else staff_sentence_tr(figures)
    return " ".join(filter(None, [staff, reach_sentence(figures, language)]))
