"""A municipality's own dimensions of its service data: every write to them, and the kind
specs and stored schemas they extend.

Every municipality's service records and counts have the same columns (``kinds.SPECS``);
a dimension adds one more for one municipality: "Hane tipi" with the values "Tek ebeveynli",
"Çekirdek aile"…, or "Eğitim durumu" written freely. The import reads it like any column
(by its name or an alias, the value matched to the list case- and accent-insensitively),
stores it as text in ``x_<key>``, and the figures can be broken down by it.

Removing a dimension hides its column from new imports and from the figures; the values
already stored stay in their files, and defining a dimension of the same Turkish name again
shows them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.core.tabular import match_key
from esitlik.datasets.kinds import (
    DIMENSION_KINDS,
    SPECS,
    Field,
    Kind,
    KindSpec,
    dimension_field,
    stored_schema,
)
from esitlik.datasets.models import Dimension

FIELDS = ("name", "aliases", "values")
NAME_MAX = 100
VALUE_MAX = 200
VALUES_MAX = 200


@dataclass(frozen=True)
class Label:
    """A dimension's bilingual name as a column label: ``str()`` gives it in the active
    language, as gettext does for the built-in columns."""

    items: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return localized(dict(self.items))


def dimension_key(name: dict) -> str:
    """The stored key made from the Turkish name: "Hane Tipi" → "hane_tipi"."""
    key = re.sub(r"[^a-z0-9]+", "_", match_key((name or {}).get("tr", ""))).strip("_")
    if key[:1].isdigit():
        key = "d_" + key
    return key[: Dimension.KEY_MAX].rstrip("_")


def _unique_lines(text: str) -> list[str]:
    """Lines without blanks, spacing made single, the first of any two that fold alike kept."""
    kept: dict[str, str] = {}
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line and match_key(line) not in kept:
            kept[match_key(line)] = line
    return list(kept.values())


def _clean(dimension: Dimension) -> None:
    name = {k: " ".join(str(v or "").split()) for k, v in (dimension.name or {}).items() if v}
    if not name.get("tr"):
        raise ValidationError({"name": _("Give the dimension's Turkish name.")})
    if any(len(v) > NAME_MAX for v in name.values()):
        raise ValidationError(
            {"name": _("A name can be at most %(max)d characters.") % {"max": NAME_MAX}}
        )
    dimension.name = name
    if not dimension.pk:
        dimension.key = dimension_key(name)
    if not dimension.key:
        raise ValidationError({"name": _("Write the name with at least one letter or digit.")})
    values = _unique_lines(dimension.values)
    long = [value for value in values if len(value) > VALUE_MAX]
    if long:
        raise ValidationError(
            {
                "values": _("A value can be at most %(max)d characters: “%(value)s…”.")
                % {"max": VALUE_MAX, "value": long[0][:40]}
            }
        )
    if len(values) > VALUES_MAX:
        raise ValidationError(
            {
                "values": _(
                    "Give at most %(max)d values (%(count)d given); leave the list empty to "
                    "accept any text."
                )
                % {"max": VALUES_MAX, "count": len(values)}
            }
        )
    dimension.values = "\n".join(values)
    dimension.aliases = "\n".join(_unique_lines(dimension.aliases))
    others = Dimension.objects.filter(municipality_id=dimension.municipality_id).exclude(
        pk=dimension.pk
    )
    same_key = others.filter(key=dimension.key).first()
    if same_key is not None:
        raise ValidationError(
            {
                "name": _(
                    "“%(name)s” would be stored as “%(key)s”, which the dimension “%(other)s” "
                    "uses already; choose another name."
                )
                % {"name": name["tr"], "key": dimension.key, "other": localized(same_key.name)}
            }
        )
    taken = _taken_headings(dimension.municipality_id, others)
    for heading in [*name.values(), *dimension.alias_list()]:
        owner = taken.get(match_key(heading))
        if owner:
            raise ValidationError(
                {
                    "aliases" if heading in dimension.alias_list() else "name": _(
                        "Files already use “%(heading)s” for the column “%(owner)s”; choose "
                        "another heading."
                    )
                    % {"heading": heading, "owner": owner}
                }
            )
    dimension.full_clean()


def _taken_headings(municipality_id: int, others) -> dict[str, str]:
    """match_key of every heading service files already give a meaning → that column."""
    taken: dict[str, str] = {}
    for kind in DIMENSION_KINDS:
        for spec_field in SPECS[kind].all_fields():
            for key in spec_field.column.keys():
                taken.setdefault(key, spec_field.column.header())
    for other in others:
        for heading in [*other.name.values(), *other.alias_list()]:
            taken.setdefault(match_key(heading), localized(other.name))
    return taken


@transaction.atomic
def dimension_create(
    *, municipality: Municipality, name: dict | str, by, aliases: str = "", values: str = ""
) -> Dimension:
    dimension = Dimension(
        municipality=municipality,
        name={"tr": name} if isinstance(name, str) else dict(name),
        aliases=aliases,
        values=values,
    )
    _clean(dimension)
    dimension.save()
    audit_record(
        action="datasets.dimension.created",
        actor=by,
        municipality=municipality,
        obj=dimension,
        changes=created(dimension, ("key", *FIELDS)),
    )
    return dimension


@transaction.atomic
def dimension_update(
    *, dimension: Dimension, by, version: int | None = None, **values
) -> Dimension:
    check_version(dimension, version)
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    before = snapshot(dimension, FIELDS)
    for name, value in values.items():
        setattr(dimension, name, value)
    _clean(dimension)
    save_and_audit(
        dimension,
        before,
        action="datasets.dimension.updated",
        actor=by,
        municipality=dimension.municipality,
    )
    return dimension


@transaction.atomic
def dimension_delete(*, dimension: Dimension, by, version: int | None = None) -> None:
    check_version(dimension, version)
    audit_record(
        action="datasets.dimension.deleted",
        actor=by,
        municipality=dimension.municipality,
        obj=dimension,
        changes={
            name: {"old": value, "new": None}
            for name, value in snapshot(dimension, ("key", *FIELDS)).items()
        },
    )
    dimension.delete()


def dimensions_of(municipality_ids) -> list[Dimension]:
    ids = [municipality_ids] if isinstance(municipality_ids, int) else list(municipality_ids)
    return list(Dimension.objects.filter(municipality_id__in=ids).order_by("id"))


def fields_of(municipality_id: int, kind: Kind | str) -> tuple[Field, ...]:
    """The import fields of the municipality's dimensions, for the kinds that take them."""
    if Kind(kind) not in DIMENSION_KINDS:
        return ()
    return tuple(
        dimension_field(d.key, Label(tuple(d.name.items())), tuple(d.alias_list()))
        for d in dimensions_of(municipality_id)
    )


def spec_for(municipality_id: int, kind: Kind | str) -> KindSpec:
    """The kind's columns as this municipality's files may give them."""
    return SPECS[Kind(kind)].with_fields(fields_of(municipality_id, kind))


def value_lists(municipality_id: int, kind: Kind | str) -> dict[str, dict[str, str] | None]:
    """Each dimension's field key → {match_key of an allowed value: the value as listed}, or
    None where any text is accepted."""
    if Kind(kind) not in DIMENSION_KINDS:
        return {}
    return {
        d.column: ({match_key(v): v for v in d.value_list()} or None)
        for d in dimensions_of(municipality_id)
    }


def schema_for(municipality_ids, kind: Kind | str):
    """The stored schema of ``kind`` with the columns of the municipalities' dimensions."""
    columns = sorted({d.column for d in dimensions_of(municipality_ids)})
    return stored_schema(Kind(kind), columns)
