"""The import page: choose what the file holds, upload it, read the preview (the columns found,
the first rows, and every problem the import would meet), then confirm.

The preview runs the whole import and rolls it back. The uploaded file waits for the
confirmation under MEDIA_ROOT (``imports/pending.py``); the session holds only its token and
the options chosen, so a confirmation imports exactly the file that was previewed, with the
importing member's current rights.
"""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
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
from esitlik.participation.access import access_event
from esitlik.participation.forms_import import ConfirmForm, ImportForm
from esitlik.participation.imports import (
    IMPORTERS,
    PAGE_LIMITS,
    Options,
    Outcome,
    import_participation,
    pending,
)
from esitlik.participation.imports.workbooks import problems_workbook, template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "participation_import"
TEMPLATE_NAMES = {"stakeholders": "paydaslar", "inputs": "gorusler"}


def _options(membership, *, event, update_existing: bool, add_neighbourhoods: bool) -> Options:
    return Options(
        event=event,
        update_existing=update_existing,
        add_neighbourhoods=add_neighbourhoods,
        may_add_neighbourhoods=can(membership, Perm.MANAGE_STRUCTURE),
        may_decide=can(membership, Perm.DECIDE_INPUTS),
    )


def _forget(request) -> None:
    state = request.session.pop(SESSION_KEY, None)
    if state:
        pending.discard(state.get("token", ""))


def _state(request, membership) -> dict | None:
    state = request.session.get(SESSION_KEY)
    if not state or state.get("municipality") != membership.municipality_id:
        return None
    return state


def _columns_help() -> list[dict]:
    """The columns each kind reads, for the page's "which columns" section."""
    return [
        {
            "kind": kind,
            "columns": [
                {
                    "label": column.header(),
                    "names": [n for n in column.names() if n != column.header()],
                    "required": column.required,
                }
                for column in importer.columns
            ],
        }
        for kind, importer in IMPORTERS.items()
    ]


def _page(request, membership, form: ImportForm, **extra):
    main = ("kind", "file")
    return render(
        request,
        "participation/import.html",
        page_context(
            membership,
            form=form,
            main_fields=[form[name] for name in main],
            option_fields=[form[name] for name in form.fields if name not in main],
            columns_help=_columns_help(),
            **extra,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def participation_import(request, slug):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, membership)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        municipality=membership.municipality,
        may_add_neighbourhoods=can(membership, Perm.MANAGE_STRUCTURE),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        content, name = upload.read(), PurePath(upload.name or "").name
        options = _options(
            membership,
            event=data["event"],
            update_existing=data["update_existing"],
            add_neighbourhoods=data["add_neighbourhoods"],
        )
        outcome = import_participation(
            kind=data["kind"],
            municipality=membership.municipality,
            by=request.user,
            data=content,
            name=name,
            options=options,
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
                "token": token,
                "kind": data["kind"],
                "name": name,
                "event": data["event"].pk if data["event"] else None,
                "update_existing": data["update_existing"],
                "add_neighbourhoods": data["add_neighbourhoods"],
            }
            return _preview(request, membership, outcome, token, name, options)
    return _page(request, membership, form=form)


def _preview(request, membership, outcome: Outcome, token: str, name: str, options: Options):
    return _page(
        request,
        membership,
        outcome=outcome,
        file_name=name,
        options=options,
        confirm=ConfirmForm(initial={"token": token}),
        form=ImportForm(
            municipality=membership.municipality,
            may_add_neighbourhoods=can(membership, Perm.MANAGE_STRUCTURE),
            # A corrected file usually goes in with the same choices.
            initial={
                "kind": outcome.kind,
                "event": options.event.pk if options.event else None,
                "update_existing": options.update_existing,
                "add_neighbourhoods": options.add_neighbourhoods,
            },
        ),
    )


def _gone(request, slug):
    messages.error(
        request,
        _(
            "That preview is no longer open: another file was previewed since, or a day has "
            "passed. Upload the file again."
        ),
    )
    return redirect("participation_import", slug=slug)


def _confirm(request, membership):
    slug = membership.municipality.slug
    form = ConfirmForm(request.POST)
    state = _state(request, membership)
    if not form.is_valid() or state is None or form.cleaned_data["token"] != state["token"]:
        return _gone(request, slug)
    data = pending.load(state["token"])
    if data is None:
        return _gone(request, slug)
    try:
        event = access_event(membership, state["event"]) if state["event"] else None
    except Http404:
        return _gone(request, slug)
    options = _options(
        membership,
        event=event,
        update_existing=state["update_existing"],
        add_neighbourhoods=state["add_neighbourhoods"],
    )
    outcome = import_participation(
        kind=state["kind"],
        municipality=membership.municipality,
        by=request.user,
        data=data,
        name=state["name"],
        options=options,
        limits=PAGE_LIMITS,
    )
    if not outcome.applied:
        # Someone changed the registry or the lists since the preview; show what fails now.
        pending.keep_problems(state["token"], outcome.problems)
        if outcome.refusal:
            messages.error(request, outcome.refusal)
            return redirect("participation_import", slug=slug)
        return _preview(request, membership, outcome, state["token"], state["name"], options)
    _forget(request)
    messages.success(request, _summary(outcome))
    target = "stakeholder_list" if outcome.kind == "stakeholders" else "input_list"
    try:
        return redirect(reverse(target, args=[slug]))
    except NoReverseMatch:
        return redirect("participation_import", slug=slug)


def _summary(outcome: Outcome) -> str:
    if outcome.kind == "stakeholders":
        text = _("The file was imported: %(created)s stakeholders added, %(updated)s updated.") % {
            "created": outcome.created,
            "updated": outcome.updated,
        }
    else:
        text = ngettext(
            "The file was imported: %(count)s input recorded.",
            "The file was imported: %(count)s inputs recorded.",
            outcome.created,
        ) % {"count": outcome.created}
    if outcome.neighbourhoods_added:
        text += " " + _("Neighbourhoods added to the list: %(names)s.") % {
            "names": ", ".join(outcome.neighbourhoods_added)
        }
    return text


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
@never_cache
def participation_import_problems(request, slug):
    """The problems of the file previewed last in this session, as a workbook."""
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    state = _state(request, membership)
    problems = pending.load_problems(state["token"]) if state else None
    if not problems:
        raise Http404
    return _xlsx(problems_workbook(problems), f"{slug}-ice-aktarma-sorunlari.xlsx")


@login_required
@require_GET
@never_cache
def participation_import_template(request, slug, kind):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    data = template_workbook(kind, membership.municipality)
    return _xlsx(data, f"{slug}-{TEMPLATE_NAMES[kind]}-sablonu.xlsx")
