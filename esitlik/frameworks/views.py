"""Browsing the reference frameworks and keeping the municipality's own tag sets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.core.views.util import save_form
from esitlik.frameworks import selectors, services
from esitlik.frameworks.access import access_framework, access_own_tag
from esitlik.frameworks.forms import TagForm, TagSetForm


@login_required
def framework_list(request, slug):
    membership = access_membership_for(request, slug)
    frameworks = list(selectors.frameworks_for(membership.municipality))
    return render(
        request,
        "frameworks/framework_list.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "reference": [f for f in frameworks if f.is_reference],
            "own": [f for f in frameworks if not f.is_reference],
            "can_manage": can(membership, Perm.MANAGE_TAG_SETS),
        },
    )


@login_required
def framework_detail(request, slug, framework_id):
    membership = access_membership_for(request, slug)
    framework = access_framework(membership, framework_id)
    return render(
        request,
        "frameworks/framework_detail.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "framework": framework,
            "rows": selectors.item_tree(framework),
            "can_manage": not framework.is_reference and can(membership, Perm.MANAGE_TAG_SETS),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def tag_set_create(request, slug):
    membership = access_membership_for(request, slug, Perm.MANAGE_TAG_SETS)
    form = TagSetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        framework = services.tag_set_create(
            municipality=membership.municipality, title=form.cleaned_data["title"], by=request.user
        )
        messages.success(request, _("The tag set was created. Add its tags now."))
        return redirect("framework_detail", slug=slug, framework_id=framework.pk)
    return render(
        request,
        "frameworks/form.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "form": form,
            "heading": _("New tag set"),
        },
    )


def _own_framework(request, slug, framework_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_TAG_SETS)
    framework = access_framework(membership, framework_id)
    if framework.is_reference:
        raise PermissionDenied
    return membership, framework


@login_required
@require_http_methods(["GET", "POST"])
def tag_set_edit(request, slug, framework_id):
    membership, framework = _own_framework(request, slug, framework_id)
    form = TagSetForm(request.POST or None, initial={"title": framework.title})
    if request.method == "POST" and form.is_valid():
        services.tag_set_update(
            framework=framework, title=form.cleaned_data["title"], by=request.user
        )
        messages.success(request, _("Saved."))
        return redirect("framework_detail", slug=slug, framework_id=framework.pk)
    return render(
        request,
        "frameworks/form.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "form": form,
            "heading": str(framework),
            "back": framework,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def tag_create(request, slug, framework_id):
    membership, framework = _own_framework(request, slug, framework_id)
    form = TagForm(request.POST or None)

    def write(data):
        services.tag_create(
            framework=framework, code=data["code"], title=data["title"], by=request.user
        )

    if save_form(request, form, write, _("The tag was added.")):
        return redirect("framework_detail", slug=slug, framework_id=framework.pk)
    return render(
        request,
        "frameworks/form.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "form": form,
            "heading": _("Add a tag to %(set)s") % {"set": framework},
            "back": framework,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def tag_edit(request, slug, framework_id, item_id):
    membership, framework = _own_framework(request, slug, framework_id)
    item = access_own_tag(membership, framework, item_id)
    form = TagForm(
        request.POST or None,
        initial={"code": item.code, "title": item.title, "is_active": item.is_active},
    )
    if save_form(
        request,
        form,
        lambda data: services.tag_update(item=item, by=request.user, **data),
        _("Saved."),
    ):
        return redirect("framework_detail", slug=slug, framework_id=framework.pk)
    return render(
        request,
        "frameworks/form.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "form": form,
            "heading": str(item),
            "back": framework,
        },
    )
