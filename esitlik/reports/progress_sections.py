"""The plan monitoring report's sections (:mod:`esitlik.reports.progress`), and the sentences
that state its findings.

Labels, headings and explanations go through gettext. Sentences that put a suffix on a
number ("40 faaliyetin 6'sı", "30 maddesinin 18'ini") are written by a builder per language,
as in :mod:`esitlik.reports.words`: the suffix depends on how the number is read aloud,
which a message catalogue cannot express. Names a municipality typed are quoted or stand
apart, never suffixed.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.analytics.disclosure import CONFIDENTIAL, protect, threshold_for
from esitlik.core.i18n_text import localized
from esitlik.core.text import tr_possessive
from esitlik.participation.models import Input
from esitlik.participation.summary import PEOPLE_SHARES_MIN
from esitlik.plans import rollup
from esitlik.plans.deadlines import State as DueState
from esitlik.plans.models import Action, Indicator
from esitlik.plans.printable import indicator_value
from esitlik.plans.progress import periods
from esitlik.reports import charts, formats, words
from esitlik.reports.document import Chart, Column, Section, Table
from esitlik.reports.progress import Late, PlanSources, natural, period_code
from esitlik.reports.public import marks
from esitlik.reports.tables import C

STATUS_ORDER = [
    Action.Status.COMPLETED,
    Action.Status.ON_TRACK,
    Action.Status.DELAYED,
    Action.Status.NOT_STARTED,
    Action.Status.CANCELLED,
]
LIGHT_ORDER = list(rollup.Light)
LIGHT_COLOURS = {
    rollup.Light.ACHIEVED: "#1b7837",
    rollup.Light.PROGRESSING: "#7fbf7b",
    rollup.Light.OFF_TRACK: "#c2185b",
    rollup.Light.NO_DATA: "#9e9e9e",
    rollup.Light.NOT_SCORED: "#d0d0d0",
}
PROGRESS_COLOUR = "#2b6a99"
FIGURES_OWING = (DueState.OVERDUE, DueState.RETURNED, DueState.AWAITING_REVIEW)


# Words -------------------------------------------------------------------------------------


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


def _pct(share: float, language: str) -> str:
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
        text = f"Planın ağırlıklı ilerlemesi {_pct(overall, language)}."
        if previous is not None:
            text += f" Bir önceki dönemin sonunda {_pct(previous, language)} idi."
        return text
    text = f"The plan's weighted progress is {_pct(overall, language)}"
    if previous is not None:
        return f"{text}, against {_pct(previous, language)} at the end of the previous period."
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


def participation_sentence(
    *, total: int, full: int, partly: int, not_taken: int, pending: int, actions: int, language
) -> str:
    """What became of the inputs raised for the plan."""
    taken = full + partly
    if language == "tr":
        if not total:
            return "Bu plan için kaydedilmiş bir katılım görüşü yok."
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
        text = f"Bu plan için kaydedilen {_n(total, language)} görüşün {_listed(parts, language)}"
        if taken and actions:
            text += f"; plana alınan görüşler {_n(actions, language)} faaliyete dönüştü"
        return text + "."
    if not total:
        return "No participation input has been recorded for this plan."
    parts = []
    if taken:
        detail = (
            f" ({_n(full, language)} fully, {_n(partly, language)} in part)"
            if full and partly
            else ""
        )
        how = "taken into it" if full else "taken into it in part"
        parts.append(f"{_n(taken, language)} {'was' if taken == 1 else 'were'} {how}{detail}")
    if not_taken:
        parts.append(f"{_n(not_taken, language)} {'was' if not_taken == 1 else 'were'} not")
    if pending:
        parts.append(
            f"{_n(pending, language)} {'is' if pending == 1 else 'are'} still under review"
        )
    noun = "input" if total == 1 else "inputs"
    text = f"Of {_n(total, language)} {noun} raised for this plan, {_listed(parts, language)}"
    if taken and actions:
        text += f"; the inputs taken became {_n(actions, language)} "
        text += "action" if actions == 1 else "actions"
    return text + "."


def extremes_sentence(rows: list[tuple[str, float]], language: str) -> str:
    """The aims furthest along and furthest behind."""
    top = max(rows, key=lambda row: row[1])
    low = min(rows, key=lambda row: row[1])
    if language == "tr":
        return (
            f"En ileri amaç: “{top[0]}” ({_pct(top[1], language)}); en geride kalan: "
            f"“{low[0]}” ({_pct(low[1], language)})."
        )
    return (
        f"Furthest along: “{top[0]}” ({_pct(top[1], language)}); furthest behind: "
        f"“{low[0]}” ({_pct(low[1], language)})."
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


# Tables' helpers ---------------------------------------------------------------------------


def _share(progress: float | None) -> float | None:
    """Weighted progress (0–100) as a share of 1."""
    return None if progress is None else round(progress / 100, 4)


def _status(status: str) -> str:
    return str(Action.Status(status).label)


def _directorate(directorate, language: str) -> str:
    return localized(directorate.name, language) if directorate else ""


def _title(obj, language: str) -> str:
    return localized(obj.title, language)


def _number(value) -> float | None:
    return None if value is None else float(value)


def _progress_chart(table: Table, title: str, language: str, previous: bool) -> Chart:
    """Each row's weighted progress as bars from 0 to 100%, with the previous period's as a
    tick where there is one."""
    data = [
        {"label": f"{code}. {name}"[:60], "value": value, "previous": before}
        for code, name, value, before in zip(
            table.values("code"),
            table.values("aim"),
            table.values("progress"),
            table.values("previous") if previous else [None] * len(table.rows),
            strict=True,
        )
        if isinstance(value, float | int)
    ]
    axis = _("Weighted progress")
    order = [row["label"] for row in data]
    bars = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color=PROGRESS_COLOUR)
        .encode(
            x=alt.X(
                "value:Q",
                title=axis,
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1]),
            ),
            y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=300)),
            tooltip=[
                alt.Tooltip("label:N", title=""),
                alt.Tooltip("value:Q", title=axis, format=".0%"),
            ],
        )
    )
    layers = [bars]
    if previous and any(row["previous"] is not None for row in data):
        layers.append(
            alt.Chart(alt.Data(values=[r for r in data if r["previous"] is not None]))
            .mark_tick(color="#222", thickness=2, size=14)
            .encode(x="previous:Q", y=alt.Y("label:N", sort=order))
        )
    spec = (
        alt.layer(*layers)
        .properties(width=380, height=max(60, 24 * len(data)))
        .configure(font=charts.FONT)
        .configure_view(stroke=None)
        .to_dict()
    )
    if data:
        low = min(data, key=lambda row: row["value"])
        high = max(data, key=lambda row: row["value"])
        description = _(
            "Bars of each aim's weighted progress, from 0 to 100%%%(ticks)s. Furthest behind: "
            "%(low)s (%(low_value)s); furthest along: %(high)s (%(high_value)s). The table "
            "below has every figure."
        ) % {
            "ticks": _(", with a tick at the end of the previous period")
            if len(layers) > 1
            else "",
            "low": low["label"],
            "low_value": _pct(low["value"], language),
            "high": high["label"],
            "high_value": _pct(high["value"], language),
        }
    else:
        description = _("There are no figures to draw.")
    return Chart(f"{table.id}_progress", title, description, table.id, spec)


def _lights_chart(table: Table, lights: list[str], title: str) -> Chart:
    data = [
        {"label": label, "value": count, "light": light}
        for label, count, light in zip(
            table.values("light"), table.values("count"), lights, strict=True
        )
    ]
    axis = _("Indicators")
    spec = (
        alt.Chart(alt.Data(values=data))
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=axis, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "light:N",
                scale=alt.Scale(
                    domain=[str(light) for light in LIGHT_ORDER],
                    range=[LIGHT_COLOURS[light] for light in LIGHT_ORDER],
                ),
                legend=None,
            ),
            tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("value:Q", title=axis)],
        )
        .properties(width=380, height=max(60, 24 * len(data)))
        .configure(font=charts.FONT)
        .configure_view(stroke=None)
        .to_dict()
    )
    description = _("Bars of how many indicators are in each state: %(states)s.") % {
        "states": "; ".join(f"{row['label']} {row['value']}" for row in data)
    }
    return Chart(f"{table.id}_chart", title, description, table.id, spec)


def _status_counts(actions) -> dict:
    counts: dict = {}
    for action in actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    return counts


def _owing(sources: PlanSources) -> dict:
    items = sources.items
    return {
        "actions": sum(1 for i in items if i.action and i.state == DueState.OVERDUE),
        "figures": sum(1 for i in items if i.indicator and i.state in FIGURES_OWING),
        "delayed": sum(1 for i in items if i.state == Late.DELAYED),
        "late": sum(1 for i in items if i.state == Late.LATE),
    }


def _top_directorate(sources: PlanSources, language: str) -> tuple[str, int] | None:
    """The directorate owing the most (overdue actions and figures), if one owes most."""
    counts: dict = {}
    for item in sources.items:
        if item.state in FIGURES_OWING:
            key = item.directorate.pk
            name, count = counts.get(key, (_directorate(item.directorate, language), 0))
            counts[key] = (name, count + 1)
    ranked = sorted(counts.values(), key=lambda pair: -pair[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None  # nothing owed, or no one directorate owes the most
    return ranked[0]


def _light_counts(sources: PlanSources) -> dict:
    counts: dict = {}
    for standing in sources.standings:
        counts[standing.light] = counts.get(standing.light, 0) + 1
    return counts


def _coverage_counts(sources: PlanSources) -> dict:
    cover = sources.cover
    return {
        "articles": len(cover.articles),
        "covered": len(cover.articles) - len(cover.uncovered_articles),
        "headings": len(cover.headings),
        "headed": len(cover.headings) - len(cover.uncovered_headings),
    }


def _input_counts(sources: PlanSources) -> dict:
    S = Input.Status
    statuses = [item.status for item in sources.inputs]
    return {
        "total": len(statuses),
        "full": statuses.count(S.TAKEN),
        "partly": statuses.count(S.PARTLY_TAKEN),
        "not_taken": statuses.count(S.NOT_TAKEN),
        "pending": statuses.count(S.UNDER_REVIEW),
        "actions": len({taken.action.pk for taken in sources.taken}),
    }


# Sections ----------------------------------------------------------------------------------


def summary(sources: PlanSources, language: str) -> Section:
    from esitlik.reports.progress import period_label

    plan = sources.plan
    section = Section("summary", _("Summary"))
    section.paragraphs.append(
        _(
            "This report shows where %(plan)s (%(years)s) stood at the end of %(period)s: how "
            "far its actions have come, its indicators against their targets, what was overdue "
            "and where, which Charter articles and YEEP headings it covers, and which inputs "
            "from participation became actions."
        )
        % {
            "plan": localized(plan.title, language),
            "years": plan.period,
            "period": period_label(sources.period),
        }
    )
    if not sources.over:
        section.paragraphs.append(
            _("The period is not over yet: the figures are those of %(day)s.")
            % {"day": formats.day(sources.today, language)}
        )
    previous = (
        _share(rollup.weighted_progress(sources.previous_actions))
        if sources.previous_actions is not None
        else None
    )
    overall = _share(rollup.weighted_progress(sources.actions))
    section.findings.append(progress_sentence(overall, previous, language))
    section.findings.append(actions_sentence(_status_counts(sources.actions), language))
    unreported = sum(1 for a in sources.actions if a.pk not in sources.last_reported)
    if unreported:
        section.findings.append(unreported_sentence(unreported, sources.reports_until, language))
    section.findings.append(indicators_sentence(_light_counts(sources), language))
    section.findings.append(
        overdue_sentence(
            day=sources.judged_on,
            top=_top_directorate(sources, language),
            language=language,
            **_owing(sources),
        )
    )
    section.findings.append(coverage_sentence(language=language, **_coverage_counts(sources)))
    section.findings.append(participation_sentence(language=language, **_input_counts(sources)))
    return section


def progress(sources: PlanSources, language: str) -> Section:
    section = Section("progress", _("Progress by aim, objective and action"))
    actions = sources.actions
    if not actions:
        section.missing = _("The plan has no actions yet.")
        return section
    section.paragraphs.append(
        _(
            "Progress is weighted by each action's weight; cancelled actions are left out. "
            "Status and progress are those reported by %(day)s."
        )
        % {"day": formats.day(sources.reports_until, language)}
    )
    has_previous = sources.previous_actions is not None
    before = {a.pk: a for a in sources.previous_actions or []}
    aims, objectives = [], []
    for node in rollup.by_aim(sources.plan, actions):
        aim = node["aim"]
        aim_actions = [a for a in actions if a.objective.aim_id == aim.pk]
        row = [
            aim.code,
            _title(aim, language),
            localized(aim.heading.title, language) if aim.heading else "",
            node["count"],
            sum(1 for a in aim_actions if a.status == Action.Status.COMPLETED),
            _share(node["progress"]),
        ]
        if has_previous:
            row.append(_share(rollup.weighted_progress([before[a.pk] for a in aim_actions])))
        aims.append(row)
        for child in node["objectives"]:
            objective = child["objective"]
            own = [a for a in aim_actions if a.objective_id == objective.pk]
            objectives.append(
                [
                    objective.code,
                    _title(objective, language),
                    child["count"],
                    sum(1 for a in own if a.status == Action.Status.COMPLETED),
                    _share(child["progress"]),
                ]
            )
    columns = [
        Column("code", _("Code"), C.TEXT),
        Column("aim", _("Aim"), C.TEXT),
        Column("heading", _("YEEP heading"), C.TEXT),
        Column("actions", _("Actions"), C.COUNT),
        Column("completed", _("Completed"), C.COUNT),
        Column("progress", _("Progress"), C.SHARE),
    ]
    if has_previous:
        columns.append(
            Column(
                "previous",
                _("At the end of %(period)s") % {"period": sources.previous.label},
                C.SHARE,
            )
        )
    aim_table = Table("aims", _("Progress by aim"), columns, aims)
    section.tables.append(aim_table)
    section.charts.append(
        _progress_chart(aim_table, _("Weighted progress by aim"), language, has_previous)
    )
    measured = [(f"{row[0]}. {row[1]}", row[5]) for row in aims if row[5] is not None]
    if len({share for _label, share in measured}) > 1:
        section.findings.append(extremes_sentence(measured, language))
    unreported = [a for a in actions if a.pk not in sources.last_reported]
    if unreported:
        section.findings.append(
            unreported_sentence(len(unreported), sources.reports_until, language)
        )
    section.tables.append(
        Table(
            "objectives",
            _("Progress by objective"),
            [
                Column("code", _("Code"), C.TEXT),
                Column("objective", _("Objective"), C.TEXT),
                Column("actions", _("Actions"), C.COUNT),
                Column("completed", _("Completed"), C.COUNT),
                Column("progress", _("Progress"), C.SHARE),
            ],
            objectives,
        )
    )
    target_labels = dict(Action.TargetGroup.choices)
    section.tables.append(
        Table(
            "actions",
            _("Actions"),
            [
                Column("code", _("Code"), C.TEXT),
                Column("action", pgettext("plan", "Action"), C.TEXT),
                Column("directorate", _("Lead directorate"), C.TEXT),
                Column("status", _("Status"), C.TEXT),
                Column("progress", _("Progress"), C.SHARE),
                Column("end", _("Due"), C.DATE),
                Column("reported", _("Last reported"), C.DATE),
                Column("start", _("Start"), C.DATE, detail=True),
                Column("weight", _("Weight"), C.COUNT, detail=True),
                Column("target_groups", _("Target groups"), C.TEXT, detail=True),
            ],
            [
                [
                    action.code,
                    _title(action, language),
                    _directorate(action.lead_directorate, language),
                    _status(action.status),
                    action.progress / 100,
                    action.end_date.isoformat() if action.end_date else None,
                    reported.isoformat()
                    if (reported := sources.last_reported.get(action.pk))
                    else None,
                    action.start_date.isoformat() if action.start_date else None,
                    action.weight,
                    ", ".join(str(target_labels.get(g, g)) for g in action.target_groups or []),
                ]
                for action in actions
            ],
            note=_(
                "“Last reported”: the last day its directorate reported a change of status or "
                "progress, up to the cut-off."
            ),
        )
    )
    overdue_by = {}
    for item in sources.items:
        if item.action and item.state == DueState.OVERDUE:
            overdue_by[item.directorate.pk] = overdue_by.get(item.directorate.pk, 0) + 1
    section.tables.append(
        Table(
            "directorates",
            _("Progress by lead directorate"),
            [
                Column("directorate", _("Directorate"), C.TEXT),
                Column("actions", _("Actions"), C.COUNT),
                Column("completed", _("Completed"), C.COUNT),
                Column("overdue", _("Overdue"), C.COUNT),
                Column("progress", _("Progress"), C.SHARE),
            ],
            [
                [
                    _directorate(row.key, language),
                    row.count,
                    row.completed,
                    overdue_by.get(row.key.pk, 0),
                    _share(row.progress),
                ]
                for row in rollup.by_directorate(actions)
            ],
        )
    )
    return section


def _protect_by_sex(standings, records: list) -> dict:
    """Counts of people by sex in indicator values, protected row by row for the public:
    indicator code → {column: marker}."""
    hidden: dict = {}
    for standing in standings:
        indicator, latest = standing.indicator, standing.latest
        if not (indicator.by_sex and indicator.measure == Indicator.Measure.COUNT and latest):
            continue
        values = {"women": latest.women, "men": latest.men, "total": latest.value}
        if any(v is None or v != int(v) for v in values.values()):
            continue
        frame = pd.DataFrame([{k: float(v) for k, v in values.items()}], index=[indicator.code])
        total = "total" if values["women"] + values["men"] == values["total"] else None
        result = protect(frame, row_total=total, label=f"indicator:{indicator.code}")
        records.append(result.record)
        hidden[indicator.code] = {column: marker for (_row, column), marker in marks(result)}
    return hidden


def _shown(indicator, latest, name: str, marker: str | None) -> tuple:
    """An update's ``name`` (value, women, men) as written on the page and as a number; both
    "c" when disclosure control hid it."""
    if marker == CONFIDENTIAL:
        return CONFIDENTIAL, CONFIDENTIAL
    value = getattr(latest, name) if latest else None
    if value is None:
        return "", None
    return indicator_value(indicator.measure, value, indicator.unit), float(value)


def indicators(sources: PlanSources, public: bool, language: str, records: list) -> Section:
    section = Section("indicators", _("Indicators against their targets"))
    standings = sources.standings
    if not standings:
        section.missing = _("The plan has no indicators yet.")
        return section
    year = sources.period.year
    hidden = _protect_by_sex(standings, records) if public else {}
    rows = []
    for standing in standings:
        indicator, latest = standing.indicator, standing.latest
        measure, unit = indicator.measure, indicator.unit
        marked = hidden.get(indicator.code, {})

        baseline = ""
        if indicator.baseline_value is not None:
            baseline = indicator_value(measure, indicator.baseline_value, unit)
            if indicator.baseline_year:
                baseline += f" ({indicator.baseline_year})"
        if indicator.direction == Indicator.Direction.BAND and indicator.band_low is not None:
            low = indicator_value(measure, indicator.band_low, unit)
            target = f"{low}–{indicator_value(measure, indicator.band_high, unit)}"
        elif standing.target is not None:
            target = indicator_value(measure, standing.target, unit)
        else:
            target = ""
        value_text, value = _shown(indicator, latest, "value", marked.get("total"))
        if latest and latest.value is None and not indicator.is_numeric:
            value_text = _("described")
        women_text, women = _shown(indicator, latest, "women", marked.get("women"))
        men_text, men = _shown(indicator, latest, "men", marked.get("men"))
        row = [
            indicator.code,
            _title(indicator, language),
            _directorate(indicator.responsible_directorate, language),
            baseline,
            target,
            value_text,
            women_text,
            men_text,
            latest.period_label if latest else "",
            str(standing.light.label),
            standing.light.value,
            str(Indicator.Measure(measure).label),
            unit,
            _number(indicator.baseline_value),
            _number(standing.target),
            value,
            women,
            men,
        ]
        if not public:
            row.append(latest.narrative if latest else "")
        rows.append(row)
    columns = [
        Column("code", _("Code"), C.TEXT),
        Column("indicator", _("Indicator"), C.TEXT),
        Column("directorate", _("Responsible"), C.TEXT),
        Column("baseline", _("Baseline"), C.TEXT),
        Column("target", _("Target %(year)s") % {"year": year}, C.TEXT),
        Column("latest", _("Latest value"), C.TEXT),
        Column("women", pgettext("sex", "Women"), C.TEXT),
        Column("men", pgettext("sex", "Men"), C.TEXT),
        Column("period", _("Of period"), C.TEXT),
        Column("status", _("Status"), C.TEXT),
        Column("light", _("Status code"), C.TEXT, detail=True),
        Column("measure", _("Measure"), C.TEXT, detail=True),
        Column("unit", _("Unit"), C.TEXT, detail=True),
        Column("baseline_value", _("Baseline (number)"), C.RATIO, detail=True),
        Column("target_value", _("Target (number)"), C.RATIO, detail=True),
        Column("latest_value", _("Latest value (number)"), C.RATIO, detail=True),
        Column("women_value", _("Women (number)"), C.RATIO, detail=True),
        Column("men_value", _("Men (number)"), C.RATIO, detail=True),
    ]
    if not public:
        columns.append(Column("narrative", _("What was done (internal)"), C.TEXT, detail=True))
    section.paragraphs.append(
        _(
            "Each indicator's latest value approved for a reporting period up to and including "
            "%(period)s, beside its target for %(year)s. The status compares the value with the "
            "target of its own year: a 2025 value with the 2025 target."
        )
        % {"period": period_code(sources.period), "year": year}
    )
    counts = _light_counts(sources)
    section.findings.append(indicators_sentence(counts, language))
    off = [
        f"{s.indicator.code} {_title(s.indicator, language)}"
        for s in standings
        if s.light == rollup.Light.OFF_TRACK
    ]
    if off:
        label = "Hedefin gerisindeki göstergeler" if language == "tr" else "Off track"
        section.findings.append(named_list(label, off, language))
    missing = _missing_this_period(sources, language)
    if missing:
        label = (
            "Bu dönem için onaylı değeri olmayan göstergeler"
            if language == "tr"
            else "No approved value for this period"
        )
        section.findings.append(named_list(label, missing, language))
    table = Table("indicators", _("Indicators: baseline, target and latest value"), columns, rows)
    section.tables.append(table)
    present = [light for light in LIGHT_ORDER if counts.get(light)]
    lights = Table(
        "lights",
        _("Indicators by status"),
        [Column("light", _("Status"), C.TEXT), Column("count", _("Indicators"), C.COUNT)],
        [[str(light.label), counts[light]] for light in present],
    )
    section.tables.append(lights)
    section.charts.append(
        _lights_chart(lights, [light.value for light in present], _("Indicators by status"))
    )
    return section


def _missing_this_period(sources: PlanSources, language: str) -> list[str]:
    """Indicators due to report for a period within the report's that have no approved
    value for it."""
    report = sources.period
    missing = []
    for standing in sources.standings:
        indicator = standing.indicator
        due = [p for p in periods(indicator, sources.plan) if report.start <= p.end <= report.end]
        have = {(u.year, u.half) for u in standing.approved}
        if due and not any((p.year, p.half) in have for p in due):
            missing.append(f"{indicator.code} {_title(indicator, language)}")
    return missing


def _state_label(state: str) -> str:
    labels = {
        DueState.OVERDUE: _("Overdue"),
        DueState.RETURNED: _("Returned for changes"),
        DueState.AWAITING_REVIEW: _("Sent, awaiting review"),
        Late.DELAYED: _("Reported delayed"),
        Late.LATE: _("Sent late"),
    }
    return str(labels[state])


def overdue(sources: PlanSources, public: bool, language: str) -> Section:
    section = Section("overdue", _("Overdue and late items by directorate"))
    section.paragraphs.append(
        _(
            "Judged on %(day)s. An action is overdue when its end date has passed and it is "
            "neither completed nor cancelled; indicator figures are overdue when their due date "
            "(30 days after the end of their reporting period) has passed and they are not "
            "approved, and late when they were approved but sent after it."
        )
        % {"day": formats.day(sources.judged_on, language)}
    )
    section.findings.append(
        overdue_sentence(
            day=sources.judged_on,
            top=_top_directorate(sources, language),
            language=language,
            **_owing(sources),
        )
    )
    if not sources.items:
        return section
    groups: dict = {}
    for item in sources.items:
        name = _directorate(item.directorate, language)
        counts = groups.setdefault(name, {"actions": 0, "delayed": 0, "figures": 0, "late": 0})
        if item.action and item.state == DueState.OVERDUE:
            counts["actions"] += 1
        elif item.state == Late.DELAYED:
            counts["delayed"] += 1
        elif item.state == Late.LATE:
            counts["late"] += 1
        else:
            counts["figures"] += 1
    summary_rows = sorted(
        (
            [name, c["actions"], c["delayed"], c["figures"], c["late"], sum(c.values())]
            for name, c in groups.items()
        ),
        key=lambda row: (-(row[1] + row[3]), -row[5], row[0]),
    )
    section.tables.append(
        Table(
            "by_directorate",
            _("Overdue and late items by directorate"),
            [
                Column("directorate", _("Directorate"), C.TEXT),
                Column("actions", _("Overdue actions"), C.COUNT),
                Column("delayed", _("Actions reported delayed"), C.COUNT),
                Column("figures", _("Indicator figures owed"), C.COUNT),
                Column("late", _("Indicator figures sent late"), C.COUNT),
                Column("total", _("Total"), C.COUNT),
            ],
            summary_rows,
        )
    )
    rows = []
    for item in sources.items:
        if item.action:
            kind, code, title, period = (
                pgettext("plan", "Action"),
                item.action.code,
                item.action.title,
                "",
            )
        else:
            kind, code, title = _("Indicator figures"), item.indicator.code, item.indicator.title
            period = item.period.label
        if item.state == Late.DELAYED:
            days = None
        elif item.state == Late.LATE:
            sent = timezone.localtime(item.update.submitted_at).date()
            days = (sent - item.due).days
        else:
            days = (sources.judged_on - item.due).days
        row = [
            _directorate(item.directorate, language),
            str(kind),
            code,
            localized(title, language),
            period,
            item.due.isoformat(),
            _state_label(item.state),
            days,
        ]
        if not public:
            row.append(item.update.review_comment if item.update else "")
        rows.append(row)
    rows.sort(key=lambda row: (row[0], natural(row[2]), row[4]))
    columns = [
        Column("directorate", _("Directorate"), C.TEXT),
        Column("kind", _("Item"), C.TEXT),
        Column("code", _("Code"), C.TEXT),
        Column("title", _("Title"), C.TEXT),
        Column("period", _("Period"), C.TEXT),
        Column("due", _("Due"), C.DATE),
        Column("state", _("State"), C.TEXT),
        Column("days", _("Days late"), C.COUNT),
    ]
    if not public:
        columns.append(Column("comment", _("Review comment (internal)"), C.TEXT, detail=True))
    section.tables.append(
        Table(
            "items",
            _("Each overdue or late item"),
            columns,
            rows,
            note=_(
                "Days late: to %(day)s for what is still owed; from the due date to the day "
                "the figures were sent for what came in late."
            )
            % {"day": formats.day(sources.judged_on, language)},
        )
    )
    return section


def coverage(sources: PlanSources, language: str) -> Section:
    section = Section("coverage", _("Charter articles and YEEP headings"))
    cover = sources.cover
    counts = _coverage_counts(sources)
    section.findings.append(coverage_sentence(language=language, **counts))
    if sources.charter is not None:
        section.paragraphs.append(
            _("The plan follows %(charter)s.") % {"charter": str(sources.charter)}
        )
    uncovered = [f"{a.code} {localized(a.title, language)}" for a in cover.uncovered_articles]
    if uncovered and cover.articles:
        label = (
            "Hiçbir faaliyetin bağlanmadığı maddeler"
            if language == "tr"
            else "Articles no action is tagged with"
        )
        section.findings.append(named_list(label, uncovered, language, most=12))
    bare = [localized(h.title, language) for h in cover.uncovered_headings]
    if bare:
        label = (
            "Faaliyeti olmayan YEEP başlıkları"
            if language == "tr"
            else "YEEP headings without actions"
        )
        section.findings.append(named_list(label, bare, language))
    if cover.articles:
        section.tables.append(
            Table(
                "articles",
                _("Charter articles"),
                [
                    Column("code", _("Article"), C.TEXT),
                    Column("title", _("Title"), C.TEXT),
                    Column("actions", _("Actions"), C.COUNT),
                    Column("indicators", _("Indicators"), C.COUNT),
                    Column("progress", _("Progress"), C.SHARE),
                ],
                [
                    [
                        article.code,
                        localized(article.title, language),
                        row.count,
                        row.indicators,
                        _share(row.progress),
                    ]
                    for article, row in ((a, cover.article_rows[a.pk]) for a in cover.articles)
                ],
            )
        )
    if cover.headings:
        section.tables.append(
            Table(
                "headings",
                _("YEEP headings"),
                [
                    Column("heading", _("Heading"), C.TEXT),
                    Column("actions", _("Actions"), C.COUNT),
                    Column("indicators", _("Indicators"), C.COUNT),
                    Column("progress", _("Progress"), C.SHARE),
                ],
                [
                    [
                        localized(heading.title, language),
                        row.count,
                        row.indicators,
                        _share(row.progress),
                    ]
                    for heading, row in ((h, cover.heading_rows[h.pk]) for h in cover.headings)
                ],
            )
        )
    if cover.articles and cover.headings:
        section.tables.append(
            Table(
                "matrix",
                _("Actions by Charter article and YEEP heading"),
                [
                    Column("article", _("Article"), C.TEXT),
                    *[
                        Column(f"heading_{h.code}", localized(h.title, language), C.COUNT)
                        for h in cover.headings
                    ],
                ],
                [
                    [f"{article.code} {localized(article.title, language)}", *cells]
                    for article, cells, _row in cover.table()
                ],
                detail=True,
            )
        )
    return section


def _participants(sources: PlanSources, public: bool, records: list):
    """Participants of the edition's held events by sex: (rows, participants shown), each
    count protected for the public."""
    summary = sources.summary
    counts = {row.key: row.count for row in summary.sexes}
    total = summary.participants
    cells = {**counts, "total": total}
    if public and total:
        frame = pd.DataFrame([{k: float(v) for k, v in cells.items()}], index=["participants"])
        result = protect(frame, row_total="total", label="participants")
        records.append(result.record)
        for (_row, column), marker in marks(result):
            cells[column] = marker
    shares = summary.people_shares and isinstance(cells["total"], int)
    rows = []
    for row in summary.sexes:
        count = cells[row.key]
        share = count / total if shares and isinstance(count, int) else None
        if shares and count == CONFIDENTIAL:
            share = CONFIDENTIAL
        rows.append([row.label, count, share])
    rows.append([_("Total"), cells["total"], 1.0 if shares and total else None])
    return rows, cells


def _participation_sentence_people(held: int, cells: dict, shares: bool, language: str) -> str:
    """ "Bu plan için 12 etkinlik yapıldı; 430 katılımcının %58'i kadın." """
    total, women, men = cells["total"], cells.get("women"), cells.get("men")
    visible = isinstance(total, int) and total > 0
    share = None
    if shares and visible and isinstance(women, int) and isinstance(men, int) and women + men:
        share = women / total
    if language == "tr":
        text = f"Bu plan için {_n(held, language)} etkinlik yapıldı"
        if visible:
            text += (
                f"; {_n(total, language)} katılımcının {words.share_of(share, 'kadın')}"
                if share is not None
                else f"; {_n(total, language)} kişi katıldı"
            )
        return text + "."
    noun = "event was" if held == 1 else "events were"
    text = f"{_n(held, language)} {noun} held for this plan"
    if visible:
        text += f", with {_n(total, language)} participants"
        if share is not None:
            text += f", {_pct(share, language)} of them women"
    return text + "."


def participation(sources: PlanSources, public: bool, language: str, records: list) -> Section:
    section = Section("participation", _("From participation to actions"))
    counts = _input_counts(sources)
    summary = sources.summary
    if not counts["total"] and not summary.held:
        section.missing = _(
            "No participation event or input has been recorded for this plan edition."
        )
        return section
    section.paragraphs.append(
        _(
            "The inputs raised at this edition's events or traced to its actions and received "
            "by %(day)s, with the decision recorded on each, and the actions they became."
        )
        % {"day": formats.day(sources.judged_on, language)}
    )
    section.findings.append(participation_sentence(language=language, **counts))
    S = Input.Status
    total = counts["total"]
    if total:
        order = [S.TAKEN, S.PARTLY_TAKEN, S.NOT_TAKEN, S.UNDER_REVIEW]
        statuses = [item.status for item in sources.inputs]
        section.tables.append(
            Table(
                "decisions",
                _("What became of the inputs"),
                [
                    Column("decision", _("Decision"), C.TEXT),
                    Column("inputs", _("Inputs"), C.COUNT),
                    Column("share", _("Share"), C.SHARE),
                ],
                [
                    [str(status.label), statuses.count(status), statuses.count(status) / total]
                    for status in order
                ]
                + [[_("Total"), total, 1.0]],
            )
        )
    if sources.taken:
        section.tables.append(_became(sources, language))
        section.tables.append(_taken(sources, public, language))
    if summary.held:
        section.tables.append(
            Table(
                "events",
                _("Events held for this plan, by kind"),
                [Column("kind", _("Kind"), C.TEXT), Column("held", _("Held"), C.COUNT)],
                [[row.label, row.held] for row in summary.events if row.held],
            )
        )
        rows, cells = _participants(sources, public, records)
        section.findings.append(
            _participation_sentence_people(summary.held, cells, summary.people_shares, language)
        )
        section.tables.append(
            Table(
                "participants",
                _("Participants by sex"),
                [
                    Column("sex", _("Sex"), C.TEXT),
                    Column("count", _("Participants"), C.COUNT),
                    Column("share", _("Share"), C.SHARE),
                ],
                rows,
                note=_("Shares are shown from %(count)s participants.")
                % {"count": PEOPLE_SHARES_MIN},
            )
        )
    return section


def _became(sources: PlanSources, language: str) -> Table:
    """The actions inputs became, each with how many and which inputs led to it."""
    then = {action.pk: action for action in sources.actions}
    grouped: dict[int, list[Input]] = {}
    for taken in sources.taken:
        grouped.setdefault(taken.action.pk, []).append(taken.item)
    rows = []
    for pk, items in grouped.items():
        action = then.get(pk)
        if action is None:  # not this plan's (cannot happen: the query keeps its own)
            continue
        references = sorted(item.reference for item in items)
        rows.append(
            [
                action.code,
                _title(action, language),
                _status(action.status),
                action.progress / 100,
                len(references),
                ", ".join(references),
            ]
        )
    rows.sort(key=lambda row: natural(row[0]))
    return Table(
        "became",
        _("Actions that inputs became"),
        [
            Column("code", _("Code"), C.TEXT),
            Column("action", pgettext("plan", "Action"), C.TEXT),
            Column("status", _("Status"), C.TEXT),
            Column("progress", _("Progress"), C.SHARE),
            Column("inputs", _("Inputs"), C.COUNT),
            Column("references", _("Input references"), C.TEXT),
        ],
        rows,
    )


def _taken(sources: PlanSources, public: bool, language: str) -> Table:
    """Every input taken into the plan and each action it led to: in the workbook and the
    JSON; what the input said only in the internal version."""
    kinds = dict(Input.Kind.choices)
    rows = []
    for taken in sorted(sources.taken, key=lambda t: (t.item.reference, natural(t.action.code))):
        item = taken.item
        row = [
            item.reference,
            item.received_on.isoformat(),
            str(kinds.get(item.kind, item.kind)),
            localized(item.heading.title, language) if item.heading else "",
            str(Input.Status(item.status).label),
            taken.action.code,
        ]
        if not public:
            row.append(item.text)
        rows.append(row)
    columns = [
        Column("reference", _("Input"), C.TEXT),
        Column("received", _("Received on"), C.DATE),
        Column("kind", _("Kind"), C.TEXT),
        Column("heading", _("YEEP heading"), C.TEXT),
        Column("decision", _("Decision"), C.TEXT),
        Column("action", pgettext("plan", "Action"), C.TEXT),
    ]
    if not public:
        columns.append(Column("text", _("What was said (internal)"), C.TEXT))
    return Table("taken", _("Inputs taken into the plan"), columns, rows, detail=True)


def method(sources: PlanSources, public: bool, language: str, hidden_cells: int) -> Section:
    from esitlik.reports.progress import period_label

    plan = sources.plan
    section = Section("method", _("Method"))
    cutoff = formats.day(sources.reports_until, language)
    section.paragraphs += [
        _(
            "Sources: the plan edition as recorded in esitlik — its aims, objectives and "
            "actions with the status and progress their directorates reported, its indicators "
            "with the values the equality unit approved, and the participation inputs and "
            "events recorded for it."
        ),
        _(
            "Weighted progress is Σ(weight × progress) ÷ Σ(weight) over the actions that "
            "count; cancelled actions are left out, as they neither advance nor hold back the "
            "plan. An aim's, objective's, directorate's, article's or heading's progress is "
            "the same over its own actions."
        ),
    ]
    if sources.over:
        section.paragraphs.append(
            _(
                "Status and progress are those last reported by %(day)s, the period's reporting "
                "deadline (30 days after its end, as for indicator figures). Changes reported "
                "later are not counted: the values of the time are read back from the record "
                "of changes."
            )
            % {"day": cutoff}
        )
    else:
        section.paragraphs.append(
            _(
                "The period is not over: status and progress are those reported by %(day)s, "
                "when this report was made."
            )
            % {"day": cutoff}
        )
    section.paragraphs += [
        _(
            "Indicators: the latest value the equality unit approved for a reporting period "
            "up to and including %(period)s (a yearly value counts from the report of the "
            "whole year), whenever it was approved, beside the target for %(year)s. Its status "
            "compares it with the target of the value's own year (or, failing that, the "
            "nearest earlier year's). “Target met”: the value has reached the target (or lies "
            "within the band); “Progressing”: it has covered at least half the way from the "
            "baseline; “Off track”: less than that; “Not scored”: a qualitative indicator, or "
            "one without a target. Values submitted and not yet approved are not counted."
        )
        % {"period": period_code(sources.period), "year": sources.period.year},
        _(
            "Overdue: on %(day)s, an action past its end date and neither completed nor "
            "cancelled; indicator figures whose due date (30 days after the end of their "
            "period) had passed and that are not approved. Late: figures approved but sent "
            "after their due date. “Reported delayed”: actions their directorate reports as "
            "delayed before their end date."
        )
        % {"day": formats.day(sources.judged_on, language)},
        _(
            "Coverage: an action covers the Charter articles it is tagged with, its aim's YEEP "
            "heading and any heading it is tagged with; an indicator counts where its action "
            "does, and an objective's indicator where that objective's actions do."
        ),
        _(
            "Participation: the inputs raised at this edition's events or traced to its "
            "actions, received by %(day)s, with the decision as it stands; the events recorded "
            "for the edition and held by that day."
        )
        % {"day": formats.day(sources.judged_on, language)},
    ]
    if public:
        section.paragraphs.append(
            _(
                "This public version leaves out what each input said, the narratives of "
                "indicator reports and the equality unit's review comments. Counts of people "
                "from 1 to %(low)s are hidden and marked “c”, with further cells hidden where a "
                "hidden one could be worked out from a total; shares from a hidden count are "
                "hidden too. “-” is a true zero. %(cells)s cells are hidden in this report."
            )
            % {"low": threshold_for() - 1, "cells": hidden_cells}
        )
    else:
        section.paragraphs.append(
            _(
                "This is the internal version: it includes what each input said, the "
                "narratives of indicator reports, the equality unit's review comments and every "
                "count however small. Publish the public version, which leaves these out and "
                "applies disclosure control."
            )
        )
    decision = ""
    if plan.decision_no:
        decision = plan.decision_no
        if plan.decision_date:
            decision += f", {formats.day(plan.decision_date, language)}"
    facts = [
        (_("Plan edition"), localized(plan.title, language)),
        (_("Years"), plan.period),
        (_("Status"), plan.get_status_display()),
        (_("Council decision"), decision or "—"),
        (_("Charter text"), str(sources.charter) if sources.charter else "—"),
        (_("Period"), period_label(sources.period)),
        (_("Deadlines judged on"), formats.day(sources.judged_on, language)),
        (_("Reports counted until"), cutoff),
        (_("Made on"), formats.day(sources.today, language)),
    ]
    section.tables.append(
        Table(
            "about",
            _("What this report was made from"),
            [Column("item", _("Item"), C.TEXT), Column("value", _("Value"), C.TEXT)],
            [[str(label), str(value)] for label, value in facts],
        )
    )
    return section
