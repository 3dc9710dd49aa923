"""The sentences that state the plan monitoring report's findings, one builder per language.

Sentences that put a suffix on a number ("40 faaliyetin 6'sı", "30 maddesinin 18'ini") are
written here rather than through gettext, as in :mod:`esitlik.reports.words`: the suffix
depends on how the number is read aloud, which a message catalogue cannot express. Names a
municipality typed are quoted or stand apart, never suffixed.
"""

from __future__ import annotations

from esitlik.core.text import tr_possessive
from esitlik.plans import rollup
from esitlik.plans.models import Action
from esitlik.reports import formats

STATUS_ORDER = [
    Action.Status.COMPLETED,
    Action.Status.ON_TRACK,
    Action.Status.DELAYED,
    Action.Status.NOT_STARTED,
    Action.Status.CANCELLED,
]
LIGHT_ORDER = list(rollup.Light)


def _poss(count: int) -> str:
    """ "6'sı", "40'ı", "1.250'si": a number with the possessive suffix."""
    return tr_possessive(count)


def _acc(count: int) -> str:
    """The possessive in the accusative: "18'ini", "6'sını", "3'ünü"."""
    possessive = tr_possessive(count)
    return f"{possessive}n{possessive[-1]}"


def _listed(parts: list[str], language: str) -> str:
    """ "a, b ve c" / "a, b and c"."""
    if len(parts) < 2:
        return "".join(parts)
    word = " ve " if language == "tr" else " and "
    return ", ".join(parts[:-1]) + word + parts[-1]


def pct(share: float, language: str) -> str:
    return formats.percent(share, language, 0)


def _n(count: int, language: str) -> str:
    return formats.number(count, language)


ACTION_WORDS = {
    # status: (Turkish, English one, English many[, English when it is all of them])
    Action.Status.COMPLETED: ("tamamlandı", "is completed", "are completed"),
    Action.Status.ON_TRACK: ("planlandığı gibi sürüyor", "is on track", "are on track"),
    Action.Status.DELAYED: ("gecikmede", "is delayed", "are delayed"),
    Action.Status.NOT_STARTED: (
        "henüz başlamadı",
        "has not started",
        "have not started",
        "None of the {count} actions has started.",
    ),
    Action.Status.CANCELLED: ("iptal edildi", "was cancelled", "were cancelled"),
}


def _split_sentence(counts: list[tuple[int, tuple]], total: int, nouns, language: str) -> str:
    """ "40 faaliyetin 6'sı tamamlandı, 25'i …" / "Of 40 actions, 6 are completed, …": how
    ``total`` things split into groups, each (count, words as in ACTION_WORDS); ``nouns``
    are the thing's Turkish genitive ("faaliyetin") and English singular and plural."""
    present = [(count, said) for count, said in counts if count]
    tr_noun, en_one, en_many = nouns
    if len(present) == 1 and present[0][0] == total:
        said = present[0][1]
        if language == "tr":
            return f"{_n(total, language)} {tr_noun} tümü {said[0]}."
        if total == 1:
            return f"The one {en_one} {said[1]}."
        if len(said) > 3:
            return said[3].format(count=_n(total, language))
        return f"All {_n(total, language)} {en_many} {said[2]}."
    if language == "tr":
        parts = [f"{_poss(count)} {said[0]}" for count, said in present]
        return f"{_n(total, language)} {tr_noun} {_listed(parts, language)}."
    parts = [
        f"{_n(count, language)} {said[1] if count == 1 else said[2]}" for count, said in present
    ]
    noun = en_one if total == 1 else en_many
    return f"Of {_n(total, language)} {noun}, {_listed(parts, language)}."


def actions_sentence(counts: dict, language: str) -> str:
    total = sum(counts.values())
    if not total:
        return "Planda henüz faaliyet yok." if language == "tr" else "The plan has no actions."
    split = [(counts.get(status, 0), ACTION_WORDS[status]) for status in STATUS_ORDER]
    return _split_sentence(split, total, ("faaliyetin", "action", "actions"), language)


LIGHT_WORDS = {
    rollup.Light.ACHIEVED: ("hedefine ulaştı", "has met its target", "have met their target"),
    rollup.Light.PROGRESSING: (
        "hedefe doğru ilerliyor",
        "is progressing towards its target",
        "are progressing towards their target",
    ),
    rollup.Light.OFF_TRACK: ("hedefin gerisinde", "is off track", "are off track"),
    rollup.Light.NO_DATA: (
        "için henüz onaylı değer yok",
        "has no approved value yet",
        "have no approved value yet",
        "None of the {count} indicators has an approved value yet.",
    ),
    rollup.Light.NOT_SCORED: ("puanlanmıyor", "is not scored", "are not scored"),
}


def indicators_sentence(counts: dict, language: str) -> str:
    total = sum(counts.values())
    if not total:
        return "Planda gösterge yok." if language == "tr" else "The plan has no indicators."
    split = [(counts.get(light, 0), LIGHT_WORDS[light]) for light in LIGHT_ORDER]
    return _split_sentence(split, total, ("göstergenin", "indicator", "indicators"), language)


def progress_sentence(overall: float | None, previous: float | None, language: str) -> str:
    """The plan's weighted progress (a share of 1), and the previous period's."""
    tr = language == "tr"
    if overall is None:
        if tr:
            return "Planda ilerlemesi hesaba katılan faaliyet yok."
        return "The plan has no actions whose progress counts."
    if tr:
        text = f"Planın ağırlıklı ilerlemesi {pct(overall, language)}."
        if previous is not None:
            text += f" Bir önceki dönemin sonunda {pct(previous, language)} idi."
        return text
    text = f"The plan's weighted progress is {pct(overall, language)}"
    if previous is not None:
        return f"{text}, against {pct(previous, language)} at the end of the previous period."
    return text + "."


def overdue_sentence(
    *,
    day,
    actions: int,
    figures: int,
    delayed: int,
    late: int,
    top: tuple[str, int] | None,
    language: str,
) -> str:
    """What was overdue on ``day``, and where most of it was."""
    when = formats.day(day, language)
    if language == "tr":
        owing = []
        if actions:
            owing.append(
                f"bitiş tarihi geçtiği hâlde tamamlanmamış {_n(actions, language)} faaliyet"
            )
        if figures:
            owing.append(
                f"teslim tarihi geçtiği hâlde onaylanmamış {_n(figures, language)} gösterge verisi"
            )
        if owing:
            text = f"{when} itibarıyla {_listed(owing, language)} var."
        else:
            text = (
                f"{when} itibarıyla bitiş tarihi geçmiş faaliyet ya da gecikmiş gösterge "
                "verisi yok."
            )
        if delayed:
            text += f" Ayrıca {_n(delayed, language)} faaliyet müdürlüğünce gecikmede bildirildi."
        if late:
            text += f" {_n(late, language)} gösterge verisi teslim tarihinden sonra gönderildi."
        if top:
            text += f" En çok gecikmiş işi olan müdürlük: {top[0]} ({_n(top[1], language)})."
        return text
    owing = []
    if actions:
        noun = "action was" if actions == 1 else "actions were"
        owing.append(
            f"{_n(actions, language)} {noun} past {'its' if actions == 1 else 'their'} end date "
            "and not completed"
        )
    if figures:
        noun = "indicator report was" if figures == 1 else "indicator reports were"
        owing.append(
            f"{_n(figures, language)} {noun} past {'its' if figures == 1 else 'their'} due date "
            "and not approved"
        )
    if owing:
        text = f"On {when}, {_listed(owing, language)}."
    else:
        text = f"On {when}, no action was past its end date and no indicator report was overdue."
    if delayed:
        noun = "action" if delayed == 1 else "actions"
        text += f" Directorates reported {_n(delayed, language)} more {noun} as delayed."
    if late:
        noun = "report" if late == 1 else "reports"
        text += f" {_n(late, language)} indicator {noun} came in after the due date."
    if top:
        text += f" The directorate with the most overdue items: {top[0]} ({_n(top[1], language)})."
    return text


def coverage_sentence(
    *, articles: int, covered: int, headings: int, headed: int, language: str
) -> str:
    """How many of the Charter's articles and of the YEEP headings the actions reach."""
    if language == "tr":
        parts = []
        if articles:
            parts.append(
                f"Şart'ın {_n(articles, language)} maddesinin {_acc(covered)}"
                if covered
                else "Şart'ın maddelerinin hiçbirini"
            )
        if headings:
            parts.append(
                f"{_n(headings, language)} YEEP başlığının {_acc(headed)}"
                if headed
                else "YEEP başlıklarının hiçbirini"
            )
        if not parts:
            return "Plan bir çerçeveye bağlanmamış."
        return f"Faaliyetler {_listed(parts, language)} kapsıyor."
    parts = []
    if articles:
        parts.append(f"{_n(covered, language)} of the Charter's {_n(articles, language)} articles")
    if headings:
        parts.append(f"{_n(headed, language)} of the {_n(headings, language)} YEEP headings")
    if not parts:
        return "The plan is not tied to a framework."
    return f"The actions cover {_listed(parts, language)}."


def extremes_sentence(rows: list[tuple[str, float]], language: str) -> str:
    """The aims furthest along and furthest behind."""
    top = max(rows, key=lambda row: row[1])
    low = min(rows, key=lambda row: row[1])
    if language == "tr":
        return (
            f"En ileri amaç: “{top[0]}” ({pct(top[1], language)}); en geride kalan: "
            f"“{low[0]}” ({pct(low[1], language)})."
        )
    return (
        f"Furthest along: “{top[0]}” ({pct(top[1], language)}); furthest behind: "
        f"“{low[0]}” ({pct(low[1], language)})."
    )


def unreported_sentence(count: int, day, language: str) -> str:
    when = formats.day(day, language)
    if language == "tr":
        return f"{_n(count, language)} faaliyet için {when} tarihine kadar ilerleme bildirilmedi."
    noun = "action" if count == 1 else "actions"
    return f"No progress was reported on {_n(count, language)} {noun} by {when}."


def named_list(label: str, names: list[str], language: str, most: int = 8) -> str:
    """ "label: a; b; c and 4 more." """
    shown = names[:most]
    text = "; ".join(shown)
    rest = len(names) - len(shown)
    if rest:
        text += f" ve {rest} tane daha" if language == "tr" else f" and {rest} more"
    return f"{label}: {text}."
