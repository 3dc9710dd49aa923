"""E-mail reminders to focal points: each person gets one message listing what is overdue or
due soon in the directorates they answer for. Run daily or weekly by the scheduler."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from esitlik.core.audit import audit_record
from esitlik.core.models import Membership, Municipality, Role
from esitlik.core.permissions import can_edit_directorate
from esitlik.plans import deadlines

# Items awaiting the unit's review are the unit's to act on, not the focal point's.
FOCAL_POINT_STATES = {deadlines.State.OVERDUE, deadlines.State.DUE_SOON, deadlines.State.RETURNED}


@dataclass
class Reminder:
    membership: Membership
    items: list


def reminders_for(municipality: Municipality) -> list[Reminder]:
    items = [
        item
        for plan in deadlines.current_plans(municipality)
        for item in deadlines.agenda(plan)
        if item.state in FOCAL_POINT_STATES
    ]
    focal_points = Membership.objects.filter(
        municipality=municipality, role=Role.FOCAL_POINT, user__is_active=True
    ).select_related("user", "directorate")
    out = []
    for membership in focal_points:
        if not membership.user.email:
            continue
        mine = [item for item in items if can_edit_directorate(membership, item.directorate)]
        if mine:
            out.append(Reminder(membership, mine))
    return out


def send_reminders(municipality: Municipality, *, language: str = "tr", dry_run: bool = False):
    """Send (or with ``dry_run`` only list) the reminders; returns them."""
    reminders = reminders_for(municipality)
    if dry_run or not reminders:
        return reminders
    link = settings.SITE_URL + reverse("due_list", kwargs={"slug": municipality.slug})
    with translation.override(language):
        for reminder in reminders:
            context = {"reminder": reminder, "municipality": municipality, "link": link}
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
            "items": {"old": None, "new": sum(len(r.items) for r in reminders)},
        },
    )
    return reminders
