"""The API tokens page: a member makes and revokes their own tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from esitlik.api.forms import TokenForm
from esitlik.api.models import ApiToken
from esitlik.api.tokens import token_create, token_revoke, tokens_of
from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm
from esitlik.core.views.util import page_context


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request, slug):
    """The member's tokens; a new one is shown once, on the page that made it."""
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        token, new_token = token_create(
            membership=membership,
            name=form.cleaned_data["name"],
            by=request.user,
            lifetime_days=form.cleaned_data["lifetime"],
        )
        form = TokenForm()
    return render(
        request,
        "api/token_list.html",
        page_context(membership, tokens=tokens_of(membership), form=form, new_token=new_token),
    )


@login_required
@require_POST
def token_revoke_view(request, slug, token_id):
    membership = access_membership_for(request, slug, Perm.VIEW_PUBLISHED)
    # Only one's own tokens: anyone else's, in this municipality or another, is a 404.
    token = ApiToken.objects.filter(pk=token_id, membership=membership).first()
    if token is None:
        raise Http404
    token_revoke(token=token, by=request.user)
    messages.success(request, _("The token is revoked."))
    return redirect("api_token_list", slug=slug)
