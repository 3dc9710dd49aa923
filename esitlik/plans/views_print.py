"""The printable plan (a page and a PDF from one template) and the council decision document."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from esitlik.core.access import access_membership_for
from esitlik.core.csp import allow_style
from esitlik.core.pdf import html_to_pdf, page_margins_css
from esitlik.core.permissions import Perm
from esitlik.core.views.util import save_form
from esitlik.plans import decision, printable
from esitlik.plans.access import access_plan
from esitlik.plans.forms import DecisionDocumentForm
from esitlik.plans.models import ActionPlan

TEMPLATE = "plans/print/plan.html"


def _render_plan(membership, plan, language: str, *, for_pdf: bool) -> tuple[str, str]:
    """The plan as HTML in ``language`` (a page, or the source WeasyPrint turns into a PDF)
    and the text of its one ``<style>`` element."""
    with translation.override(language):
        doc = printable.gather(plan)
        # Texts of the page margins (running header, page numbers) live in CSS strings.
        page_css = page_margins_css(
            left=doc.municipality,
            right=f"{doc.title} · {doc.period}",
            bottom_left=None if doc.adopted else _("Draft, not adopted by the council"),
        )
        html = render_to_string(
            TEMPLATE,
            {
                "doc": doc,
                "plan": plan,
                "municipality": membership.municipality,
                "for_pdf": for_pdf,
                "page_css": page_css,
                "other_language": "en" if language == "tr" else "tr",
            },
        )
        return html, page_css


def _private(response):
    # Internal plans and council documents must not sit in shared caches.
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def plan_print(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    language = printable.choose_language(request.GET.get("lang"))
    html, page_css = _render_plan(membership, plan, language, for_pdf=False)
    return _private(allow_style(HttpResponse(html), page_css))


@login_required
@require_GET
def plan_pdf(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    language = printable.choose_language(request.GET.get("lang"))
    html, _page_css = _render_plan(membership, plan, language, for_pdf=True)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=printable.pdf_filename(plan, language)
    )
    return _private(response)


@login_required
@require_http_methods(["GET", "POST"])
def plan_decision_upload(request, slug, plan_id):
    membership = access_membership_for(request, slug, Perm.MANAGE_PLANS)
    plan = access_plan(membership, plan_id)
    form = DecisionDocumentForm(request.POST or None, request.FILES or None)

    def write(data):
        decision.plan_decision_upload(plan=plan, upload=data["document"], by=request.user)

    if save_form(request, form, write, _("The council decision document is attached.")):
        return redirect("plan_detail", slug=slug, plan_id=plan.pk)
    return render(
        request,
        "plans/decision_upload.html",
        {
            "membership": membership,
            "municipality": membership.municipality,
            "plan": plan,
            "form": form,
            "adopted": plan.status in ActionPlan.ADOPTED,
        },
    )


@login_required
@require_GET
def plan_decision_download(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    if not plan.decision_document:
        raise Http404
    try:
        handle = plan.decision_document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=decision.download_name(plan),
        content_type=decision.content_type_of(plan),
    )
    return _private(response)
