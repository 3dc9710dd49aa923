"""Demo: Örnek Belediyesi signed the Charter in 2021, has an equality unit and a commission."""

from datetime import date

from esitlik.core.models import Directorate, Municipality
from esitlik.frameworks.models import Framework
from esitlik.plans import services
from esitlik.plans.models import Commitment


def load() -> int:
    municipality = Municipality.objects.get(slug="ornek")
    if Commitment.objects.filter(municipality=municipality).exists():
        return 0
    services.commitment_update(
        municipality=municipality,
        by=None,
        charter_signed_on=date(2021, 3, 8),
        charter_version=Framework.objects.get(code="cemr-charter", version="2006"),
        council_decision_no="2021/45",
        council_decision_date=date(2021, 3, 4),
        unit_established=True,
        unit_since=date(2019, 10, 1),
        unit_directorate=Directorate.objects.get(municipality=municipality, code="KAH"),
        unit_staff=4,
        commission_exists=True,
        commission_since=date(2020, 1, 15),
        commission_women=5,
        commission_men=4,
        commission_legal_basis="5393 sayılı Belediye Kanunu md. 24; meclis kararı 2020/12",
    )
    return 1
