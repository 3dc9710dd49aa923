"""Events: the meetings, workshops and focus groups of the plan's preparation and follow-up.
Any member may read them; the equality unit and focal points record them, a focal point only
changing the events their directorate organised or they recorded themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error, page_context
from esitlik.participation import events
from esitlik.participation.access import access_attachment, access_event, can_edit_event
from esitlik.participation.forms_events import AttachmentForm, EventFilterForm, EventForm
from esitlik.participation.models import Event

PAGE_SIZE = 50


@login_required
@require_GET
def event_list(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    form = EventFilterForm(request.GET or None, municipality=municipality)
    rows = (
        Event.objects.filter(municipality=municipality)
        .select_related("directorate", "plan")
        .annotate(input_count=Count("inputs"))
        .order_by("-starts_at", "-id")
    )
    if form.is_valid():
        data = form.cleaned_data
        for name in ("kind", "phase", "status", "plan"):
            if data.get(name):
                rows = rows.filter(**{name: data[name]})
        if data.get("year"):
            rows = rows.filter(starts_at__year=data["year"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "participation/event_list.html",
        page_context(
            membership,
            form=form,
            page=page,
            query=query.urlencode(),
            can_record=can(membership, Perm.RECORD_PARTICIPATION),
        ),
    )


def _form_page(request, membership, form, heading, event=None):
    return render(
        request,
        "participation/event_form.html",
        page_context(membership, form=form, heading=heading, event=event),
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
def event_create(request, slug):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    form = EventForm(
        request.POST or None,
        municipality=membership.municipality,
        initial={"directorate": membership.directorate_id},
    )
    created = []

    def write(values):
        values.pop("version", None)
        created.append(
            events.event_create(municipality=membership.municipality, by=request.user, **values)
        )

    if request.method == "POST" and _save(form, write):
        messages.success(request, _("The event was recorded."))
        return redirect("event_detail", slug=slug, event_id=created[0].pk)
    return _form_page(request, membership, form, _("Record an event"))


def editable_event(request, slug, event_id):
    """The membership and the event named in the URL, for someone who may change it."""
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    event = access_event(membership, event_id)
    if not can_edit_event(membership, event):
        raise PermissionDenied
    return membership, event


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug, event_id):
    membership, event = editable_event(request, slug, event_id)
    form = EventForm(
        request.POST or None,
        municipality=membership.municipality,
        event=event,
        initial=EventForm.initial_for(event),
    )
    if request.method == "POST" and _save(
        form, lambda values: events.event_update(event=event, by=request.user, **values)
    ):
        messages.success(request, _("Saved."))
        return redirect("event_detail", slug=slug, event_id=event.pk)
    return _form_page(request, membership, form, str(event), event=event)


def _detail_page(request, membership, event, upload_form=None):
    editable = can_edit_event(membership, event)
    group_labels = dict(Event.Group.choices)
    return render(
        request,
        "participation/event_detail.html",
        page_context(
            membership,
            event=event,
            invited=event.invited.order_by("name"),
            attended=event.attended.order_by("name"),
            groups=[
                (group_labels[group], event.group_counts[group])
                for group in Event.Group.values
                if event.group_counts.get(group)
            ],
            attachments=event.attachments.all(),
            inputs=event.inputs.select_related("neighbourhood", "heading", "stakeholder"),
            can_edit=editable,
            upload_form=(upload_form or AttachmentForm()) if editable else None,
        ),
    )


@login_required
@require_GET
def event_detail(request, slug, event_id):
    membership = access_membership_for(request, slug)
    return _detail_page(request, membership, access_event(membership, event_id))


@login_required
@require_POST
def attachment_upload(request, slug, event_id):
    membership, event = editable_event(request, slug, event_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            events.attachment_add(event=event, upload=form.cleaned_data["file"], by=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The file was attached."))
            return redirect("event_detail", slug=slug, event_id=event.pk)
    return _detail_page(request, membership, event, upload_form=form)


@login_required
@require_GET
def attachment_download(request, slug, event_id, attachment_id):
    membership = access_membership_for(request, slug)
    event = access_event(membership, event_id)
    attachment = access_attachment(event, attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.name)
    # Minutes and sign-in sheets are internal: never kept in a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response
