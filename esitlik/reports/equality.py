"""The yearly Equality in Service report (*Hizmette Eşitlik Raporu*) of one municipality.

:func:`build` composes the nine sections from gathered sources (:mod:`esitlik.reports
.gather`) in one language, for the unit itself (every figure) or for the public (every
table, chart and sentence through disclosure control). Each section appears as its data
arrives and otherwise says what is missing."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esitlik.analytics.disclosure import CONFIDENTIAL
from esitlik.datasets.tables import sensitive_service_ids
from esitlik.reports import sections_other, sections_people, sections_service
from esitlik.reports.document import Audience, Report
from esitlik.reports.gather import Sources
from esitlik.reports.public import Hidden, protect_people, with_rest

KIND = "equality-in-service"


def inputs_of(sources: Sources) -> dict:
    """What a report was made of, so it can be reproduced and checked: the import runs
    (with their files' checksums), the population year and the plan editions looked at."""
    return {
        "runs": [
            {
                "id": run.pk,
                "kind": run.kind,
                "year": run.year,
                "rows": run.rows_stored,
                "sha256": run.file_sha256,
            }
            for run in sources.runs
        ],
        "population_year": sources.eis.population_year if sources.eis else None,
        "plan_editions": sources.plan_codes,
        "today": sources.today.isoformat(),
    }


def _protect(sources: Sources) -> Hidden:
    if sources.eis is None:
        return Hidden()
    return protect_people(
        with_rest(sources.eis.by_service),
        sections_service.breakdowns_of(sources),
        sensitive=sensitive_service_ids(sources.municipality.pk),
    )


def build(sources: Sources, *, language: str, audience: Audience) -> Report:
    public = audience == Audience.PUBLIC
    with translation.override(language):
        hidden = _protect(sources) if public else None
        records = list(hidden.records) if hidden else []
        sections = [
            sections_service.summary(sources, hidden, language),
            sections_service.service_use(sources, hidden, language),
            sections_people.workforce(sources, public, language, records),
            sections_people.capacity(sources, public, language, records),
            sections_people.participation(sources, public, language),
            sections_other.budget(sources, language),
            sections_service.responses(sources, hidden, language),
            sections_other.data_gaps(sources, language),
        ]
        hidden_cells = sum(
            1
            for section in sections
            for table in section.tables
            for row in table.rows
            for cell in row
            if cell == CONFIDENTIAL
        )
        sections.append(sections_other.method(sources, public, language, hidden_cells))
        name = sources.municipality.name
        return Report(
            kind=KIND,
            title=_("Equality in Service Report %(year)s") % {"year": sources.year},
            subtitle=name,
            language=language,
            audience=audience,
            municipality={"name": name, "slug": sources.municipality.slug},
            period={"year": sources.year},
            generated_at=timezone.now().isoformat(timespec="seconds"),
            inputs=inputs_of(sources),
            sections=sections,
            disclosure=[r for r in records if r["primary"] or r["complementary"]],
        )
