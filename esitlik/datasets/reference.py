"""The reference tables of ``docs/datasets.md``, generated from ``kinds.SPECS`` and the
vocabularies, so the users' documentation cannot drift from what the import accepts
(``tests/datasets/test_docs.py`` fails when it does).

Each generated table sits between ``<!-- generated:NAME -->`` and ``<!-- /generated -->`` in
the document. To rewrite them after changing a column or a written form::

    SECRET_KEY=x DEBUG=true DATABASE_URL=sqlite://:memory: \\
        uv run python -m esitlik.datasets.reference docs/datasets.md
"""

from __future__ import annotations

import re
import sys

from django.utils import translation

from esitlik.core.i18n_text import in_language
from esitlik.core.sex import _WRITTEN as SEX_WRITTEN
from esitlik.core.sex import Sex
from esitlik.datasets import vocab
from esitlik.datasets.ingest.headers import COUNT_REQUIRED
from esitlik.datasets.kinds import SPECS, WIDE_SEX_KEYS, FieldType, Kind

TYPES = {
    FieldType.SERVICE: "a service of the catalogue (Turkish or English name, or code)",
    FieldType.DIRECTORATE: "a directorate (Turkish or English name, or code)",
    FieldType.NEIGHBOURHOOD: "a neighbourhood of the municipality's list",
    FieldType.DATE: "date",
    FieldType.YEAR: "year",
    FieldType.SEX: "sex",
    FieldType.AGE: "whole years, 0–120",
    FieldType.BIRTH_YEAR: "year of birth",
    FieldType.AGE_BAND: "five-year age band",
    FieldType.DISABILITY: "disability status",
    FieldType.MIGRATION: "nationality or migration status",
    FieldType.OUTCOME: "outcome",
    FieldType.BODY: "decision-making body",
    FieldType.EQUALITY_TAG: "equality tag",
    FieldType.COUNT: "whole number ≥ 0",
    FieldType.AMOUNT: "amount, at most two decimals",
    FieldType.TEXT: "text (up to 200 characters)",
}
_BLOCK = re.compile(r"(<!-- generated:([\w-]+) -->\n)(.*?)(<!-- /generated -->)", re.DOTALL)


def _required(kind: Kind, key: str) -> str:
    spec = SPECS[kind]
    if spec.field(key).column.required:
        return "yes"
    groups = [group for group in spec.one_of if key in group]
    if groups:
        others = [k for k in groups[0] if k != key]
        return "yes" if not others else f"or {', '.join(f'`{k}`' for k in others)}"
    if key == "count" and kind in COUNT_REQUIRED:
        return "or columns per sex"
    return ""


def columns_table(kind: Kind) -> str:
    lines = [
        "| column (Turkish / English) | key | holds | required | also accepted |",
        "|---|---|---|---|---|",
    ]
    for spec_field in SPECS[kind].all_fields():
        column = spec_field.column
        turkish, english = in_language(column.label, "tr"), in_language(column.label, "en")
        aliases = ", ".join(column.aliases)
        holds = TYPES[spec_field.type]
        if spec_field.key in WIDE_SEX_KEYS:
            holds = "count, one column per sex"
        lines.append(
            f"| {turkish} / {english} | `{spec_field.key}` | {holds} | "
            f"{_required(kind, spec_field.key)} | {aliases} |"
        )
    return "\n".join(lines)


def _labels(choice) -> list[str]:
    return [in_language(choice.label, "tr"), in_language(choice.label, "en")]


def values_table(name: str) -> str:
    lines = ["| stored | label (Turkish / English) | also written |", "|---|---|---|"]
    if name == "sex":
        for sex in Sex:
            written = ", ".join(SEX_WRITTEN[sex])
            lines.append(f"| `{sex.value}` | {' / '.join(_labels(sex))} | {written} |")
        return "\n".join(lines)
    choices = {
        "outcome": vocab.Outcome,
        "disability": vocab.Disability,
        "migration": vocab.Migration,
        "equality-tag": vocab.EqualityTag,
        "body": vocab.DecisionBody,
    }[name]
    for choice in choices:
        written = ", ".join(vocab.WRITTEN[choices][choice])
        lines.append(f"| `{choice.value}` | {' / '.join(_labels(choice))} | {written} |")
    return "\n".join(lines)


def generated(name: str) -> str:
    if name.startswith("columns-"):
        return columns_table(Kind.from_slug(name.removeprefix("columns-")))
    if name.startswith("values-"):
        return values_table(name.removeprefix("values-"))
    if name == "age-bands":
        return ", ".join(f"`{band}`" for band in vocab.AGE_BANDS)
    raise KeyError(name)


def blocks(text: str) -> dict[str, str]:
    """The generated blocks of the document as they stand: name → content."""
    return {match[2]: match[3].rstrip("\n") for match in _BLOCK.finditer(text)}


def rewrite(text: str) -> str:
    with translation.override("en"):
        return _BLOCK.sub(lambda m: f"{m[1]}{generated(m[2])}\n{m[4]}", text)


if __name__ == "__main__":
    import os
    from pathlib import Path

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esitlik.settings")
    django.setup()
    target = Path(sys.argv[1])
    target.write_text(rewrite(target.read_text()))
