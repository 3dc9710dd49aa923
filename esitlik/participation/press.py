"""The summary as a sentence a person would write in a press release:

    3 ayda 41 toplantı, 31 paydaş, 1.250 katılımcı (%58 kadın); 214 görüşün 96'sı plana alındı.
    In 3 months: 41 meetings, 31 stakeholders, 1,250 participants (58% women); 96 of 214 inputs
    were taken into the plan.

Each language has its own builder instead of one translated template: a release is written
in a chosen language whatever the reader's screen shows, and Turkish needs suffixes that
depend on how a number is read aloud ("96'sı", "40'ı", "100'ü"), which a message catalogue
cannot express.

The period is worded from the filters: "3 ayda" for whole months, "2026 yılında" for a
calendar year, "14 günde" for a short span, otherwise the dates; with no period, "plan
hazırlığında" for a plan edition whose held events all came before its adoption (preparation
or consultation), else the years the held events fall in.
"""

from __future__ import annotations

from datetime import date, timedelta

from esitlik.core.dates import add_months
from esitlik.core.text import tr_possessive, tr_upper
from esitlik.participation.summary import Summary

LANGUAGES = ("tr", "en")


def whole_months(first: date, last: date) -> int | None:
    """How many months ``first``–``last`` (both included) span when it is a whole number of
    months (1 Nov – 31 Jan, or 24 Aug – 23 Nov), else None."""
    after = last + timedelta(days=1)
    for months in range(1, 121):
        end = add_months(first, months)
        if end == after:
            return months
        if end > after:
            return None
    return None


def period(summary: Summary) -> tuple:
    """What the figures cover, independent of language: ("months", 3), ("year", 2026),
    ("days", 14), ("between", d1, d2), ("since", d), ("until", d), ("years", y1, y2),
    ("preparation",), ("plan",), or () when there is nothing to say."""
    filters = summary.filters
    first, last = filters.date_from, filters.date_to
    if first and last:
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            if first.year == last.year:
                return ("year", first.year)
            return ("years", first.year, last.year)
        months = whole_months(first, last)
        if months:
            return ("months", months)
        days = (last - first).days + 1
        return ("days", days) if days <= 31 else ("between", first, last)
    if first:
        return ("since", first)
    if last:
        return ("until", last)
    if filters.plan is not None:
        return ("preparation",) if summary.all_preparation else ("plan",)
    if summary.first_held:
        start, end = summary.first_held.year, summary.last_held.year
        return ("year", start) if start == end else ("years", start, end)
    return ()


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _number(value: int, language: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if language == "tr" else text


def _percent(share: float, language: str) -> str:
    value = round(share * 100)
    return f"%{value}" if language == "tr" else f"{value}%"


def _period_tr(what: tuple) -> str:
    kind, *values = what or ("",)
    return {
        "year": lambda: f"{values[0]} yılında",
        "years": lambda: f"{values[0]}–{values[1]} yıllarında",
        "months": lambda: f"{values[0]} ayda",
        "days": lambda: f"{values[0]} günde",
        "between": lambda: f"{_day(values[0])}–{_day(values[1])} döneminde",
        "since": lambda: f"{_day(values[0])} tarihinden bu yana",
        "until": lambda: f"{_day(values[0])} tarihine kadar",
        "preparation": lambda: "plan hazırlığında",
        "plan": lambda: "plan döneminde",
    }.get(kind, lambda: "")()


def _period_en(what: tuple) -> str:
    kind, *values = what or ("",)

    def plural(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    return {
        "year": lambda: f"In {values[0]}",
        "years": lambda: f"In {values[0]}–{values[1]}",
        "months": lambda: f"In {plural(values[0], 'month')}",
        "days": lambda: f"In {plural(values[0], 'day')}",
        "between": lambda: f"Between {_day(values[0])} and {_day(values[1])}",
        "since": lambda: f"Since {_day(values[0])}",
        "until": lambda: f"Until {_day(values[0])}",
        "preparation": lambda: "While preparing the plan",
        "plan": lambda: "For the plan",
    }.get(kind, lambda: "")()


def _people_share(summary: Summary) -> float | None:
    return summary.women_share if summary.people_shares else None


def sentence_tr(summary: Summary) -> str:
    def n(value: int) -> str:
        return _number(value, "tr")

    if summary.held:
        parts = [f"{n(summary.held)} toplantı"]
        if summary.stakeholder_count:
            parts.append(f"{n(summary.stakeholder_count)} paydaş")
        if isinstance(summary.participants, int) and summary.participants:
            people = f"{n(summary.participants)} katılımcı"
            share = _people_share(summary)
            if share is not None:
                people += f" ({_percent(share, 'tr')} kadın)"
            parts.append(people)
        head = " ".join(filter(None, [_period_tr(period(summary)), ", ".join(parts)]))
    else:
        head = "yapılmış toplantı kaydı yok"
    clauses = [head]
    if summary.inputs:
        total, taken, review = summary.inputs, summary.taken, summary.under_review
        if not summary.decided:
            clauses.append(f"{n(total)} görüş değerlendiriliyor")
        else:
            if taken:
                said = f"{n(total)} görüşün {tr_possessive(taken, n(taken))} plana alındı"
                if summary.partly:
                    said += f" ({tr_possessive(summary.partly, n(summary.partly))} kısmen)"
            else:
                still = "henüz " if review else ""
                said = f"{n(total)} görüşün {still}hiçbiri plana alınmadı"
            if review:
                said += f", {tr_possessive(review, n(review))} değerlendiriliyor"
            clauses.append(said)
    text = "; ".join(clauses) + "."
    return tr_upper(text[:1]) + text[1:]


def sentence_en(summary: Summary) -> str:
    def n(value: int) -> str:
        return _number(value, "en")

    def counted(count: int, word: str) -> str:
        return f"{n(count)} {word}" + ("" if count == 1 else "s")

    if summary.held:
        parts = [counted(summary.held, "meeting")]
        if summary.stakeholder_count:
            parts.append(counted(summary.stakeholder_count, "stakeholder"))
        if isinstance(summary.participants, int) and summary.participants:
            people = counted(summary.participants, "participant")
            share = _people_share(summary)
            if share is not None:
                people += f" ({_percent(share, 'en')} women)"
            parts.append(people)
        when = _period_en(period(summary))
        head = f"{when}: {', '.join(parts)}" if when else ", ".join(parts)
    else:
        head = "No meeting held is on record"
    clauses = [head]
    if summary.inputs:
        total, taken, review = summary.inputs, summary.taken, summary.under_review

        def be(count: int) -> str:
            return "is" if count == 1 else "are"

        if not summary.decided:
            clauses.append(f"{counted(total, 'input')} {be(total)} under review")
        else:
            was = "was" if taken == 1 else "were"
            said = f"{n(taken)} of {counted(total, 'input')} {was} taken into the plan"
            if summary.partly:
                said += f" ({n(summary.partly)} in part)"
            if review:
                said += f", {n(review)} {be(review)} under review"
            clauses.append(said)
    text = "; ".join(clauses) + "."
    return text[:1].upper() + text[1:]


def press_sentence(summary: Summary, language: str) -> str:
    """The sentence in ``language`` ("tr" or "en"; Turkish for anything else)."""
    return sentence_en(summary) if (language or "").startswith("en") else sentence_tr(summary)
