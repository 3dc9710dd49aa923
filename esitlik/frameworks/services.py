"""Writes for the municipality's own tag sets. Shared reference frameworks change only by
migration (see reference.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, created, save_and_audit, snapshot
from esitlik.core.models import Municipality
from esitlik.core.text import tr_lower
from esitlik.frameworks.models import Framework, FrameworkItem

TAG_FIELDS = ("code", "title", "is_active")


def _unique_code(municipality: Municipality, title: dict[str, str]) -> str:
    base = slugify(tr_lower(title.get("tr", "")).replace("ı", "i")) or "etiket"
    code, n = base[:50], 1
    while Framework.objects.filter(municipality=municipality, code=code).exists():
        n += 1
        code = f"{base[:45]}-{n}"
    return code


@transaction.atomic
def tag_set_create(*, municipality: Municipality, title: dict[str, str], by) -> Framework:
    framework = Framework(
        municipality=municipality,
        code=_unique_code(municipality, title),
        kind=Framework.Kind.CUSTOM,
        title=title,
        position=100,
    )
    framework.full_clean()
    framework.save()
    audit_record(
        action="frameworks.tag_set.created",
        actor=by,
        municipality=municipality,
        obj=framework,
        changes=created(framework, ("title",)),
    )
    return framework


def _own(framework: Framework) -> None:
    if framework.municipality_id is None:
        raise ValidationError(_("Reference frameworks cannot be changed here."))


@transaction.atomic
def tag_set_update(*, framework: Framework, title: dict[str, str], by) -> Framework:
    _own(framework)
    before = snapshot(framework, ("title",))
    framework.title = title
    framework.full_clean()
    save_and_audit(
        framework,
        before,
        action="frameworks.tag_set.updated",
        actor=by,
        municipality=framework.municipality,
    )
    return framework


def _check_code(framework: Framework, code: str, exclude_pk=None) -> str:
    code = code.strip()
    taken = framework.items.filter(code__iexact=code).exclude(pk=exclude_pk).exists()
    if taken:
        raise ValidationError({"code": _("Another tag of this set has this code.")})
    return code


@transaction.atomic
def tag_create(*, framework: Framework, code: str, title: dict[str, str], by) -> FrameworkItem:
    _own(framework)
    last = framework.items.order_by("-position").values_list("position", flat=True).first()
    item = FrameworkItem(
        framework=framework,
        code=_check_code(framework, code),
        kind=FrameworkItem.Kind.TAG,
        title=title,
        position=(last or 0) + 1,
    )
    item.full_clean()
    item.save()
    audit_record(
        action="frameworks.tag.created",
        actor=by,
        municipality=framework.municipality,
        obj=item,
        changes=created(item, TAG_FIELDS),
    )
    return item


@transaction.atomic
def tag_update(*, item: FrameworkItem, by, **values) -> FrameworkItem:
    _own(item.framework)
    fields = [name for name in values if name in TAG_FIELDS]
    before = snapshot(item, fields)
    for name in fields:
        setattr(item, name, values[name])
    if "code" in values:
        item.code = _check_code(item.framework, values["code"], exclude_pk=item.pk)
    item.full_clean()
    save_and_audit(
        item,
        before,
        action="frameworks.tag.updated",
        actor=by,
        municipality=item.framework.municipality,
    )
    return item
