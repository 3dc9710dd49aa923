"""The municipality's neighbourhood list: kept once, chosen from everywhere (stakeholders,
participation inputs, later the population figures), matched the Turkish way when a
spreadsheet names one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, created, save_and_audit, snapshot
from esitlik.core.models import Municipality, Neighbourhood
from esitlik.core.text import tr_casefold, tr_sorted

NAME_MAX = Neighbourhood._meta.get_field("name").max_length
# A headman's stamp says "KARŞIYAKA MAHALLESİ", a form "Karşıyaka Mah.", a list "Karşıyaka":
# all three are one neighbourhood.
_SUFFIXES = ("mahallesi", "mahalle", "mah.", "mah")


def neighbourhood_key(name: str) -> str:
    key = tr_casefold(name)
    for suffix in _SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1].strip()
    return key


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Give the neighbourhood's name.")})
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("A name can be at most %(max)d characters.") % {"max": NAME_MAX}}
        )
    return name


def _check_unique(neighbourhood: Neighbourhood) -> None:
    clash = Neighbourhood.objects.filter(
        municipality_id=neighbourhood.municipality_id,
        district=neighbourhood.district,
        key=neighbourhood.key,
    ).exclude(pk=neighbourhood.pk)
    if clash.exists():
        raise ValidationError(
            {"name": _("“%(name)s” is already on the list.") % {"name": neighbourhood.name}}
        )


@transaction.atomic
def neighbourhood_create(
    *, municipality: Municipality, name: str, by, district: str = ""
) -> Neighbourhood:
    name = _clean_name(name)
    neighbourhood = Neighbourhood(
        municipality=municipality,
        name=name,
        key=neighbourhood_key(name),
        district=" ".join(district.split()),
    )
    _check_unique(neighbourhood)
    neighbourhood.full_clean()
    neighbourhood.save()
    audit_record(
        action="core.neighbourhood.created",
        actor=by,
        municipality=municipality,
        obj=neighbourhood,
        changes=created(neighbourhood, ("name", "district")),
    )
    return neighbourhood


@transaction.atomic
def neighbourhood_update(*, neighbourhood: Neighbourhood, by, **values) -> Neighbourhood:
    before = snapshot(neighbourhood, ("name", "district", "is_active"))
    if "name" in values:
        neighbourhood.name = _clean_name(values["name"])
        neighbourhood.key = neighbourhood_key(neighbourhood.name)
    if "district" in values:
        neighbourhood.district = " ".join(values["district"].split())
    if "is_active" in values:
        neighbourhood.is_active = bool(values["is_active"])
    _check_unique(neighbourhood)
    neighbourhood.full_clean()
    changes = save_and_audit(
        neighbourhood,
        before,
        action="core.neighbourhood.updated",
        actor=by,
        municipality=neighbourhood.municipality,
    )
    if changes.get("name"):
        Neighbourhood.objects.filter(pk=neighbourhood.pk).update(key=neighbourhood.key)
    return neighbourhood


@transaction.atomic
def neighbourhoods_add_lines(
    *, municipality: Municipality, text: str, by, district: str = ""
) -> tuple[list[Neighbourhood], list[str]]:
    """Add one neighbourhood per line of pasted text (a column copied from Excel). Names
    already on the list are skipped and returned, so pasting the same list twice is harmless.
    A line that is too long refuses the whole paste."""
    existing = set(
        Neighbourhood.objects.filter(municipality=municipality, district=district).values_list(
            "key", flat=True
        )
    )
    added, skipped = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        name = " ".join(line.split())
        if not name:
            continue
        if len(name) > NAME_MAX:
            raise ValidationError(
                {
                    "names": _("Line %(line)d is longer than %(max)d characters.")
                    % {"line": number, "max": NAME_MAX}
                }
            )
        key = neighbourhood_key(name)
        if key in existing:
            skipped.append(name)
            continue
        existing.add(key)
        added.append(
            neighbourhood_create(municipality=municipality, name=name, by=by, district=district)
        )
    return added, skipped


def neighbourhood_choices(municipality: Municipality, include=None):
    """The neighbourhoods a form offers, Turkish-sorted; ``include`` keeps one that has since
    gone out of use selectable on the record that already names it."""
    rows = list(Neighbourhood.objects.filter(municipality=municipality, is_active=True))
    if include is not None and include not in rows:
        rows.append(include)
    return tr_sorted(rows, key=str)


def neighbourhood_lookup(municipality: Municipality) -> dict[str, Neighbourhood | None]:
    """Key → neighbourhood, for matching names typed in spreadsheets. A name that exists in
    two districts maps to None (ambiguous) and is matched with its district instead:
    "Cumhuriyet (Yenişehir)"."""
    table: dict[str, Neighbourhood | None] = {}
    for row in Neighbourhood.objects.filter(municipality=municipality):
        key = neighbourhood_key(row.name)
        table[key] = None if key in table else row
        if row.district:
            table[neighbourhood_key(f"{row.name} ({row.district})")] = row
    return table


def neighbourhood_usage(municipality: Municipality) -> tuple[list[str], list[tuple]]:
    """Every neighbourhood of the municipality, Turkish-sorted, with how many records of each
    kind name it: (column labels, [(neighbourhood, [count per label])]).

    The kinds are found from the models that point at Neighbourhood (stakeholders, inputs,
    later population figures), so core names no other app and a new app's records are counted
    without changing this. One grouped query per kind, never a join of all of them."""
    relations = [
        rel
        for rel in Neighbourhood._meta.related_objects
        if rel.one_to_many and rel.related_model._meta.app_label != "core"
    ]
    counts = []
    for rel in relations:
        field = rel.field.name
        counts.append(
            dict(
                rel.related_model.objects.filter(**{f"{field}__municipality": municipality})
                .order_by()
                .values(field)
                .annotate(n=Count("pk"))
                .values_list(field, "n")
            )
        )
    labels = [str(rel.related_model._meta.verbose_name_plural) for rel in relations]
    rows = tr_sorted(
        Neighbourhood.objects.filter(municipality=municipality),
        key=lambda n: f"{n.name} {n.district}",
    )
    return labels, [(row, [by_kind.get(row.pk, 0) for by_kind in counts]) for row in rows]
