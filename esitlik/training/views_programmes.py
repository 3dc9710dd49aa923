"""Training programmes: what is taught, to whom, with which partner, for which plan actions.
Every member inside reads them; the equality unit keeps them (``manage_training``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.text import tr_casefold
from esitlik.core.views.util import page_context, save_form
from esitlik.plans.links import action_links
from esitlik.training import programmes
from esitlik.training.access import access_programme
from esitlik.training.evaluation import evaluation_of
from esitlik.training.forms_programmes import ProgrammeFilterForm, ProgrammeForm
from esitlik.training.models import Programme
from esitlik.training.selectors_sessions import (
    attendance_counts,
    participants,
    programme_rows,
    sessions_with_people,
    topics_in_use,
    trainer_labels,
)


@login_required
@require_GET
def programme_list(request, slug):
    membership = access_membership_for(request, slug)
    everything = list(Programme.objects.filter(municipality=membership.municipality))
    form = ProgrammeFilterForm(request.GET or None, topics=topics_in_use(everything))
    chosen = everything
    filtered = form.is_bound and form.is_valid() and any(form.cleaned_data.values())
    if filtered:
        data = form.cleaned_data
        if data["audience"]:
            chosen = [p for p in chosen if p.audience == data["audience"]]
        if data["topic"]:
            topic = tr_casefold(data["topic"])
            chosen = [p for p in chosen if topic in {tr_casefold(t) for t in p.topics}]
        if data["offered"]:
            chosen = [p for p in chosen if p.is_active == (data["offered"] == "yes")]
    rows = programme_rows(Programme.objects.filter(pk__in=[p.pk for p in chosen]))
    return render(
        request,
        "training/programme_list.html",
        page_context(
            membership,
            form=form,
            rows=rows,
            total=len(everything),
            filtered=filtered,
            can_manage=can(membership, Perm.MANAGE_TRAINING),
        ),
    )


@login_required
@require_GET
def programme_detail(request, slug, programme_id):
    membership = access_membership_for(request, slug)
    programme = access_programme(membership, programme_id)
    show_staff = can(membership, Perm.VIEW_STAFF)
    sessions = list(sessions_with_people(programme.sessions.order_by("-starts_on", "-id")))
    rows = [
        (session, participants(session), trainer_labels(session.trainers.all(), show_staff))
        for session in sessions
    ]
    return render(
        request,
        "training/programme_detail.html",
        page_context(
            membership,
            programme=programme,
            actions=action_links(membership, programme.actions.all()),
            rows=rows,
            evaluation=evaluation_of(sessions, attendance=attendance_counts(sessions)),
            can_manage=can(membership, Perm.MANAGE_TRAINING),
            can_record=can(membership, Perm.RECORD_TRAINING),
        ),
    )


def _form_page(request, membership, form, heading, programme=None):
    return render(
        request,
        "training/programme_form.html",
        page_context(membership, form=form, heading=heading, programme=programme),
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    form = ProgrammeForm(request.POST or None, municipality=membership.municipality)
    created = []
    if save_form(
        request,
        form,
        lambda data: created.append(
            programmes.programme_create(
                municipality=membership.municipality, by=request.user, **data
            )
        ),
        _("The programme was added."),
    ):
        return redirect("programme_detail", slug=slug, programme_id=created[0].pk)
    return _form_page(request, membership, form, _("Add a training programme"))


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, slug, programme_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    programme = access_programme(membership, programme_id)
    form = ProgrammeForm(
        request.POST or None,
        municipality=membership.municipality,
        programme=programme,
        initial=ProgrammeForm.initial_for(programme),
    )
    if save_form(
        request,
        form,
        lambda data: programmes.programme_update(programme=programme, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("programme_detail", slug=slug, programme_id=programme.pk)
    return _form_page(request, membership, form, str(programme), programme=programme)
