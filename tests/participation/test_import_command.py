"""`esitlik import_participation`: the import page's rules from the command line."""

import pytest
from django.core.management import CommandError, call_command

from esitlik.core.models import AuditEntry
from esitlik.participation.models import Input, Stakeholder
from tests.participation.helpers import held_workshop


def write(tmp_path, text: str, name="liste.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_it_imports_and_prints_a_summary(world, tmp_path, capsys):
    path = write(tmp_path, "Ad;Tür;Mahalle\nKadın Derneği;STK;Yeni\n", encoding="cp1254")
    call_command(
        "import_participation",
        path,
        municipality="ornek",
        kind="stakeholders",
        add_neighbourhoods=True,
    )
    out = capsys.readouterr().out
    assert "1 row(s) read: 1 were added, 0 updated" in out
    assert "neighbourhoods were added: Yeni" in out
    assert Stakeholder.objects.get().neighbourhood.name == "Yeni"
    entry = AuditEntry.objects.get(action="participation.imported")
    assert entry.actor is None and entry.municipality == world.home


def test_row_problems_go_to_stderr_and_exit_non_zero(world, tmp_path, capsys):
    path = write(tmp_path, "Ad;Tür\nA;STK\nB;Uzay\n")
    with pytest.raises(CommandError, match="1 problem.s. in 2 row.s.; nothing was imported") as err:
        call_command(
            "import_participation",
            path,
            municipality="ornek",
            kind="stakeholders",
            language="en",
        )
    assert err.value.returncode == 1
    assert "row 3, column “Tür” (B), value “Uzay”: “Uzay” is not a stakeholder type." in (
        capsys.readouterr().err
    )
    assert not Stakeholder.objects.exists()


def test_messages_are_turkish_by_default(world, tmp_path, capsys):
    path = write(tmp_path, "Ad;Tür\nB;Uzay\n")
    with pytest.raises(CommandError):
        call_command("import_participation", path, municipality="ornek", kind="stakeholders")
    assert "bir paydaş türü değil" in capsys.readouterr().err


def test_inputs_for_an_event_and_a_dry_run(world, tmp_path, capsys):
    workshop = held_workshop(world)
    path = write(tmp_path, "Metin;Tür\nA;Sorun\n")
    call_command(
        "import_participation",
        path,
        municipality="ornek",
        kind="inputs",
        event=workshop.pk,
        dry_run=True,
    )
    assert "1 would be added" in capsys.readouterr().out
    assert not Input.objects.exists()
    call_command(
        "import_participation", path, municipality="ornek", kind="inputs", event=workshop.pk
    )
    assert Input.objects.get().event == workshop


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"municipality": "yok", "kind": "inputs"}, "no municipality with slug 'yok'"),
        ({"municipality": "ornek", "kind": "inputs", "event": 999999}, "has no event 999999"),
    ],
)
def test_wrong_arguments_exit_non_zero(world, tmp_path, kwargs, words):
    path = write(tmp_path, "Metin;Tür\nA;Sorun\n")
    with pytest.raises(CommandError, match=words):
        call_command("import_participation", path, **kwargs)


def test_an_event_of_another_municipality_is_not_found(world, tmp_path):
    theirs = held_workshop(world, municipality=world.other)
    path = write(tmp_path, "Metin;Tür\nA;Sorun\n")
    with pytest.raises(CommandError, match="has no event"):
        call_command(
            "import_participation", path, municipality="ornek", kind="inputs", event=theirs.pk
        )


def test_an_unreadable_file_exits_non_zero(world, tmp_path):
    path = write(tmp_path, "%PDF", name="tutanak.pdf")
    with pytest.raises(CommandError):
        call_command("import_participation", path, municipality="ornek", kind="inputs")
    with pytest.raises(CommandError, match="cannot read"):
        call_command(
            "import_participation",
            str(tmp_path / "yok.csv"),
            municipality="ornek",
            kind="inputs",
        )
