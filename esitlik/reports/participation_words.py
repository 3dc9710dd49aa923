"""The participation sentences of both reports: the events held with their participants, and
what became of the inputs raised. The Equality in Service report says them of a year
("2025 yılında…", "in 2025"), the plan monitoring report of a plan edition ("Bu plan
için…", "for this plan"); :func:`participation_sentences` writes both.

Written here rather than through gettext, as in :mod:`esitlik.reports.words`: the Turkish
suffix on a number depends on how the number is read aloud ("4 görüşün 2'si", "1'i").
Counts of people may be disclosure markers ("c") in a public report: a hidden count is left
out of the sentence, and with it the women's share.
"""

from __future__ import annotations

from esitlik.participation.summary import Summary
from esitlik.reports import words
from esitlik.reports.progress_words import _listed, _n, _poss, pct

__all__ = ["events_sentence", "input_counts_of", "inputs_sentence", "participation_sentences"]


def _where(year: int | None, language: str) -> str:
    """What the sentence is about: the plan edition (no year) or a calendar year."""
    if language == "tr":
        return "Bu plan için" if year is None else f"{year} yılında"
    return "for this plan" if year is None else f"in {year}"


def inputs_sentence(
    *,
    total: int,
    full: int,
    partly: int,
    not_taken: int,
    pending: int,
    actions: int = 0,
    year: int | None = None,
    language: str,
) -> str:
    """What became of the inputs raised for the plan (``year`` None) or in ``year``."""
    taken = full + partly
    where = _where(year, language)
    if language == "tr":
        if not total:
            if year is None:
                return "Bu plan için kaydedilmiş bir katılım görüşü yok."
            return f"{year} yılında kaydedilmiş bir katılım görüşü yok."
        parts = []
        if taken:
            detail = ""
            if full and partly:
                detail = f" ({_poss(full)} tamamen, {_poss(partly)} kısmen)"
            said = "kısmen plana alındı" if not full else "plana alındı"
            parts.append(f"{_poss(taken)} {said}{detail}")
        if not_taken:
            parts.append(f"{_poss(not_taken)} plana alınmadı")
        if pending:
            parts.append(f"{_poss(pending)} hâlâ değerlendiriliyor")
        text = f"{where} kaydedilen {_n(total, language)} görüşün {_listed(parts, language)}"
        if taken and actions:
            text += f"; plana alınan görüşler {_n(actions, language)} faaliyete dönüştü"
        return text + "."
    if not total:
        if year is None:
            return "No participation input has been recorded for this plan."
        return f"No participation input was recorded in {year}."
    parts = []
    if taken:
        detail = (
            f" ({_n(full, language)} fully, {_n(partly, language)} in part)"
            if full and partly
            else ""
        )
        into = "into it" if year is None else "into the plan"
        how = f"taken {into}" if full else f"taken {into} in part"
        parts.append(f"{_n(taken, language)} {'was' if taken == 1 else 'were'} {how}{detail}")
    if not_taken:
        parts.append(f"{_n(not_taken, language)} {'was' if not_taken == 1 else 'were'} not")
    if pending:
        parts.append(
            f"{_n(pending, language)} {'is' if pending == 1 else 'are'} still under review"
        )
    noun = "input" if total == 1 else "inputs"
    raised = "raised for this plan" if year is None else f"raised in {year}"
    text = f"Of {_n(total, language)} {noun} {raised}, {_listed(parts, language)}"
    if taken and actions:
        text += f"; the inputs taken became {_n(actions, language)} "
        text += "action" if actions == 1 else "actions"
    return text + "."


def events_sentence(
    *,
    held: int,
    cells: dict,
    shares: bool,
    stakeholders: int = 0,
    year: int | None = None,
    language: str,
) -> str:
    """ "Bu plan için 12 etkinlik yapıldı; 430 katılımcının %58'i kadın." ``cells`` holds the
    participants ("total") and their counts by sex, each a number or a disclosure marker."""
    total, women, men = cells["total"], cells.get("women"), cells.get("men")
    visible = isinstance(total, int) and total > 0
    share = None
    if shares and visible and isinstance(women, int) and isinstance(men, int) and women + men:
        share = women / total
    if language == "tr":
        with_them = f"{_n(stakeholders, language)} paydaşın yer aldığı " if stakeholders else ""
        text = f"{_where(year, language)} {with_them}{_n(held, language)} etkinlik yapıldı"
        if visible:
            text += (
                f"; {_n(total, language)} katılımcının {words.share_of(share, 'kadın')}"
                if share is not None
                else f"; {_n(total, language)} kişi katıldı"
            )
        return text + "."
    noun = "event was" if held == 1 else "events were"
    text = f"{_n(held, language)} {noun} held {_where(year, language)}"
    who = []
    if stakeholders:
        who.append(f"{_n(stakeholders, language)} stakeholder" + "s" * (stakeholders != 1))
    if visible:
        who.append(f"{_n(total, language)} participants")
    if who:
        text += f", with {' and '.join(who)}"
        if share is not None:
            text += f", {pct(share, language)} of them women"
    return text + "."


def input_counts_of(summary: Summary) -> dict:
    """A participation summary's inputs as :func:`inputs_sentence` counts them."""
    return {
        "total": summary.inputs,
        "full": summary.taken - summary.partly,
        "partly": summary.partly,
        "not_taken": summary.decided - summary.taken,
        "pending": summary.under_review,
    }


def participation_sentences(
    *,
    held: int,
    cells: dict,
    shares: bool,
    inputs: dict,
    stakeholders: int = 0,
    year: int | None = None,
    language: str,
) -> list[str]:
    """The events held with their participants (when any was held), then what became of the
    inputs (``inputs`` as :func:`inputs_sentence` takes them, ``actions`` included when
    known), of the plan edition (``year`` None) or of ``year``."""
    sentences = []
    if held:
        sentences.append(
            events_sentence(
                held=held,
                cells=cells,
                shares=shares,
                stakeholders=stakeholders,
                year=year,
                language=language,
            )
        )
    sentences.append(inputs_sentence(**inputs, year=year, language=language))
    return sentences
