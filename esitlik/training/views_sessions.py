"""Training sessions and who attended. Every member inside reads them; the equality unit and
focal points record them, a focal point only the sessions their directorate organised or they
recorded themselves. Names of staff — attendees and municipal trainers — are shown only to
members who may see staff (``view_staff``); the others see counts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error, page_context
from esitlik.plans.models import Action
from esitlik.training import sessions
from esitlik.training.access import access_session, can_edit_session
from esitlik.training.evaluation import evaluation_of
from esitlik.training.forms_sessions import NewcomerForm, SessionFilterForm, SessionForm
from esitlik.training.models import Programme, StaffMember, TrainingSession
from esitlik.training.selectors_sessions import (
    attendance_choices,
    attendance_counts,
    attendees,
    by_role_and_sex,
    participants,
    sessions_with_people,
    trainer_labels,
)

PAGE_SIZE = 50


@login_required
@require_GET
def session_list(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    form = SessionFilterForm(request.GET or None, municipality=municipality)
    rows = TrainingSession.objects.filter(municipality=municipality)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("programme"):
            rows = rows.filter(programme_id=data["programme"])
        if data.get("year"):
            rows = rows.filter(starts_on__year=data["year"])
        if data.get("directorate"):
            rows = rows.filter(directorate=data["directorate"])
        if data.get("status"):
            rows = rows.filter(status=data["status"])
        if data.get("audience"):
            rows = rows.filter(programme__audience=data["audience"])
    rows = sessions_with_people(rows).order_by("-starts_on", "-id")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    show_staff = can(membership, Perm.VIEW_STAFF)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/session_list.html",
        page_context(
            membership,
            form=form,
            page=page,
            rows=[(s, participants(s), trainer_labels(s.trainers.all(), show_staff)) for s in page],
            query=query.urlencode(),
            can_record=can(membership, Perm.RECORD_TRAINING),
        ),
    )


@login_required
@require_GET
def session_detail(request, slug, session_id):
    membership = access_membership_for(request, slug)
    session = access_session(membership, session_id)
    show_staff = can(membership, Perm.VIEW_STAFF)
    named = session.attendance_kind == TrainingSession.AttendanceKind.NAMED
    editable = can_edit_session(membership, session)
    roles, role_totals = by_role_and_sex(session) if named else ([], None)
    group_labels = dict(Action.TargetGroup.choices)
    return render(
        request,
        "training/session_detail.html",
        page_context(
            membership,
            session=session,
            named=named,
            people=participants(session),
            trainers=trainer_labels(session.trainers.select_related("staff"), show_staff),
            attendees=attendees(session) if named and show_staff else None,
            roles=roles,
            role_totals=role_totals,
            groups=[
                (group_labels[group], session.group_counts[group])
                for group in Action.TargetGroup.values
                if session.group_counts.get(group)
            ],
            evaluation=evaluation_of([session], attendance=attendance_counts([session])),
            can_edit=editable,
            can_attend=editable and show_staff and named,
        ),
    )


def _form_page(request, membership, form, heading, session=None):
    return render(
        request,
        "training/session_form.html",
        page_context(membership, form=form, heading=heading, session=session),
    )


def _save(form, write) -> bool:
    """Run the service with the form's values; its refusal lands on the form's fields."""
    if not form.is_valid():
        return False
    try:
        write(form.service_values())
    except ValidationError as error:
        form.apply_service_error(error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request, slug):
    membership = access_membership_for(request, slug, Perm.RECORD_TRAINING)
    municipality = membership.municipality
    initial = {"directorate": membership.directorate_id}
    asked = request.GET.get("programme", "")
    chosen = None
    if asked.isdigit() and len(asked) < 12:
        chosen = Programme.objects.filter(municipality=municipality, pk=int(asked)).first()
    if chosen is not None:
        initial["programme"] = chosen.pk
        if chosen.audience == Programme.Audience.PUBLIC:
            initial["attendance_kind"] = TrainingSession.AttendanceKind.COUNTS
    form = SessionForm(request.POST or None, municipality=municipality, initial=initial)
    created = []

    def write(values):
        programme = values.pop("programme")
        created.append(
            sessions.session_create(
                municipality=municipality, programme=programme, by=request.user, **values
            )
        )

    if request.method == "POST" and _save(form, write):
        messages.success(request, _("The session was recorded."))
        return redirect("session_detail", slug=slug, session_id=created[0].pk)
    return _form_page(request, membership, form, _("Record a training session"))


def editable_session(request, slug, session_id):
    """The membership and the session named in the URL, for someone who may change it."""
    membership = access_membership_for(request, slug, Perm.RECORD_TRAINING)
    session = access_session(membership, session_id)
    if not can_edit_session(membership, session):
        raise PermissionDenied
    return membership, session


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, slug, session_id):
    membership, session = editable_session(request, slug, session_id)
    form = SessionForm(
        request.POST or None,
        municipality=membership.municipality,
        session=session,
        initial=SessionForm.initial_for(session),
    )
    if request.method == "POST" and _save(
        form, lambda values: sessions.session_update(session=session, by=request.user, **values)
    ):
        messages.success(request, _("Saved."))
        return redirect("session_detail", slug=slug, session_id=session.pk)
    return _form_page(request, membership, form, str(session), session=session)


def _ids(values) -> set[int]:
    """Ids posted as repeated fields or comma-separated in one ("3,8,21")."""
    return {int(part) for value in values for part in str(value).split(",") if part.isdigit()}


@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request, slug, session_id):
    """Tick who attended a named session, and add a person not yet on the staff list, in one
    save. The list can be narrowed with a search (``q``); only the people shown (``shown``)
    are changed, so ticks hidden by a search are never lost."""
    membership, session = editable_session(request, slug, session_id)
    if not can(membership, Perm.VIEW_STAFF):
        raise PermissionDenied
    municipality = membership.municipality
    query = (request.GET.get("q") or "").strip()[:100]
    attending = set(session.attendances.values_list("staff_id", flat=True))
    newcomer_form = NewcomerForm(
        request.POST or None,
        municipality=municipality,
        prefix="new",
        initial={"directorate": session.directorate_id},
    )
    open_for_names = (
        session.attendance_kind == TrainingSession.AttendanceKind.NAMED
        and session.status == TrainingSession.Status.HELD
    )
    if request.method == "POST" and open_for_names and newcomer_form.is_valid():
        shown = _ids(request.POST.getlist("shown"))
        ticked = _ids(request.POST.getlist("attended")) & shown
        people = StaffMember.objects.filter(municipality=municipality)
        newcomer = newcomer_form.newcomer()
        try:
            added, removed = sessions.attendance_change(
                session=session,
                by=request.user,
                add=people.filter(pk__in=ticked - attending),
                remove=people.filter(pk__in=(shown & attending) - ticked),
                newcomers=[newcomer] if newcomer else [],
            )
        except ValidationError as error:
            apply_validation_error(newcomer_form, error)
        else:
            messages.success(request, _changes_message(len(added), removed))
            return redirect(request.path + (f"?{urlencode({'q': query})}" if query else ""))
    groups = attendance_choices(municipality, attending, query)
    if request.method == "POST" and newcomer_form.errors:
        # Keep what the person ticked while they fix the new person's details.
        attending = _ids(request.POST.getlist("attended"))
    return render(
        request,
        "training/session_attendance.html",
        page_context(
            membership,
            session=session,
            open_for_names=open_for_names,
            groups=groups,
            # One field for every id shown: a list of thousands of staff stays far below
            # Django's limit on the number of posted fields.
            shown=",".join(str(p.pk) for g in groups for p in g.people),
            shown_count=sum(len(g.people) for g in groups),
            attending=attending,
            listed=session.attendances.count(),
            query=query,
            newcomer_form=newcomer_form,
        ),
    )


def _changes_message(added: int, removed: int) -> str:
    if not added and not removed:
        return _("Nothing changed.")
    parts = []
    if added:
        parts.append(
            ngettext("%(count)d person added.", "%(count)d people added.", added) % {"count": added}
        )
    if removed:
        parts.append(
            ngettext("%(count)d person removed.", "%(count)d people removed.", removed)
            % {"count": removed}
        )
    return " ".join(parts)
