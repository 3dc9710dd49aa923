"""Importing a session's sign-in sheet: upload, read the preview (who was matched, who would be
added to the staff list, who is already listed, every problem), then confirm.

As on participation's import page, the preview runs the whole import and rolls it back; the
uploaded file waits for the confirmation under MEDIA_ROOT (``participation.imports.pending``)
and the user's session holds only its token, the session's id and the choice made, so a
confirmation imports exactly the file that was previewed, with the member's current rights.
"""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import page_context
from esitlik.participation.forms_import import ConfirmForm
from esitlik.participation.imports import pending
from esitlik.participation.imports.workbooks import problems_workbook
from esitlik.training.access import access_session, can_edit_session
from esitlik.training.forms_import import AttendanceImportForm
from esitlik.training.imports import (
    COLUMNS,
    PAGE_LIMITS,
    AttendanceOutcome,
    import_attendance,
    session_refusal,
)
from esitlik.training.imports.workbooks import template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "training_attendance_import"


def _access(request, slug: str, session_id: int):
    """The membership and the session, for a member who may record its attendance and see
    staff names."""
    membership = access_membership_for(request, slug, Perm.RECORD_TRAINING)
    if not can(membership, Perm.VIEW_STAFF):
        raise PermissionDenied
    session = access_session(membership, session_id)
    if not can_edit_session(membership, session):
        raise PermissionDenied
    return membership, session


def _forget(request) -> None:
    state = request.session.pop(SESSION_KEY, None)
    if state:
        pending.discard(state.get("token", ""))


def _state(request, membership, session) -> dict | None:
    state = request.session.get(SESSION_KEY)
    if (
        not state
        or state.get("municipality") != membership.municipality_id
        or state.get("session") != session.pk
    ):
        return None
    return state


def _columns_help() -> list[dict]:
    return [
        {"label": column.header(), "names": [n for n in column.names() if n != column.header()]}
        for column in COLUMNS
    ]


def _page(request, membership, session, **extra):
    return render(
        request,
        "training/attendance_import.html",
        page_context(membership, session=session, columns_help=_columns_help(), **extra),
    )


def _preview(request, membership, session, outcome: AttendanceOutcome, token, name, add_new):
    return _page(
        request,
        membership,
        session,
        outcome=outcome,
        file_name=name,
        add_new_staff=add_new,
        confirm=ConfirmForm(initial={"token": token}),
        # A corrected file usually goes in with the same choice.
        form=AttendanceImportForm(initial={"add_new_staff": add_new}),
    )


@login_required
@require_http_methods(["GET", "POST"])
def attendance_import(request, slug, session_id):
    membership, session = _access(request, slug, session_id)
    refusal = session_refusal(session)
    if refusal:
        return _page(request, membership, session, refusal=refusal)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, membership, session)
    form = AttendanceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        add_new = form.cleaned_data["add_new_staff"]
        content, name = upload.read(), PurePath(upload.name or "").name
        outcome = import_attendance(
            session=session,
            by=request.user,
            data=content,
            name=name,
            add_new_staff=add_new,
            commit=False,
            limits=PAGE_LIMITS,
        )
        if outcome.refusal:
            form.add_error("file", outcome.refusal)
        else:
            _forget(request)
            token = pending.keep(content)
            pending.keep_problems(token, outcome.problems)
            request.session[SESSION_KEY] = {
                "municipality": membership.municipality_id,
                "session": session.pk,
                "token": token,
                "name": name,
                "add_new_staff": add_new,
            }
            return _preview(request, membership, session, outcome, token, name, add_new)
    return _page(request, membership, session, form=form)


def _gone(request, slug, session):
    messages.error(
        request,
        _(
            "That preview is no longer open: another file was previewed since, or a day has "
            "passed. Upload the file again."
        ),
    )
    return redirect("attendance_import", slug=slug, session_id=session.pk)


def _confirm(request, membership, session):
    slug = membership.municipality.slug
    form = ConfirmForm(request.POST)
    state = _state(request, membership, session)
    if not form.is_valid() or state is None or form.cleaned_data["token"] != state["token"]:
        return _gone(request, slug, session)
    data = pending.load(state["token"])
    if data is None:
        return _gone(request, slug, session)
    outcome = import_attendance(
        session=session,
        by=request.user,
        data=data,
        name=state["name"],
        add_new_staff=state["add_new_staff"],
        limits=PAGE_LIMITS,
    )
    if not outcome.applied:
        # The staff list or the session changed since the preview; show what fails now.
        pending.keep_problems(state["token"], outcome.problems)
        if outcome.refusal:
            messages.error(request, outcome.refusal)
            return redirect("attendance_import", slug=slug, session_id=session.pk)
        return _preview(
            request,
            membership,
            session,
            outcome,
            state["token"],
            state["name"],
            state["add_new_staff"],
        )
    _forget(request)
    messages.success(request, _summary(outcome))
    for target in ("session_attendance", "session_detail"):
        try:
            return redirect(reverse(target, args=[slug, session.pk]))
        except NoReverseMatch:
            continue
    return redirect("attendance_import", slug=slug, session_id=session.pk)


def _summary(outcome: AttendanceOutcome) -> str:
    text = ngettext(
        "The sign-in sheet was imported: %(count)s person recorded as attending.",
        "The sign-in sheet was imported: %(count)s people recorded as attending.",
        outcome.adding,
    ) % {"count": outcome.adding}
    if outcome.new:
        text += " " + ngettext(
            "%(count)s of them was added to the staff list.",
            "%(count)s of them were added to the staff list.",
            len(outcome.new),
        ) % {"count": len(outcome.new)}
    if outcome.already:
        text += " " + ngettext(
            "%(count)s person on the sheet was already listed.",
            "%(count)s people on the sheet were already listed.",
            len(outcome.already),
        ) % {"count": len(outcome.already)}
    return text


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
@never_cache
def attendance_import_problems(request, slug, session_id):
    """The problems of the sheet previewed last for this session, as a workbook."""
    membership, session = _access(request, slug, session_id)
    state = _state(request, membership, session)
    problems = pending.load_problems(state["token"]) if state else None
    if not problems:
        raise Http404
    return _xlsx(problems_workbook(problems), f"{slug}-katilim-listesi-sorunlari.xlsx")


@login_required
@require_GET
@never_cache
def attendance_template(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    data = template_workbook(membership.municipality)
    return _xlsx(data, f"{slug}-katilim-listesi-sablonu.xlsx")
