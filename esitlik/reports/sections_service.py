"""The Equality in Service report's sections on service use: the summary, who the services
reach against who lives there, and which gaps the plan answers."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from esitlik.analytics.findings import MIN_SIZE, OVER, Finding
from esitlik.core.i18n_text import localized
from esitlik.datasets.vocab import Disability, Migration
from esitlik.reports import charts, words
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.gather import Sources
from esitlik.reports.public import Hidden, with_rest
from esitlik.reports.tables import C, counted, plain, sex_columns, whole

# How many gaps the page and the PDF list; the workbook and the JSON have them all.
TOP_GAPS = 15
# A service's women's share moving by this much since the year before is news.
MOVED = 0.05
AGE_GROUP_RANGES = {"children": "0–19", "youth": "20–24", "working_age": "25–64", "older": "65+"}
# The breakdowns of the service figures: frame name → (group column, table title).
BREAKDOWNS = {
    "by_age_group": "age_group",
    "by_disability": "disability",
    "by_migration": "migration",
    "by_neighbourhood": "neighbourhood_id",
}


def age_group_label(code: str) -> str:
    names = {
        "children": _("Children and teenagers"),
        "youth": _("Young people"),
        "working_age": _("Working age"),
        "older": _("Older people"),
    }
    return f"{names.get(code, code)} ({AGE_GROUP_RANGES.get(code, '')})"


def breakdowns_of(sources: Sources) -> dict[str, tuple]:
    """The breakdown frames (with ``rest``) and their group columns, dimensions included."""
    eis = sources.eis
    found = {name: (with_rest(getattr(eis, name)), dim) for name, dim in BREAKDOWNS.items()}
    for column, frame in eis.by_dimension.items():
        found[f"by_{column}"] = (with_rest(frame), column)
    return found


def group_of(sources: Sources, kind: str, value, language: str) -> words.Group:
    if kind == "age_group":
        return words.Group(kind, value, AGE_GROUP_RANGES.get(value, str(value)))
    if kind == "neighbourhood_id":
        return words.Group(kind, value, sources.neighbourhoods.get(int(value), f"#{value}"))
    if kind == "disability":
        return words.Group(kind, value, str(Disability(value).label))
    if kind == "migration":
        return words.Group(kind, value, str(Migration(value).label))
    dimension = localized(sources.dimensions.get(kind, {}), language) or kind
    return words.Group(kind, value, str(value), dimension)


def group_label(sources: Sources, kind: str, value, language: str) -> str:
    """A group as a table shows it."""
    if value is None:
        return _("Not stated")
    if kind == "age_group":
        return age_group_label(value)
    group = group_of(sources, kind, value, language)
    return f"{group.dimension}: {group.label}" if group.dimension else group.label


def _finding_table(kind: str, value) -> tuple[str, object]:
    """Where a finding's counts sit among the protected tables."""
    name = (
        f"by_{kind}"
        if kind.startswith("x_")
        else next((n for n, d in BREAKDOWNS.items() if d == kind), "")
    )
    return name, value


def single_sex_services(sources: Sources) -> list:
    """The services open to one sex by design that have data this year."""
    used = {int(s) for s in sources.eis.by_service["service_id"]} if sources.eis else set()
    return [
        service
        for service_id, service in sources.services.items()
        if service.single_sex and service_id in used
    ]


def stated_findings(sources: Sources) -> list[Finding]:
    """The gaps found, less those of services open to one sex by design: a women's shelter
    used only by women is what it was built for, not a gap."""
    by_design = {service.pk for service in single_sex_services(sources)}
    return [f for f in sources.eis.findings if f.service_id not in by_design]


def single_sex_note(sources: Sources, language: str) -> str:
    services = single_sex_services(sources)
    if not services:
        return ""
    names = ", ".join(f"“{localized(service.name, language)}”" for service in services)
    return ngettext(
        "%(count)s service is open only to women or only to men by design (%(names)s): its "
        "share of women is what it was built for, so it is not ranked as a gap.",
        "%(count)s services are open only to women or only to men by design (%(names)s): "
        "their share of women is what they were built for, so they are not ranked as gaps.",
        len(services),
    ) % {"count": len(services), "names": names}


def shown_findings(sources: Sources, hidden: Hidden | None) -> list[Finding]:
    """The findings a report may state: all of them internally; publicly, those whose women
    and men were not hidden by disclosure control."""
    findings = stated_findings(sources)
    if hidden is None:
        return list(findings)
    shown = []
    for finding in findings:
        if not finding.group:
            if not hidden.hides("services", finding.service_id, "women", "men"):
                shown.append(finding)
            continue
        kind, value = finding.group[0]
        table, value = _finding_table(kind, value)
        if not hidden.hides(table, (finding.service_id, value), "women", "men"):
            shown.append(finding)
    return shown


def sentence(sources: Sources, finding: Finding, language: str) -> str:
    service = localized(sources.service_name(finding.service_id), language)
    group = None
    if finding.group:
        kind, value = finding.group[0]
        group = group_of(sources, kind, value, language)
    return words.finding_sentence(finding, service, group, language)


def _uses_overview(sources: Sources, language: str) -> str:
    frame = sources.eis.by_service
    women, men = whole(frame["women"].sum()), whole(frame["men"].sum())
    directorates = {sources.services[int(s)].directorate_id for s in frame["service_id"]}
    return words.overview_sentence(
        year=sources.year,
        directorates=len(directorates),
        services=len(frame),
        uses=whole(frame["total"].sum()),
        share_women=women / (women + men) if women + men else None,
        language=language,
    )


def _moved(sources: Sources, hidden: Hidden | None, language: str) -> list[str]:
    sentences = []
    change = sources.eis.change
    threshold = 0 if hidden is None else MIN_SIZE
    for row in change.to_dict("records"):
        before, after = plain(row["share_women_previous"]), plain(row["share_women"])
        if before is None or after is None or abs(after - before) < MOVED:
            continue
        if whole(row["total_previous"]) < MIN_SIZE or whole(row["total"]) < MIN_SIZE:
            continue
        smallest = min(whole(row[c]) for c in ("women", "men", "women_previous", "men_previous"))
        if hidden is not None and (
            smallest < threshold or hidden.hides("services", int(row["service_id"]), "women", "men")
        ):
            continue
        name = localized(sources.service_name(row["service_id"]), language)
        sentences.append(
            words.moved_sentence(
                service=name, year=sources.year, before=before, after=after, language=language
            )
        )
    return sentences


def summary(sources: Sources, hidden: Hidden | None, language: str) -> Section:
    section = Section("summary", _("Summary"))
    if sources.eis is None:
        section.missing = _("No service data has arrived for this year yet.")
        return section
    section.paragraphs.append(_uses_overview(sources, language))
    # The largest gap of each of the five services with the largest gaps: the same
    # service's age groups and neighbourhoods would repeat its own finding.
    first = {}
    for finding in shown_findings(sources, hidden):
        first.setdefault(finding.service_id, finding)
    section.findings = [sentence(sources, f, language) for f in list(first.values())[:5]]
    moved = _moved(sources, hidden, language)
    if moved:
        section.paragraphs.append(_("What moved since last year:"))
        section.findings += moved
    elif sources.eis.change["share_women_previous"].notna().any():
        section.paragraphs.append(
            _("No service's share of women moved by 5 points or more since last year.")
        )
    else:
        section.paragraphs.append(
            _("There is no service data for %(year)s to compare with.") % {"year": sources.year - 1}
        )
    return section


def _service_rows(sources: Sources, hidden: Hidden | None, language: str) -> list[list]:
    rows = []
    frame = with_rest(sources.eis.by_service)
    keys = [
        "women",
        "men",
        "rest",
        "total",
        "share_women",
        "reference_share",
        "representation",
        "coverage_women",
        "coverage_men",
    ]
    for values in frame.to_dict("records"):
        service_id = int(values["service_id"])
        info = sources.services[service_id]
        rows.append(
            [
                localized(sources.directorates.get(info.directorate_id), language),
                localized(info.name, language),
                *counted(values, keys, hidden, "services", service_id),
            ]
        )
    rows.sort(key=lambda row: (row[0], row[1]))
    return rows


def _gap_table(sources, findings, hidden, language, table_id, title, detail) -> Table:
    rows = []
    for finding in findings:
        group = ""
        if finding.group:
            kind, value = finding.group[0]
            group = group_label(sources, kind, value, language)
        rows.append(
            [
                finding.rank,
                localized(sources.service_name(finding.service_id), language),
                group,
                finding.women,
                finding.men,
                finding.share_women,
                finding.reference_share,
                finding.representation,
                round(finding.shortfall),
                pgettext("sex", "Men") if finding.direction == OVER else pgettext("sex", "Women"),
                sentence(sources, finding, language),
            ]
        )
    return Table(
        table_id,
        title,
        [
            Column("rank", _("Rank"), C.COUNT),
            Column("service", _("Service"), C.TEXT),
            Column("group", _("Group"), C.TEXT),
            Column("women", pgettext("sex", "Women"), C.COUNT),
            Column("men", pgettext("sex", "Men"), C.COUNT),
            Column("share_women", _("Women's share"), C.SHARE),
            Column("reference_share", _("Residents' share"), C.SHARE),
            Column("representation", _("Ratio"), C.RATIO),
            Column("shortfall", _("People missing"), C.COUNT),
            Column("missing", _("Who is missing"), C.TEXT),
            Column("sentence", _("In words"), C.TEXT, detail=True),
        ],
        rows,
        note=_(
            "Ranked by the number of people a proportional service would have reached in "
            "addition; groups of fewer than 30 people are not ranked."
        ),
        detail=detail,
    )


def _breakdown_table(sources, name, frame, dim, hidden, language) -> Table:
    keys = ["women", "men", "rest", "total", "share_women", "representation"]
    rows = []
    for values in frame.to_dict("records"):
        service_id, value = int(values["service_id"]), plain(values[dim])
        rows.append(
            [
                localized(sources.service_name(service_id), language),
                group_label(sources, dim, value, language),
                *counted(values, keys, hidden, name, (service_id, value)),
            ]
        )
    titles = {
        "by_age_group": _("Beneficiaries by service and age group"),
        "by_disability": _("Beneficiaries by service and disability"),
        "by_migration": _("Beneficiaries by service and nationality"),
        "by_neighbourhood": _("Beneficiaries by service and neighbourhood"),
    }
    title = titles.get(name) or _("Beneficiaries by service and %(dimension)s") % {
        "dimension": localized(sources.dimensions.get(dim, {}), language)
    }
    return Table(
        name.removeprefix("by_"),
        title,
        [
            Column("service", _("Service"), C.TEXT),
            Column("group", _("Group"), C.TEXT),
            *sex_columns(),
            Column("representation", _("Representation ratio"), C.RATIO),
        ],
        rows,
        detail=True,
    )


def service_use(sources: Sources, hidden: Hidden | None, language: str) -> Section:
    section = Section("service_use", _("Service use"))
    if sources.eis is None:
        section.missing = _(
            "No service records or service counts for this year have been imported."
        )
        return section
    eis = sources.eis
    if eis.population_year is None:
        section.paragraphs.append(
            _(
                "No population figures have been imported, so services are not compared "
                "with residents."
            )
        )
    else:
        section.paragraphs.append(
            _(
                "Each service's beneficiaries by sex, against the residents it serves "
                "(population of %(year)s, standardised for age): a representation ratio of 1 "
                "means women use the service in proportion to their share of the residents; "
                "below 0.8 or above 1.25 is a gap. Coverage is beneficiaries per 1,000 "
                "residents."
            )
            % {"year": eis.population_year}
        )
    services = Table(
        "services",
        _("Beneficiaries by service and sex"),
        [
            Column("directorate", _("Directorate"), C.TEXT),
            Column("service", _("Service"), C.TEXT),
            *sex_columns(),
            Column("reference_share", _("Residents' share"), C.SHARE),
            Column("representation", _("Ratio"), C.RATIO),
            Column("coverage_women", _("Women per 1,000"), C.RATE),
            Column("coverage_men", _("Men per 1,000"), C.RATE),
        ],
        _service_rows(sources, hidden, language),
        note=_(
            "Residents' share: women's share of the residents of the ages the service serves. "
            "Ratio: the representation ratio. Per 1,000: beneficiaries per 1,000 residents of "
            "the same sex."
        ),
    )
    section.tables.append(services)
    section.charts.append(
        charts.share_by(services, "service", _("Women's share by service"), language)
    )
    findings = shown_findings(sources, hidden)
    section.findings = [sentence(sources, f, language) for f in findings[:TOP_GAPS]]
    section.tables.append(
        _gap_table(
            sources,
            findings[:TOP_GAPS],
            hidden,
            language,
            "gaps",
            _("The largest gaps"),
            detail=False,
        )
    )
    section.tables.append(
        _gap_table(
            sources, findings, hidden, language, "gaps_all", _("Every gap found"), detail=True
        )
    )
    stated = len(stated_findings(sources))
    if hidden is not None and len(findings) < stated:
        section.paragraphs.append(
            ngettext(
                "%(count)s gap rests on numbers too small to publish and is left out.",
                "%(count)s gaps rest on numbers too small to publish and are left out.",
                stated - len(findings),
            )
            % {"count": stated - len(findings)}
        )
    if note := single_sex_note(sources, language):
        section.paragraphs.append(note)
    for name, (frame, dim) in breakdowns_of(sources).items():
        section.tables.append(_breakdown_table(sources, name, frame, dim, hidden, language))
    return section


def responses(sources: Sources, hidden: Hidden | None, language: str) -> Section:
    section = Section("responses", _("Gaps and responses"))
    if sources.eis is None:
        section.missing = _("No service data has arrived for this year yet.")
        return section
    if not sources.plan_codes:
        section.paragraphs.append(_("No action plan is in force, so no gap has a response."))
    # One line per service with a gap (its largest), so the table stays readable.
    seen, rows, unanswered = set(), [], 0
    for finding in shown_findings(sources, hidden):
        if finding.service_id in seen:
            continue
        seen.add(finding.service_id)
        answers = sources.responses.get(finding.service_id, [])
        wanted = "men" if finding.direction == OVER else "women"
        fitting = [
            r
            for r in answers
            if r.how == "measured"
            or wanted in r.target_groups
            or (wanted == "women" and "girls" in r.target_groups)
        ]
        if not fitting:
            unanswered += 1
        rows.append(
            [
                localized(sources.service_name(finding.service_id), language),
                sentence(sources, finding, language),
                "; ".join(f"{r.code} {localized(r.title, language)}" for r in fitting)
                or _("No action in the plan answers this gap"),
            ]
        )
    section.paragraphs.append(
        ngettext(
            "%(gaps)s service has a significant gap; %(none)s of them have no plan action "
            "that answers it.",
            "%(gaps)s services have a significant gap; %(none)s of them have no plan action "
            "that answers it.",
            len(rows),
        )
        % {"gaps": len(rows), "none": unanswered}
    )
    section.tables.append(
        Table(
            "responses",
            _("Each service's largest gap and the plan actions answering it"),
            [
                Column("service", _("Service"), C.TEXT),
                Column("gap", _("Gap"), C.TEXT),
                Column("actions", _("Plan actions"), C.TEXT),
            ],
            rows,
            note=_(
                "An action answers a gap when one of its indicators is measured from the "
                "service's data, or when it is an action of the service's directorate aimed "
                "at the group the gap leaves out."
            ),
        )
    )
    return section
