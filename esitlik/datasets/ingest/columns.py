"""Which column of an uploaded file is which field, for one import run: the mappings users
remembered, the user's choices resolved to the file's column names, and the checks a mapping
passes before the import is queued (the kind's rules, and the privacy guard on a sample of
every column)."""

from __future__ import annotations

from esitlik.core.audit import audit_record
from esitlik.core.neighbourhoods import neighbourhood_lookup
from esitlik.core.tabular import column_letter, match_key
from esitlik.datasets.catalogue import service_lookup
from esitlik.datasets.dimensions import spec_for, value_lists
from esitlik.datasets.ingest import files, headers, privacy, reading
from esitlik.datasets.ingest.parsing import Context, Directorates, parse_values
from esitlik.datasets.ingest.problems import Problem
from esitlik.datasets.kinds import FieldType, Kind, KindSpec
from esitlik.datasets.models import ColumnMapping

# Fields whose values are looked up in a list: a value found there is never a person's name.
LOOKUPS = (FieldType.SERVICE, FieldType.NEIGHBOURHOOD, FieldType.DIRECTORATE)


def spec(run) -> KindSpec:
    """The run's kind with the municipality's own dimensions."""
    return spec_for(run.municipality_id, run.kind)


def remembered(run) -> dict[str, str]:
    """header key → field, the run's directorate's own choices over the municipality's."""
    rows = ColumnMapping.objects.filter(municipality_id=run.municipality_id, kind=run.kind)
    general = {m.header_key: m.field for m in rows.filter(directorate__isnull=True)}
    if run.directorate_id:
        general.update(
            {m.header_key: m.field for m in rows.filter(directorate_id=run.directorate_id)}
        )
    return general


def is_header(run, mapping: dict[str, str] | None = None):
    extra = set(remembered(run))
    if mapping:
        extra |= {match_key(name) for name, key in mapping.items() if key}
    return headers.is_header_for(spec(run), extra)


def sample_columns(layout: reading.Layout) -> list[list]:
    return [
        list(
            dict.fromkeys(
                cells[position] for _number, cells in layout.sample if position < len(cells)
            )
        )
        for position in range(len(layout.names))
    ]


def context(run, year: int | None) -> Context:
    return Context(
        year=year,
        services=service_lookup(run.municipality),
        neighbourhoods=neighbourhood_lookup(run.municipality),
        directorates=Directorates.of(run.municipality),
        dimensions=value_lists(run.municipality_id, run.kind),
    )


def findings(
    run, names, header_texts, letters, values_of, mapping, context
) -> list[privacy.Finding]:
    """Identifier columns among ``names`` (``values_of(position)`` gives distinct values)."""
    kind_spec = spec(run)
    found = []
    for position, name in enumerate(names):
        key = mapping.get(name) or ""
        values = values_of(position)
        known = lambda raw: False  # noqa: E731
        field_type = kind_spec.field(key).type if key else None
        if field_type in LOOKUPS or (
            field_type == FieldType.DIMENSION and context.dimensions.get(key)
        ):
            # A value found in a list (or in the dimension's own values) is no one's name.
            parsed = parse_values(
                field_type, list(values[: privacy.SAMPLE_VALUES]), context, key=key
            )
            good = {
                i
                for i, value in enumerate(parsed.values)
                if value is not None and i not in parsed.errors
            }
            good_values = {values[i] for i in good}
            known = good_values.__contains__
        # A heading that is one of the field's own names is not taken for an identifier.
        heading = not key or headers.field_for(header_texts[position], kind_spec) != key
        what = privacy.scan_column(header_texts[position], values, known=known, heading=heading)
        if what:
            found.append(privacy.Finding(name, header_texts[position], letters[position], what))
    return found


def column_name(header: str, names: list[str]) -> str:
    """A heading as the user typed it (any case or spacing) → the file's column name."""
    if header in names:
        return header
    by_key = {match_key(name): name for name in names}
    return by_key.get(match_key(header), header)


def resolve(mapping: dict[str, str], names: list[str], kind: Kind | KindSpec) -> dict[str, str]:
    """{heading: field} as the user gave it (a field by key or by one of its names) →
    {column name: field key}."""
    labels = {}
    for spec_field in headers.spec_of(kind).all_fields():
        for key in spec_field.column.keys() | {match_key(spec_field.key)}:
            labels.setdefault(key, spec_field.key)
    resolved = {}
    for header, value in mapping.items():
        value = (value or "").strip()
        resolved[column_name(header, names)] = labels.get(match_key(value), value) if value else ""
    return resolved


def prepare(run, mapping: dict[str, str], drop) -> tuple[reading.Layout, dict, list, list[Problem]]:
    """The file's layout, the mapping and drop list in its column names, and what is wrong
    with them (mapping problems, identifier columns not dropped)."""
    kind = spec(run)
    layout = reading.inspect(
        files.upload_path(run),
        run.file_name,
        sheet=run.sheet or None,
        is_header=is_header(run, mapping),
    )
    names = layout.names
    mapping = resolve(mapping, names, kind)
    drop = [column_name(header, names) for header in dict.fromkeys(drop or [])]
    _shape, errors = headers.check(mapping, names, kind, drop)
    problems = [Problem(None, "", "", "", "mapping", message) for message in errors]
    samples = sample_columns(layout)
    letters = [column_letter(i) for i in range(len(names))]
    found = findings(
        run,
        names,
        layout.headers,
        letters,
        lambda p: samples[p],
        mapping,
        context(run, run.year or None),
    )
    for finding in found:
        if finding.name not in drop:
            problems.append(
                Problem(
                    layout.header_row,
                    finding.name,
                    finding.letter,
                    "",
                    "identifier",
                    finding.message(),
                )
            )
    return layout, mapping, drop, problems


def remember(run, names: list[str], mapping: dict[str, str], by) -> None:
    """Keep the headings the user mapped otherwise than proposed (see ``import_preview``)."""
    proposal = headers.propose(names, spec(run), remembered(run))
    for name, key in mapping.items():
        header_key = match_key(name)
        if not header_key or key == proposal.get(name, ""):
            continue
        saved, _created = ColumnMapping.objects.update_or_create(
            municipality_id=run.municipality_id,
            directorate_id=run.directorate_id,
            kind=run.kind,
            header_key=header_key,
            defaults={"header": name[:200], "field": key},
        )
        audit_record(
            action="datasets.mapping.saved",
            actor=by,
            municipality=run.municipality,
            obj=saved,
            changes={"header": name, "field": key or "—", "kind": run.kind},
        )


def forget(mapping: ColumnMapping, by) -> None:
    """Forget a remembered heading: the next file's heading is proposed from the column names
    and aliases again."""
    audit_record(
        action="datasets.mapping.forgotten",
        actor=by,
        municipality=mapping.municipality,
        obj=mapping,
        changes={
            "header": {"old": mapping.header, "new": None},
            "field": {"old": mapping.field or "—", "new": None},
            "kind": mapping.kind,
        },
    )
    mapping.delete()
