"""The headings people mapped by hand, which the import remembers for the next file of the
same directorate and kind (``ingest.columns.remember``): listed so a wrong one can be seen
and forgotten. Every member inside reads the list; a mapping is forgotten by whoever may
import for its directorate (the equality unit for those of no directorate)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from esitlik.core.access import access_membership_for
from esitlik.core.i18n_text import localized
from esitlik.core.text import tr_sort_key
from esitlik.core.views.util import page_context
from esitlik.datasets.access import access_mapping, can_import_for
from esitlik.datasets.dimensions import spec_for
from esitlik.datasets.ingest import columns
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ColumnMapping


def _field_labels(municipality_id: int) -> dict[tuple[str, str], str]:
    labels = {}
    for kind in Kind:
        for spec_field in spec_for(municipality_id, kind).all_fields():
            labels[(kind.value, spec_field.key)] = spec_field.column.header()
    return labels


@login_required
@require_GET
def mapping_list(request, slug):
    membership = access_membership_for(request, slug)
    labels = _field_labels(membership.municipality_id)
    rows = []
    mappings = ColumnMapping.objects.filter(municipality_id=membership.municipality_id)
    for mapping in mappings.select_related("directorate"):
        rows.append(
            {
                "mapping": mapping,
                "kind": Kind(mapping.kind).label,
                "directorate": localized(mapping.directorate.name) if mapping.directorate else "",
                # A field that is gone (a dimension removed since) shows its key.
                "field": labels.get((mapping.kind, mapping.field), mapping.field)
                if mapping.field
                else "",
                "gone": bool(mapping.field) and (mapping.kind, mapping.field) not in labels,
                "may_forget": can_import_for(membership, mapping.directorate),
            }
        )
    rows.sort(
        key=lambda row: (
            str(row["kind"]),
            tr_sort_key(row["directorate"]),
            tr_sort_key(row["mapping"].header),
        )
    )
    return render(
        request,
        "datasets/mapping_list.html",
        page_context(membership, rows=rows, current="mappings"),
    )


@login_required
@require_POST
def mapping_forget(request, slug, mapping_id):
    membership = access_membership_for(request, slug)
    mapping = access_mapping(membership, mapping_id)
    if not can_import_for(membership, mapping.directorate):
        raise PermissionDenied
    columns.forget(mapping, by=request.user)
    messages.success(
        request,
        _("“%(header)s” is forgotten: the next file's column is proposed afresh.")
        % {"header": mapping.header},
    )
    return redirect("dataset_mapping_list", slug=slug)
