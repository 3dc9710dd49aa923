from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from esitlik.core import selectors
from esitlik.core.access import access_membership_for
from esitlik.core.audit import ACTION_LABELS, change_rows
from esitlik.core.forms import AuditFilterForm
from esitlik.core.permissions import Perm


@login_required
def audit_log(request, slug):
    membership = access_membership_for(request, slug, Perm.VIEW_AUDIT)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.audit_entries(membership.municipality, **filters)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.label = ACTION_LABELS.get(entry.action, entry.action)
        entry.change_rows = change_rows(entry)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_log.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "form": form,
            "page": page,
            "query": query.urlencode(),
        },
    )
