"""The council decision document of an approved plan: a scan or PDF of the decision that
adopted it, kept with the plan and served only to members of the municipality.

The file is checked twice: by its extension, and by its first bytes, so a renamed
executable or HTML page cannot pass as a PDF. A replaced document stays on disk; the audit
entry names both the old and the new file, so nothing is lost without a trace.
"""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record
from esitlik.plans.models import ActionPlan

# extension → (what the file must start with, content type it is served as)
DECISION_TYPES = {
    ".pdf": (b"%PDF-", "application/pdf"),
    ".png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    ".jpg": (b"\xff\xd8\xff", "image/jpeg"),
    ".jpeg": (b"\xff\xd8\xff", "image/jpeg"),
}
DECISION_MAX_BYTES = 10 * 1024 * 1024
# Room for "decisions/<municipality id>/" and a suffix the storage may add to a taken name,
# within the field's 300 characters.
NAME_MAX = 150


def _checked_name(upload) -> str:
    """The upload's own file name, once it is known to be a PDF, PNG or JPEG of fair size."""
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in DECISION_TYPES:
        raise ValidationError(
            {
                "document": _(
                    "Attach the decision as a PDF, PNG or JPEG file; “%(name)s” is not one."
                )
                % {"name": name}
            }
        )
    if upload.size > DECISION_MAX_BYTES:
        raise ValidationError({"document": _("The decision document can be at most 10 MB.")})
    if upload.size == 0:
        raise ValidationError({"document": _("The file is empty.")})
    magic = DECISION_TYPES[suffix][0]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise ValidationError(
            {
                "document": _(
                    "“%(name)s” is not a real %(kind)s file: its contents do not match its "
                    "name. Save or scan it again and attach that file."
                )
                % {"name": name, "kind": suffix[1:].upper()}
            }
        )
    stem = PurePath(name).stem[: NAME_MAX - len(suffix)] or "karar"
    return stem + suffix


def content_type_of(plan: ActionPlan) -> str:
    suffix = PurePath(plan.decision_document.name).suffix.lower()
    return DECISION_TYPES.get(suffix, (b"", "application/octet-stream"))[1]


def download_name(plan: ActionPlan) -> str:
    """ornek-yeep-3-meclis-karari.pdf: ASCII, so every browser keeps it as it is."""
    suffix = PurePath(plan.decision_document.name).suffix.lower()
    return f"{plan.municipality.slug}-yeep-{plan.edition}-meclis-karari{suffix}"


@transaction.atomic
def plan_decision_upload(*, plan: ActionPlan, upload, by) -> ActionPlan:
    """Attach (or replace) the council decision document of an approved plan."""
    plan = ActionPlan.objects.select_for_update().select_related("municipality").get(pk=plan.pk)
    if plan.status not in ActionPlan.ADOPTED:
        raise ValidationError(
            {
                "document": _(
                    "The decision document can be attached once the council has approved the plan."
                )
            }
        )
    name = _checked_name(upload)
    old = plan.decision_document.name or None
    # The storage picks a free name (never overwriting the old file); the old file is kept.
    plan.decision_document.save(name, upload, save=False)
    plan.save(update_fields=["decision_document"])
    audit_record(
        action="plans.plan.decision_uploaded",
        actor=by,
        municipality=plan.municipality,
        obj=plan,
        changes={"decision_document": {"old": old, "new": plan.decision_document.name}},
    )
    return plan
