"""E-mail reminders to focal points: each person gets one message listing what is overdue or
due soon in the directorates they answer for — plan actions and indicator figures, and the
data the equality unit expected from them by a date that has passed. Run daily or weekly by
the scheduler."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from esitlik.core.audit import audit_record
from esitlik.core.models import Membership, Municipality, Role
from esitlik.core.permissions import can_edit_directorate
from esitlik.datasets.completeness import overdue_expectations
from esitlik.plans import deadlines

# Items awaiting the unit's review are the unit's to act on, not the focal point's.
FOCAL_POINT_STATES = {deadlines.State.OVERDUE, deadlines.State.DUE_SOON, deadlines.State.RETURNED}


@dataclass
class Reminder:
    membership: Membership
    items: list
    # Expected data (datasets.DataExpectation) past its due date with nothing imported.
    data: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items) + len(self.data)


def reminders_for(municipality: Municipality) -> list[Reminder]:
    items = [
        item
        for plan in deadlines.current_plans(municipality)
        for item in deadlines.agenda(plan)
        if item.state in FOCAL_POINT_STATES
    ]
    data = overdue_expectations(municipality, timezone.localdate())
    focal_points = Membership.objects.filter(
        municipality=municipality, role=Role.FOCAL_POINT, user__is_active=True
    ).select_related("user", "directorate")
    out = []
    for membership in focal_points:
        if not membership.user.email:
            continue
        mine = [item for item in items if can_edit_directorate(membership, item.directorate)]
        mine_data = [e for e in data if can_edit_directorate(membership, e.directorate)]
        if mine or mine_data:
            out.append(Reminder(membership, mine, mine_data))
    return out


def send_reminders(municipality: Municipality, *, language: str = "tr", dry_run: bool = False):
    """Send (or with ``dry_run`` only list) the reminders; returns them."""
    reminders = reminders_for(municipality)
    if dry_run or not reminders:
        return reminders
    link = settings.SITE_URL + reverse("due_list", kwargs={"slug": municipality.slug})
    data_link = settings.SITE_URL + reverse("dataset_upload", kwargs={"slug": municipality.slug})
    with translation.override(language):
        for reminder in reminders:
            context = {
                "reminder": reminder,
                "municipality": municipality,
                "link": link,
                "data_link": data_link,
            }
            subject = render_to_string("plans/email/reminder_subject.txt", context).strip()
            body = render_to_string("plans/email/reminder_body.txt", context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [reminder.membership.user.email])
    audit_record(
        action="plans.reminders.sent",
        actor=None,
        municipality=municipality,
        obj=None,
        changes={
            "recipients": {"old": None, "new": len(reminders)},
            "items": {"old": None, "new": sum(r.count for r in reminders)},
        },
    )
    return reminders
