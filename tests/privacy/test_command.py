import json

import pytest
from django.core.management import CommandError, call_command

from esitlik.participation.models import ContactPerson
from esitlik.privacy.models import DataRequest
from tests.privacy.helpers import EMAIL, NAME, person_everywhere


def test_it_exports_and_records_the_request(world, tmp_path):
    person_everywhere(world)
    out = tmp_path / "ayse.json"
    call_command("privacy", "export", municipality="ornek", email=EMAIL, output=str(out))
    assert json.loads(out.read_bytes())["data"]["contacts"][0]["name"] == NAME
    request = DataRequest.objects.get()
    assert request.kind == "access" and "JSON" in request.outcome


def test_it_erases_with_yes(world):
    person = person_everywhere(world)
    call_command("privacy", "erase", municipality="ornek", name=NAME, yes=True)
    assert not ContactPerson.objects.filter(pk=person.contact.pk).exists()
    assert DataRequest.objects.get().requester.startswith("Silinmiş kişi #")


def test_it_refuses_an_unknown_municipality_or_no_terms(world):
    with pytest.raises(CommandError):
        call_command("privacy", "export", municipality="yok", email=EMAIL)
    with pytest.raises(CommandError):
        call_command("privacy", "erase", municipality="ornek", yes=True)
