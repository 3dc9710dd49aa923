"""The demo's preparation phase: the volumes promised, decisions traced into the plan, and
loading twice adds nothing."""

from collections import Counter
from datetime import date

from esitlik.core.demo import load_all
from esitlik.core.models import AuditEntry, Municipality
from esitlik.participation.demo import HEADMEN_WORKSHOP
from esitlik.participation.models import Event, Input
from esitlik.participation.press import press_sentence
from esitlik.participation.summary import participation_summary
from esitlik.plans.models import Action


def test_the_demo_holds_a_realistic_preparation_phase(db):
    assert load_all() > 0
    ornek = Municipality.objects.get(slug="ornek")
    assert ornek.neighbourhoods.count() == 35
    kinds = Counter(ornek.stakeholders.values_list("kind", flat=True))
    assert sum(kinds.values()) >= 30 and len(kinds) >= 10
    assert kinds["headman"] >= 4 and kinds["women"] >= 4 and kinds["union"] >= 2

    events = Event.objects.filter(municipality=ornek)
    preparing = events.filter(
        starts_at__date__gte=date(2024, 11, 1), starts_at__date__lte=date(2025, 1, 31)
    )
    assert preparing.filter(status="held").count() == 40
    assert preparing.filter(status="cancelled").count() == 1
    assert events.filter(status="planned").count() == 1
    assert {"meeting", "workshop", "focus_group", "online", "consultation", "coordination"} <= set(
        preparing.values_list("kind", flat=True)
    )
    assert preparing.filter(kind="focus_group", status="held").count() == 7
    workshop = events.get(title=HEADMEN_WORKSHOP)
    assert workshop.participants > 100 and workshop.group_counts["headmen"] >= 95
    assert workshop.minutes and workshop.attended.count() == 5
    assert workshop.inputs.count() == 60
    assert events.exclude(minutes="").count() >= 4

    inputs = Input.objects.filter(municipality=ornek)
    assert 110 <= inputs.count() <= 130
    assert len(set(inputs.values_list("text", flat=True))) == inputs.count()
    statuses = Counter(inputs.values_list("status", flat=True))
    assert all(statuses[s] >= 10 for s in ("taken", "partly_taken", "not_taken", "under_review"))
    assert not inputs.filter(status__in=["partly_taken", "not_taken"], decision_reason="").exists()
    assert inputs.exclude(neighbourhood=None).count() >= 60
    assert inputs.filter(channel="stakeholder").exclude(stakeholder=None).count() == 4

    # Inputs traced to actions of the approved (3rd) edition, found again from the action.
    plan = workshop.plan
    assert plan.edition == 3 and plan.status == "in_implementation"
    linked = inputs.filter(status__in=["taken", "partly_taken"])
    assert all(item.actions.filter(objective__aim__plan=plan).exists() for item in linked)
    nurseries = Action.objects.get(objective__aim__plan=plan, title__tr="Mahalle kreşleri açmak")
    assert nurseries.inputs.count() >= 3
    assert (
        Action.objects.filter(objective__aim__plan=plan, inputs__isnull=False).distinct().count()
        >= 15
    )

    # Through the services, so audited: every input's creation and decision.
    audit = Counter(
        AuditEntry.objects.filter(
            municipality=ornek, action__startswith="participation.input"
        ).values_list("action", flat=True)
    )
    assert audit["participation.input.created"] == inputs.count()
    assert audit["participation.input.decided"] >= inputs.exclude(status="under_review").count()

    summary = participation_summary(ornek, date_from=date(2024, 11, 1), date_to=date(2025, 1, 31))
    assert press_sentence(summary, "tr").startswith("3 ayda 40 toplantı, 31 paydaş, ")
    assert load_all() == 0
