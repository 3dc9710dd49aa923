"""The trainer pool: everyone inside reads it (who may train what, certified by whom, until
when); the equality unit keeps it. A staff trainer's name is shown only to roles with
VIEW_STAFF; commission members and monitors read "Municipal staff trainer"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import page_context, save_form
from esitlik.training import trainers as services
from esitlik.training.access import access_certification, access_trainer
from esitlik.training.forms_trainers import CertificationForm, TrainerFilterForm, TrainerForm
from esitlik.training.selectors_trainers import (
    EXPIRY_WARNING_DAYS,
    by_status,
    certification_rows,
    pool,
    sessions_given,
    shown_name,
    topic_choices,
    where_from,
)


@login_required
@require_GET
def trainer_list(request, slug):
    membership = access_membership_for(request, slug)
    municipality = membership.municipality
    form = TrainerFilterForm(request.GET or None, topics=topic_choices(municipality))
    data = form.cleaned_data if form.is_valid() else {}
    filters = {name: data[name] for name in ("topic", "certification") if data.get(name)}
    rows = pool(
        municipality,
        see_staff=can(membership, Perm.VIEW_STAFF),
        today=timezone.localdate(),
        **filters,
    )
    return render(
        request,
        "training/trainer_list.html",
        page_context(
            membership,
            form=form,
            groups=by_status(rows),
            shown=len(rows),
            filtered=bool(filters),
            warning_days=EXPIRY_WARNING_DAYS,
            can_manage=can(membership, Perm.MANAGE_TRAINING),
        ),
    )


@login_required
@require_GET
def trainer_detail(request, slug, trainer_id):
    membership = access_membership_for(request, slug)
    trainer = access_trainer(membership, trainer_id)
    see_staff = can(membership, Perm.VIEW_STAFF)
    return render(
        request,
        "training/trainer_detail.html",
        page_context(
            membership,
            trainer=trainer,
            name=shown_name(trainer, see_staff),
            where=where_from(trainer),
            see_staff=see_staff,
            certifications=certification_rows(trainer, timezone.localdate()),
            sessions=sessions_given(trainer),
            can_manage=can(membership, Perm.MANAGE_TRAINING),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def trainer_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    form = TrainerForm(
        request.POST or None,
        municipality=membership.municipality,
        initial={"kind": "internal", "status": "active"},
    )
    created = []
    if save_form(
        request,
        form,
        lambda data: created.append(
            services.trainer_create(municipality=membership.municipality, by=request.user, **data)
        ),
        _("The trainer was added to the pool."),
    ):
        return redirect("trainer_detail", slug=slug, trainer_id=created[0].pk)
    return render(
        request,
        "training/trainer_form.html",
        page_context(membership, form=form, heading=_("Add a trainer")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def trainer_edit(request, slug, trainer_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    trainer = access_trainer(membership, trainer_id)
    form = TrainerForm(
        request.POST or None,
        municipality=membership.municipality,
        trainer=trainer,
        initial=TrainerForm.initial_for(trainer),
    )
    if save_form(
        request,
        form,
        lambda data: services.trainer_update(trainer=trainer, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("trainer_detail", slug=slug, trainer_id=trainer.pk)
    if request.method == "POST":
        trainer = access_trainer(membership, trainer_id)  # the stored name, not a refused one
    return render(
        request,
        "training/trainer_form.html",
        page_context(membership, form=form, trainer=trainer, heading=trainer.display_name),
    )


def _certification_page(request, membership, trainer, form, heading, certification=None):
    return render(
        request,
        "training/certification_form.html",
        page_context(
            membership,
            form=form,
            trainer=trainer,
            certification=certification,
            heading=heading,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def certification_create(request, slug, trainer_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    trainer = access_trainer(membership, trainer_id)
    form = CertificationForm(request.POST or None)
    if save_form(
        request,
        form,
        lambda data: services.certification_add(trainer=trainer, by=request.user, **data),
        _("The certification was added."),
    ):
        return redirect("trainer_detail", slug=slug, trainer_id=trainer.pk)
    return _certification_page(request, membership, trainer, form, _("Add a certification"))


@login_required
@require_http_methods(["GET", "POST"])
def certification_edit(request, slug, trainer_id, certification_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    trainer = access_trainer(membership, trainer_id)
    certification = access_certification(trainer, certification_id)
    form = CertificationForm(
        request.POST or None, initial=CertificationForm.initial_for(certification)
    )
    if save_form(
        request,
        form,
        lambda data: services.certification_update(
            certification=certification, by=request.user, **data
        ),
        _("Saved."),
    ):
        return redirect("trainer_detail", slug=slug, trainer_id=trainer.pk)
    if request.method == "POST":
        certification.refresh_from_db()
    return _certification_page(
        request, membership, trainer, form, certification.title, certification
    )


@login_required
@require_http_methods(["GET", "POST"])
def certification_delete(request, slug, trainer_id, certification_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    trainer = access_trainer(membership, trainer_id)
    certification = access_certification(trainer, certification_id)
    if request.method == "POST":
        services.certification_delete(certification=certification, by=request.user)
        messages.success(request, _("The certification was deleted."))
        return redirect("trainer_detail", slug=slug, trainer_id=trainer.pk)
    return render(
        request,
        "training/certification_delete.html",
        page_context(membership, trainer=trainer, certification=certification),
    )
