"""Demo: Örnek Belediyesi tags its plan with the themes of its own strategic plan."""

from esitlik.core.models import Municipality
from esitlik.frameworks import services
from esitlik.frameworks.models import Framework

STRATEGIC_THEMES = [
    ("SP1", {"tr": "Sosyal belediyecilik", "en": "Social municipality"}),
    ("SP2", {"tr": "Yaşanabilir ve erişilebilir kent", "en": "A liveable, accessible city"}),
    ("SP3", {"tr": "Katılımcı yönetim", "en": "Participatory governance"}),
    ("SP4", {"tr": "Kurumsal kapasite", "en": "Institutional capacity"}),
    ("SP5", {"tr": "Afete dirençli kent", "en": "Disaster-resilient city"}),
]
TITLE = {"tr": "Stratejik Plan 2025-2029 temaları", "en": "Strategic Plan 2025-2029 themes"}


def load() -> int:
    municipality = Municipality.objects.get(slug="ornek")
    created = 0
    tag_set = Framework.objects.filter(municipality=municipality, title__tr=TITLE["tr"]).first()
    if tag_set is None:
        tag_set = services.tag_set_create(municipality=municipality, title=TITLE, by=None)
        created += 1
    for code, title in STRATEGIC_THEMES:
        if not tag_set.items.filter(code=code).exists():
            services.tag_create(framework=tag_set, code=code, title=title, by=None)
            created += 1
    return created
