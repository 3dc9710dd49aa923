"""docs/datasets.md lists every column, alias and written value the import accepts."""

from pathlib import Path

from esitlik.datasets import reference
from esitlik.datasets.kinds import SPECS, Kind

DOC = Path(__file__).resolve().parents[2] / "docs" / "datasets.md"


def test_the_generated_tables_of_the_doc_match_the_code():
    text = DOC.read_text()
    stale = [
        name
        for name, content in reference.blocks(text).items()
        if content != reference.generated(name)
    ]
    assert not stale, (
        f"docs/datasets.md is out of date ({', '.join(stale)}); see esitlik/datasets/reference.py"
    )


def test_the_doc_has_a_table_of_every_kind_and_every_alias():
    text = DOC.read_text()
    names = reference.blocks(text)
    for kind in Kind:
        assert f"columns-{kind.slug}" in names, kind
        for spec_field in SPECS[kind].all_fields():
            for alias in spec_field.column.aliases:
                assert alias in names[f"columns-{kind.slug}"], (kind, alias)


def test_a_changed_alias_would_be_noticed():
    text = DOC.read_text().replace("hizmet türü, ", "", 1)
    block = reference.blocks(text)["columns-service-records"]
    assert block != reference.generated("columns-service-records")
