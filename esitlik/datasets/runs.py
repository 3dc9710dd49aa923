"""How an import run reads on a page: its phase while it works, its figures by sex, the
sex-disaggregation check the completeness table applies. Plain functions over a run's fields,
shared by the run pages, the status JSON and the completeness table."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from esitlik.core.sex import Sex
from esitlik.core.templatetags.core_tags import percent
from esitlik.datasets.kinds import SPECS, WIDE_SEX_KEYS, FieldType, Kind
from esitlik.datasets.models import ImportRun

# Above this share of "not stated", data is not really disaggregated by sex (the issue's
# threshold for completeness; the import itself only warns).
NOT_STATED_LIMIT = Decimal("0.10")

# Keys a summary may use for each sex: the Sex codes or the plural count-field names.
_SEX_KEYS = {
    Sex.WOMAN: ("woman", "women"),
    Sex.MAN: ("man", "men"),
    Sex.OTHER: ("other",),
    Sex.NOT_STATED: ("not_stated",),
}

# Fields that carry the sex: a sex column, or one column per sex.
SEX_FIELDS = {"sex", *WIDE_SEX_KEYS}

WORKING = {ImportRun.Status.QUEUED, ImportRun.Status.RUNNING}
DONE = {
    ImportRun.Status.FAILED,
    ImportRun.Status.LANDED,
    ImportRun.Status.REPLACED,
    ImportRun.Status.WITHDRAWN,
}


def phase(run: ImportRun) -> str:
    """What the import is doing now, in a few words, from its status and progress."""
    if run.status == ImportRun.Status.UPLOADED:
        return str(_("waiting for your confirmation"))
    if run.status == ImportRun.Status.QUEUED:
        return str(_("waiting for its turn"))
    if run.status == ImportRun.Status.RUNNING:
        if run.progress < 10:
            return str(_("reading the file"))
        if run.progress < 80:
            return str(_("checking the rows"))
        if run.progress < 100:
            return str(_("saving the data"))
        return str(_("finishing"))
    if run.status == ImportRun.Status.FAILED:
        return str(_("refused: nothing was imported"))
    if run.status == ImportRun.Status.WITHDRAWN:
        return str(_("withdrawn"))
    return str(_("done"))


def progress_percent(run: ImportRun) -> int:
    if run.status in DONE:
        return 100
    if run.status == ImportRun.Status.UPLOADED:
        return 0
    return max(0, min(100, int(run.progress or 0)))


@dataclass
class SexRow:
    sex: Sex
    count: int
    share: Decimal | None


def by_sex(run: ImportRun) -> list[SexRow]:
    """The run's stored figures by sex (rows, or counts for counted kinds) with each one's
    share; empty when the data has no sex at all."""
    raw = (run.summary or {}).get("by_sex") or {}
    counts = {}
    for sex, keys in _SEX_KEYS.items():
        value = next((raw[key] for key in keys if key in raw), None)
        if value is not None:
            counts[sex] = int(value)
    total = sum(counts.values())
    return [
        SexRow(sex, count, (Decimal(count) / total) if total else None)
        for sex, count in counts.items()
    ]


def has_sex(kind: Kind | str) -> bool:
    """Whether the kind of data can be split by sex at all (budget lines cannot)."""
    return any(
        f.type == FieldType.SEX or f.key in WIDE_SEX_KEYS for f in SPECS[Kind(kind)].all_fields()
    )


def sex_column_missing(run: ImportRun) -> bool:
    """Whether no column of the file gave the sex, for a kind that has one."""
    if not has_sex(run.kind):
        return False
    if run.mapping and not set(run.mapping.values()) & SEX_FIELDS:
        return True
    return not sum(row.count for row in by_sex(run))


def lacks_sex(run: ImportRun) -> str:
    """Why the run's data is not disaggregated by sex, or "" when it is (or when its kind
    has no sex): no column gave the sex, or more than a tenth of it is "not stated"."""
    if not has_sex(run.kind):
        return ""
    if sex_column_missing(run):
        return str(_("no sex column"))
    rows = by_sex(run)
    total = sum(row.count for row in rows)
    not_stated = next((row.count for row in rows if row.sex == Sex.NOT_STATED), 0)
    if Decimal(not_stated) / total > NOT_STATED_LIMIT:
        return str(
            _("sex not stated for %(share)s") % {"share": percent(Decimal(not_stated) / total)}
        )
    return ""
