"""Documentation is part of the product: these fail when code outgrows its docs."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
# Variables read outside the settings module (by commands and the test set-up).
READ_ELSEWHERE = {"ESITLIK_BIND", "ESITLIK_WORKERS", "ESITLIK_CHROMIUM"}


def documented_variables() -> set[str]:
    text = (ROOT / "docs" / "configuration.md").read_text()
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", text, flags=re.MULTILINE))


def test_it_documents_every_setting_read_from_the_environment():
    from esitlik import settings

    missing = (settings.env.read | READ_ELSEWHERE) - documented_variables()
    assert not missing, f"document these in docs/configuration.md: {sorted(missing)}"


def test_it_documents_no_setting_that_is_not_read():
    from esitlik import settings

    stale = documented_variables() - settings.env.read - READ_ELSEWHERE
    assert not stale, f"docs/configuration.md describes unused variables: {sorted(stale)}"


def test_it_reads_the_variables_said_to_be_read_elsewhere():
    sources = "".join(
        path.read_text()
        for path in [*ROOT.glob("esitlik/**/*.py"), ROOT / "dev", *ROOT.glob("tests/**/*.py")]
        if path.name != "test_docs.py"
    )
    for name in READ_ELSEWHERE:
        assert name in sources, name


def test_it_documents_every_esitlik_command():
    text = (ROOT / "docs" / "commands.md").read_text()
    ours = [name for name, app in get_commands().items() if app.startswith("esitlik")]
    assert ours, "no esitlik commands found"
    missing = [name for name in ours if f"## `esitlik {name}`" not in text]
    assert not missing, f"document these in docs/commands.md: {missing}"
