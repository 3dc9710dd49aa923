"""Importing inputs — problems, needs and proposals — from a spreadsheet or a survey export:
one input per row, recorded with ``input_create`` and, when the row carries a decision, decided
with ``input_decide``.

How a row names its records:

* **Event.** When the import page (or ``--event``) chose an event, every row belongs to it,
  and an event cell, if filled, must name that same event. Otherwise the cell names an event
  of the municipality by its exact title (case and spacing aside), by title and date
  "Çalıştay (14.03.2026)" when two events share a title, or by its number; an empty cell
  means no event.
* **Stakeholder** by its name in the registry; **neighbourhood** from the municipality's list
  (added when the import may add missing ones); **theme** by YEEP heading number or title;
  **Charter article** by number; **target groups** by label or code, several separated by
  commas or semicolons; **actions** by code ("2.3.1", or "2.3.1 (3)" for edition 3).
* **Channel.** An input of an event came through it; without a channel cell, one with a
  stakeholder was sent in by it, and one with neither is counted as a survey answer.
* **Decision.** Only members who decide on inputs may import one; "taken" and "partly taken"
  name the actions, "partly" and "not taken" give the reason, as on the input's page.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from esitlik.core.tabular import Column, cell_date
from esitlik.participation.imports.base import Cells, RowImporter
from esitlik.participation.imports.lookups import (
    Actions,
    Articles,
    Choices,
    Events,
    Headings,
    Neighbourhoods,
    Stakeholders,
)
from esitlik.participation.inputs import NEEDS_ACTION, input_create, input_decide
from esitlik.participation.models import Input
from esitlik.plans.models import Action

COLUMNS = (
    Column(
        "text",
        pgettext_lazy("import", "Text"),
        aliases=(
            "Metin",
            "Görüş",
            "Görüş metni",
            "Görüş ve öneri",
            "Sorun / öneri",
            "Text",
            "Input",
            "Comment",
        ),
        required=True,
    ),
    Column(
        "kind",
        pgettext_lazy("import", "Kind"),
        aliases=("Tür", "Türü", "Görüş türü", "Kind", "Type", "Input kind"),
        required=True,
    ),
    Column(
        "target_groups",
        pgettext_lazy("import", "Target groups"),
        aliases=(
            "Hedef gruplar",
            "Hedef grupları",
            "Hedef grup",
            "Hedef kitle",
            "Target groups",
            "Target group",
        ),
    ),
    Column(
        "heading",
        pgettext_lazy("import", "Theme"),
        aliases=("Tema", "YEEP başlığı", "Başlık", "Theme", "YEEP heading", "Heading"),
    ),
    Column(
        "article",
        pgettext_lazy("import", "Charter article"),
        aliases=("Şart maddesi", "Madde", "Charter article", "Article"),
    ),
    Column(
        "neighbourhood",
        pgettext_lazy("import", "Neighbourhood"),
        aliases=("Mahalle", "Mahallesi", "Neighbourhood", "Neighborhood"),
    ),
    Column(
        "stakeholder",
        pgettext_lazy("import", "Stakeholder"),
        aliases=("Paydaş", "Kurum", "Kuruluş", "Stakeholder", "Organisation", "Organization"),
    ),
    Column(
        "event",
        pgettext_lazy("import", "Event"),
        aliases=("Etkinlik", "Toplantı", "Çalıştay", "Event", "Meeting"),
    ),
    Column(
        "received_on",
        pgettext_lazy("import", "Date"),
        aliases=("Tarih", "Alındığı tarih", "Date", "Received on"),
    ),
    Column(
        "channel",
        pgettext_lazy("import", "Channel"),
        aliases=("Kanal", "Nasıl geldi", "Channel", "How it came"),
    ),
    Column(
        "status",
        pgettext_lazy("import", "Decision"),
        aliases=("Karar", "Durum", "Decision", "Status"),
    ),
    Column(
        "decision_reason",
        pgettext_lazy("import", "Reason"),
        aliases=(
            "Gerekçe",
            "Karar gerekçesi",
            "Kararın gerekçesi",
            "Reason",
            "Reason for the decision",
        ),
    ),
    Column(
        "actions",
        pgettext_lazy("import", "Actions"),
        aliases=(
            "Faaliyetler",
            "Faaliyet",
            "Yol açtığı faaliyetler",
            "Eylemler",
            "Actions",
            "Action",
            "Actions it led to",
        ),
    ),
)

KINDS = Choices(
    Input.Kind,
    gettext_lazy("“%(value)s” is not a kind of input. Allowed: %(choices)s."),
    {
        "problem": ("Sorunlar", "Problems", "Issue"),
        "need": ("İhtiyaçlar", "Gereksinim", "Needs"),
        "proposal": ("Çözüm önerisi", "Öneriler", "Proposals", "Suggestion", "Solution"),
    },
)
TARGET_GROUPS = Choices(
    Action.TargetGroup,
    gettext_lazy(
        "“%(value)s” is not a target group. Allowed: %(choices)s; separate several with commas."
    ),
    {
        "women": ("Kadın",),
        "girls": ("Kız çocuğu",),
        "children": ("Çocuk",),
        "elderly": ("Yaşlı", "Elderly", "Older people"),
        "disabled": ("Engelli", "Engelli bireyler", "People with disabilities"),
        "refugees": ("Mülteci", "Göçmenler", "Migrants"),
        "lgbti": ("LGBTİ+", "LGBTİ", "LGBTI+"),
        "men": ("Erkekler", "Babalar", "Men"),
        "staff": ("Personel", "Staff"),
        "everyone": ("Tümü", "Hepsi", "All"),
    },
)
CHANNELS = Choices(
    Input.Channel,
    gettext_lazy("“%(value)s” is not a channel. Allowed: %(choices)s."),
    {
        "event": ("Etkinlik", "Event"),
        "stakeholder": ("Paydaş", "Stakeholder"),
        "survey": ("Anket",),
        "portal": ("Web formu", "Portal"),
        "other": ("Diğer",),
    },
)
DECISIONS = Choices(
    Input.Status,
    gettext_lazy("“%(value)s” is not a decision. Allowed: %(choices)s."),
    {
        "under_review": ("Değerlendiriliyor", "İncelemede", "Review"),
        "taken": ("Alındı", "Taken"),
        "partly_taken": ("Kısmen", "Kısmen alındı", "Partly", "Partly taken"),
        "not_taken": ("Alınmadı", "Not taken"),
    },
)


class InputRows(RowImporter):
    kind = "inputs"
    columns = COLUMNS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        options, municipality = self.options, self.municipality
        self.neighbourhoods = Neighbourhoods(
            municipality,
            by=self.by,
            add_missing=options.add_neighbourhoods and options.may_add_neighbourhoods,
            may_add=options.may_add_neighbourhoods,
        )
        self.stakeholders = Stakeholders(municipality)
        self.events = Events(municipality)
        self.headings = Headings()
        self.articles = Articles(municipality)
        self.actions = Actions(municipality)

    def apply(self, cells: Cells) -> str | None:
        values = {
            "text": cells.text("text"),
            "kind": cells.read("kind", KINDS.find),
            "target_groups": cells.read("target_groups", TARGET_GROUPS.find_many) or [],
            "heading": cells.read("heading", self.headings.find),
            "article": cells.read("article", self.articles.find),
            "neighbourhood": cells.read("neighbourhood", self.neighbourhoods.find),
            "stakeholder": cells.read("stakeholder", self.stakeholders.find),
            "event": self._event(cells),
        }
        if values["kind"] is None and cells.ok:
            cells.problem(
                "kind",
                _("Say whether the input is a problem, a need or a proposal (%(choices)s).")
                % {"choices": ", ".join(KINDS.labels())},
            )
        if received_on := cells.read("received_on", cell_date):
            values["received_on"] = received_on
        channel = cells.read("channel", CHANNELS.find)
        if channel is None and values["event"] is None:
            stakeholder = values["stakeholder"] is not None
            channel = Input.Channel.STAKEHOLDER if stakeholder else Input.Channel.SURVEY
        if channel is not None:
            values["channel"] = channel
        decision = self._decision(cells)
        if not cells.ok:
            return None
        item = input_create(municipality=self.municipality, by=self.by, **values)
        if decision is not None:
            input_decide(item=item, by=self.by, **decision)
        return "created"

    def _event(self, cells: Cells):
        chosen = self.options.event
        named = cells.read("event", self.events.find)
        if chosen is not None and named is not None and named != chosen:
            cells.problem(
                "event",
                _(
                    "Every row of this import belongs to “%(chosen)s”; this row names another "
                    "event. Empty the cell or import the file for that event."
                )
                % {"chosen": chosen.title},
            )
        return chosen or named

    def _decision(self, cells: Cells) -> dict | None:
        status = cells.read("status", DECISIONS.find)
        reason = cells.text("decision_reason")
        actions = cells.read("actions", self.actions.find_many) or []
        undecided = status in (None, Input.Status.UNDER_REVIEW)
        if not undecided and not self.options.may_decide:
            cells.problem(
                "status",
                _(
                    "Only the equality unit decides on inputs; leave the decision empty and the "
                    "input will be under review."
                ),
            )
        if reason and undecided:
            cells.problem(
                "decision_reason",
                _("A reason goes with a decision; fill in the decision too, or leave both empty."),
            )
        if actions and status not in NEEDS_ACTION:
            cells.problem(
                "actions",
                _(
                    "Actions go with the decisions “%(taken)s” and “%(partly)s”; fill in the "
                    "decision too."
                )
                % {
                    "taken": Input.Status.TAKEN.label,
                    "partly": Input.Status.PARTLY_TAKEN.label,
                },
            )
        if undecided:
            return None
        return {"status": status, "reason": reason, "actions": actions}
