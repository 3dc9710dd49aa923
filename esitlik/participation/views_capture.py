"""Fast capture: the inputs of one event entered as rows of a table, as a workshop's notes are
typed up — eighty of them in one sitting, from the keyboard.

Each row is its own small form posting here. Without JavaScript, Enter saves the row and the
page comes back with the cursor in a fresh empty row. With ``static/esitlik/js/capture.js``
the rows post in the background (``Accept: application/json``) and the answer is JSON: the
saved input's reference and version, or the errors by field."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.views.util import apply_validation_error, page_context
from esitlik.participation import inputs
from esitlik.participation.forms_inputs import CaptureRowForm, Choices
from esitlik.participation.models import Event, Input
from esitlik.participation.views_events import editable_event
from esitlik.plans.models import Action

ROW_FIELDS = ("text", "kind", "target_groups", "heading", "neighbourhood", "stakeholder")
NEW = "new"


def _row_form(choices: Choices, key: str, data=None, initial=None) -> CaptureRowForm:
    form = CaptureRowForm(data, choices=choices, initial=initial, auto_id=f"r{key}-%s")
    if "\n" in (initial or {}).get("text", ""):
        # A one-line box would drop the line breaks of a text written on the input's page.
        form.fields["text"].widget = forms.Textarea(attrs={"rows": 3})
    for name, field in form.fields.items():
        # The row's controls sit in table cells, outside the <form> element of the row.
        field.widget.attrs["form"] = f"f-{key}"
        field.widget.attrs["aria-describedby"] = f"r{key}-{name}-error"
    form.fields["target_groups"].widget.attrs["aria-describedby"] += " groups-help"
    form.fields["text"].widget.attrs["autocomplete"] = "off"
    form.fields["target_groups"].widget.attrs["autocomplete"] = "off"
    return form


def _save(event: Event, data: dict, by) -> Input:
    values = {name: data[name] for name in ROW_FIELDS}
    if data.get("input"):
        item = Input.objects.filter(pk=data["input"], event=event).first()
        if item is None:
            raise Http404
        return inputs.input_update(item=item, by=by, version=data.get("version"), **values)
    return inputs.input_create(municipality=event.municipality, by=by, event=event, **values)


def _errors(form) -> dict[str, list[str]]:
    return {field: [str(m) for m in errors] for field, errors in form.errors.items()}


@login_required
@require_http_methods(["GET", "POST"])
def event_capture(request, slug, event_id):
    membership, event = editable_event(request, slug, event_id)
    choices = Choices(membership.municipality, quick=True)
    wants_json = "application/json" in request.headers.get("Accept", "")
    bound_key, bound = None, None
    if request.method == "POST":
        key = request.POST.get("row", "")
        key = key if re.fullmatch(r"\d+|new", key) else NEW
        form = _row_form(choices, key, data=request.POST)
        if form.is_valid():
            try:
                item = _save(event, form.cleaned_data, request.user)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                saved = _("%(reference)s saved.") % {"reference": item.reference}
                if wants_json:
                    return JsonResponse(
                        {
                            "ok": True,
                            "id": item.pk,
                            "reference": item.reference,
                            "version": item.version,
                            "url": reverse("input_detail", args=[slug, item.pk]),
                            "target_groups": ", ".join(item.target_group_labels),
                            "message": saved,
                        }
                    )
                messages.success(request, saved)
                # No "#new" fragment: a browser skips autofocus on a page opened at one, and
                # focusing the empty row scrolls it into view anyway.
                return redirect("event_capture", slug=slug, event_id=event.pk)
        if wants_json:
            return JsonResponse(
                {
                    "ok": False,
                    "errors": _errors(form),
                    "message": _("Not saved: %(problems)s")
                    % {"problems": " ".join(m for ms in _errors(form).values() for m in ms)},
                },
                status=400,
            )
        bound_key, bound = key, form
    rows = []
    for item in event.inputs.all():
        key = str(item.pk)
        form = bound if key == bound_key else None
        form = form or _row_form(choices, key, initial=CaptureRowForm.initial_for(item))
        rows.append({"key": key, "item": item, "form": form})
    blank = bound if bound_key == NEW else _row_form(choices, NEW)
    if bound is None:
        blank.fields["text"].widget.attrs["autofocus"] = True
    return render(
        request,
        "participation/event_capture.html",
        page_context(
            membership,
            event=event,
            rows=rows,
            blank=blank,
            template_row=_row_form(choices, "__key__"),
            bound=bound,
            groups=CaptureRowForm.base_fields["target_groups"].prepare_value(
                [code for code, _label in Action.TargetGroup.choices]
            ),
        ),
    )
