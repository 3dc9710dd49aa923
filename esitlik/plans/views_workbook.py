"""The plan's Excel round trip: download the plan as a workbook, upload it back.

What an import may change depends on the plan's status and the user's role; the rules are in
``workbook/load.py`` and the page says them before the file is chosen.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can
from esitlik.plans import services, structure
from esitlik.plans.access import access_plan
from esitlik.plans.forms import WorkbookImportForm
from esitlik.plans.workbook.export import plan_workbook
from esitlik.plans.workbook.load import workbook_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@never_cache
def plan_export(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    response = HttpResponse(plan_workbook(plan), content_type=XLSX)
    filename = f"{membership.municipality.slug}-yeep-{plan.edition}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    manage = can(membership, Perm.MANAGE_PLANS)
    if not (manage or can(membership, Perm.EDIT_OWN_DIRECTORATE)):
        raise PermissionDenied
    plan = access_plan(membership, plan_id)
    form = WorkbookImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = workbook_import(
            plan=plan, membership=membership, by=request.user, data=upload.read(), name=upload.name
        )
        if outcome.ok:
            if outcome.created or outcome.updated:
                text = _("The workbook was imported. Added: %(created)s, changed: %(updated)s.")
                messages.success(
                    request, text % {"created": outcome.created, "updated": outcome.updated}
                )
            else:
                messages.info(request, _("The workbook was read; it changes nothing in the plan."))
            return redirect("plan_detail", slug=slug, plan_id=plan.pk)
        problems = outcome.problems
    return render(
        request,
        "plans/plan_import.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "plan": plan,
            "form": form,
            "problems": problems,
            "manage": manage,
            "editable": plan.status in services.EDITABLE_STATUSES,
            "reportable": plan.status in structure.REPORTABLE_STATUSES,
        },
    )
