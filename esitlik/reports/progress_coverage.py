"""The plan monitoring report's coverage: the Charter articles and YEEP headings the plan's
actions reach, and those they leave out."""

from __future__ import annotations

from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.progress import PlanSources
from esitlik.reports.progress_counts import as_share, coverage_counts
from esitlik.reports.progress_words import coverage_sentence, named_list
from esitlik.reports.tables import C


def coverage(sources: PlanSources, language: str) -> Section:
    section = Section("coverage", _("Charter articles and YEEP headings"))
    cover = sources.cover
    counts = coverage_counts(sources)
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
                        as_share(row.progress),
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
                        as_share(row.progress),
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
