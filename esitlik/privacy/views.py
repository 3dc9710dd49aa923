"""The personal data pages: requests from a person (search, export, erase, answer) and the
consent records of contact people and trainers. Views authorise, validate and delegate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm
from esitlik.core.views.util import apply_validation_error, page_context, save_form
from esitlik.participation.models import ContactPerson
from esitlik.privacy import exporting, services
from esitlik.privacy.access import (
    HANDLE_REQUESTS,
    access_consent,
    access_contact,
    access_request,
    access_trainer,
    can_change,
    can_record_for_contacts,
)
from esitlik.privacy.erasure import person_erase
from esitlik.privacy.forms import AnswerForm, ConsentForm, RequestForm, SearchForm, WithdrawForm
from esitlik.privacy.models import DataRequest
from esitlik.privacy.people import PLACES, Terms, find

NO_STORE = "private, no-store"


@login_required
@require_GET
def request_list(request, slug):
    membership = access_membership_for(request, slug, HANDLE_REQUESTS)
    rows = DataRequest.objects.filter(municipality=membership.municipality)
    return render(
        request,
        "privacy/request_list.html",
        page_context(membership, rows=rows, today=timezone.localdate()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request, slug):
    membership = access_membership_for(request, slug, HANDLE_REQUESTS)
    form = RequestForm(request.POST or None, initial={"received_on": timezone.localdate()})
    made = []
    if save_form(
        request,
        form,
        lambda data: made.append(
            services.request_create(municipality=membership.municipality, by=request.user, **data)
        ),
        _("The request was recorded. Look the person up to see what is held."),
    ):
        return redirect("privacy_request_detail", slug=slug, request_id=made[0].pk)
    return render(request, "privacy/request_form.html", page_context(membership, form=form))


def _shown(sections: dict) -> dict:
    """Lists written out, for the page."""
    return {
        key: [
            {k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
            for row in rows
        ]
        for key, rows in sections.items()
    }


def _terms(form) -> Terms:
    data = form.cleaned_data
    return Terms.of(data.get("name"), data.get("email"), data.get("phone"))


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, slug, request_id):
    """GET: the request and the search form. POST (the search): what is held, with the
    export and erase buttons. Names are posted, never put in an address, so they stay out
    of server logs and browser history."""
    membership = access_membership_for(request, slug, HANDLE_REQUESTS)
    data_request = access_request(membership, request_id)
    form = SearchForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = find(membership.municipality, _terms(form))
    response = render(
        request,
        "privacy/request_detail.html",
        page_context(
            membership,
            data_request=data_request,
            form=form,
            found=found,
            sections=_shown(exporting.sections(found)) if found else None,
            export_formats=[("json", _("Export as JSON")), ("xlsx", _("Export as XLSX"))],
            places=PLACES,
            answer_form=AnswerForm(),
        ),
    )
    response["Cache-Control"] = NO_STORE
    return response


@login_required
@require_POST
def request_export(request, slug, request_id, format):
    membership = access_membership_for(request, slug, HANDLE_REQUESTS)
    data_request = access_request(membership, request_id)
    if format not in ("json", "xlsx"):
        raise Http404
    form = SearchForm(request.POST)
    if not form.is_valid():
        raise Http404
    found = find(membership.municipality, _terms(form))
    services.person_exported(request=data_request, found=found, by=request.user, fmt=format)
    if format == "json":
        body, kind = exporting.as_json(found), "application/json"
    else:
        body = exporting.as_xlsx(found)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = (
        f'attachment; filename="kisisel-veri-talep-{data_request.pk}.{format}"'
    )
    response["Cache-Control"] = NO_STORE
    return response


@login_required
@require_POST
def request_erase(request, slug, request_id):
    membership = access_membership_for(request, slug, HANDLE_REQUESTS)
    data_request = access_request(membership, request_id)
    form = SearchForm(request.POST)
    if not form.is_valid() or request.POST.get("confirm") != "yes":
        messages.error(request, _("Nothing was erased: tick the box to confirm the erasure."))
        return redirect("privacy_request_detail", slug=slug, request_id=data_request.pk)
    found = find(membership.municipality, _terms(form))
    try:
        erased = person_erase(request=data_request, found=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The person's data was erased; they are now “%(label)s”.") % {"label": erased.label},
        )
    return redirect("privacy_request_detail", slug=slug, request_id=data_request.pk)


@login_required
@require_POST
def request_answer(request, slug, request_id):
    membership = access_membership_for(request, slug, HANDLE_REQUESTS)
    data_request = access_request(membership, request_id)
    form = AnswerForm(request.POST)
    if form.is_valid():
        services.request_answer(
            request=data_request, by=request.user, outcome=form.cleaned_data["outcome"]
        )
        messages.success(request, _("The request was marked answered."))
    else:
        messages.error(request, _("Say what was done."))
    return redirect("privacy_request_detail", slug=slug, request_id=data_request.pk)


def _consent_page(request, membership, *, contact=None, trainer=None):
    form = ConsentForm(request.POST or None, initial={"given_on": timezone.localdate()})
    if save_form(
        request,
        form,
        lambda data: services.consent_record(
            by=request.user, contact=contact, trainer=trainer, **data
        ),
        _("The consent was recorded."),
    ):
        return redirect(request.path)
    subject = contact or trainer
    consents = subject.consents.all()
    return render(
        request,
        "privacy/consents.html",
        page_context(
            membership,
            contact=contact,
            trainer=trainer,
            consents=consents,
            form=form,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_consents(request, slug, contact_id):
    membership = access_membership_for(request, slug, Perm.RECORD_PARTICIPATION)
    if not can_record_for_contacts(membership):
        raise PermissionDenied
    return _consent_page(request, membership, contact=access_contact(membership, contact_id))


@login_required
@require_http_methods(["GET", "POST"])
def trainer_consents(request, slug, trainer_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TRAINING)
    return _consent_page(request, membership, trainer=access_trainer(membership, trainer_id))


@login_required
@require_http_methods(["GET", "POST"])
def consent_withdraw(request, slug, consent_id):
    membership = access_membership_for(request, slug, Perm.VIEW_INTERNAL)
    consent = access_consent(membership, consent_id)
    if not can_change(membership, consent):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        contact = consent.contact
        stakeholder_id = contact.stakeholder_id if contact else None
        try:
            done = services.consent_withdraw(consent=consent, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, done)
            if consent.trainer_id:
                return redirect(
                    "privacy_trainer_consents", slug=slug, trainer_id=consent.trainer_id
                )
            if contact is not None and ContactPerson.objects.filter(pk=consent.contact_id).exists():
                return redirect(
                    "privacy_contact_consents", slug=slug, contact_id=consent.contact_id
                )
            if stakeholder_id:
                return redirect("stakeholder_detail", slug=slug, stakeholder_id=stakeholder_id)
            return redirect("privacy_requests", slug=slug)
    return render(
        request,
        "privacy/consent_withdraw.html",
        page_context(membership, consent=consent, form=form),
    )
