"""The signed-in home, a municipality's dashboard and its settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core import selectors, services
from esitlik.core.access import access_membership_for
from esitlik.core.forms import MunicipalityForm
from esitlik.core.models import Role
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import apply_validation_error


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    memberships = selectors.memberships_of(request.user)
    if len(memberships) == 1:
        return redirect("dashboard", slug=memberships[0].municipality.slug)
    return render(
        request,
        "core/home.html",
        {"memberships": memberships, "networks": selectors.coordinated_networks(request.user)},
    )


@login_required
def dashboard(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    municipality = membership.municipality
    context = {
        "membership": membership,
        "municipality": municipality,
        "networks": selectors.coordinated_networks(request.user),
    }
    if can(membership, Perm.VIEW_INTERNAL):
        tree = selectors.directorate_tree(municipality, active_only=True)
        counts = selectors.role_counts(municipality)
        context.update(
            directorate_count=len(tree),
            top_level=[row.directorate for row in tree if row.depth == 0],
            role_counts=[(label, counts.get(value, 0)) for value, label in Role.choices],
        )
    if can(membership, Perm.VIEW_AUDIT):
        # Sign-ins would crowd out the changes; they stay in the full audit log.
        context["recent"] = selectors.audit_entries(municipality).exclude(
            action__startswith="core.user."
        )[:8]
    return render(request, "core/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def municipality_settings(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_STRUCTURE)
    municipality = membership.municipality
    form = MunicipalityForm(request.POST or None, instance=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.municipality_update(
                municipality=municipality, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("dashboard", slug=slug)
    if request.method == "POST":
        # ModelForm validation writes into the instance; re-read so the layout shows
        # the stored name, not the rejected one.
        municipality.refresh_from_db()
    return render(
        request,
        "core/municipality_form.html",
        {"membership": membership, "municipality": municipality, "form": form},
    )
