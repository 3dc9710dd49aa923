"""Writes to the staff register, the role categories and the typed-in workforce figures.

Staff people are personal data kept for one purpose: knowing who has been trained. Their
name is matched the Turkish way ("AYŞE YILMAZ" is "Ayşe Yılmaz"); a staff number, when the
municipality uses them, is unique."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record, check_version, created, save_and_audit, snapshot
from esitlik.core.models import Municipality
from esitlik.core.sex import Sex
from esitlik.core.text import tr_casefold
from esitlik.training.models import RoleCategory, StaffMember, WorkforceFigure

# Every municipality starts with these (Turkish, English); it may rename, add and retire.
DEFAULT_ROLE_CATEGORIES = (
    ("Daire başkanı", "Department head"),
    ("Şube müdürü", "Branch manager"),
    ("Birim personeli", "Unit staff"),
    ("Koordinatör / odak kişi", "Coordinator / focal point"),
    ("Diğer", "Other"),
)
STAFF_FIELDS = ("name", "staff_number", "directorate", "role_category", "sex", "is_active")
NAME_MAX = StaffMember._meta.get_field("name").max_length


def name_key(name: str) -> str:
    return tr_casefold(name)


def role_categories_seed(municipality: Municipality) -> None:
    """Give a municipality the default role categories, once."""
    if RoleCategory.objects.filter(municipality=municipality).exists():
        return
    RoleCategory.objects.bulk_create(
        RoleCategory(
            municipality=municipality,
            name={"tr": tr, "en": en},
            key=name_key(tr),
            position=position,
        )
        for position, (tr, en) in enumerate(DEFAULT_ROLE_CATEGORIES, start=1)
    )


def _check_category(category: RoleCategory) -> None:
    turkish = " ".join(str(category.name.get("tr", "")).split())
    if not turkish:
        raise ValidationError({"name": _("Give the category's Turkish name.")})
    category.name = {**category.name, "tr": turkish}
    category.key = name_key(turkish)
    clash = (
        RoleCategory.objects.filter(municipality_id=category.municipality_id, key=category.key)
        .exclude(pk=category.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"name": _("“%(name)s” is already a category.") % {"name": turkish}})


@transaction.atomic
def role_category_create(*, municipality: Municipality, name: dict, by) -> RoleCategory:
    last = RoleCategory.objects.filter(municipality=municipality).order_by("-position").first()
    category = RoleCategory(
        municipality=municipality, name=dict(name), position=(last.position + 1) if last else 1
    )
    _check_category(category)
    category.full_clean()
    category.save()
    audit_record(
        action="training.role_category.created",
        actor=by,
        municipality=municipality,
        obj=category,
        changes=created(category, ("name",)),
    )
    return category


@transaction.atomic
def role_category_update(*, category: RoleCategory, by, **values) -> RoleCategory:
    fields = [name for name in values if name in ("name", "position", "is_active")]
    before = snapshot(category, fields)
    old_key = category.key
    for name in fields:
        setattr(category, name, dict(values[name]) if name == "name" else values[name])
    _check_category(category)
    category.full_clean()
    save_and_audit(
        category,
        before,
        action="training.role_category.updated",
        actor=by,
        municipality=category.municipality,
    )
    if category.key != old_key:  # a rename: sheets are matched by the new name from now on
        category.save(update_fields=["key"])
    return category


@transaction.atomic
def role_category_delete(*, category: RoleCategory, by) -> None:
    """Remove a category nothing names (a typo, a duplicate). One that staff or workforce
    figures name is refused: it can be taken out of use instead, so figures keep it."""
    people = StaffMember.objects.filter(role_category=category).count()
    years = WorkforceFigure.objects.filter(role_category=category).count()
    if people or years:
        raise ValidationError(
            _(
                "“%(name)s” is still used (staff: %(people)d, years of workforce figures: "
                "%(years)d); take it out of use instead of deleting it."
            )
            % {"name": category, "people": people, "years": years},
            code="in_use",
        )
    audit_record(
        action="training.role_category.deleted",
        actor=by,
        municipality=category.municipality,
        obj=category,
        changes=created(category, ("name",)),
    )
    category.delete()


def _check_staff(staff: StaffMember) -> None:
    errors = {}
    municipality_id = staff.municipality_id
    staff.name = " ".join(staff.name.split())
    staff.name_key = name_key(staff.name)
    staff.staff_number = "".join(staff.staff_number.split())
    if not staff.name:
        errors["name"] = _("Give the person's name and surname.")
    elif len(staff.name) > NAME_MAX:
        errors["name"] = _("A name can be at most %(max)d characters.") % {"max": NAME_MAX}
    if staff.sex not in Sex.values:
        errors["sex"] = _("Choose woman, man, other or not stated.")
    if staff.directorate_id and staff.directorate.municipality_id != municipality_id:
        errors["directorate"] = _("Choose a directorate of this municipality.")
    if staff.role_category_id and staff.role_category.municipality_id != municipality_id:
        errors["role_category"] = _("Choose a role category of this municipality.")
    if staff.staff_number:
        other = (
            StaffMember.objects.filter(
                municipality_id=municipality_id, staff_number=staff.staff_number
            )
            .exclude(pk=staff.pk)
            .first()
        )
        if other is not None:
            errors["staff_number"] = _("Staff number %(number)s is already %(name)s's.") % {
                "number": staff.staff_number,
                "name": other.name,
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def staff_create(
    *,
    municipality: Municipality,
    by,
    name: str,
    sex: str = Sex.NOT_STATED,
    staff_number: str = "",
    directorate=None,
    role_category=None,
) -> StaffMember:
    staff = StaffMember(
        municipality=municipality,
        name=name,
        sex=sex,
        staff_number=staff_number or "",
        directorate=directorate,
        role_category=role_category,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    _check_staff(staff)
    staff.full_clean()
    staff.save()
    audit_record(
        action="training.staff.created",
        actor=by,
        municipality=municipality,
        obj=staff,
        changes=created(staff, STAFF_FIELDS[:-1]),
    )
    return staff


@transaction.atomic
def staff_update(*, staff: StaffMember, by, version: int | None = None, **values) -> StaffMember:
    check_version(staff, version)
    fields = [name for name in values if name in STAFF_FIELDS]
    before = snapshot(staff, fields)
    for name in fields:
        value = values[name]
        setattr(staff, name, (value or "") if name == "staff_number" else value)
    _check_staff(staff)
    staff.full_clean()
    save_and_audit(
        staff, before, action="training.staff.updated", actor=by, municipality=staff.municipality
    )
    return staff


@transaction.atomic
def workforce_set(
    *, municipality: Municipality, year: int, by, figures: dict[RoleCategory, tuple[int, int, int]]
) -> list[WorkforceFigure]:
    """Enter the year's workforce by role category as (women, men, other or not stated).
    A category given as (0, 0, 0) is removed from the year; the rest replace what was there."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
    errors = {}
    for category, counts in figures.items():
        if category.municipality_id != municipality.pk:
            errors["figures"] = _("Choose role categories of this municipality.")
        elif any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in counts):
            errors[f"figures_{category.pk}"] = _(
                "The counts for %(category)s must be whole numbers, 0 or more."
            ) % {"category": category}
    if errors:
        raise ValidationError(errors)
    existing = {
        figure.role_category_id: figure
        for figure in WorkforceFigure.objects.filter(municipality=municipality, year=year)
    }
    changes, saved = {}, []
    for category, (women, men, other) in figures.items():
        figure = existing.get(category.pk)
        old = (figure.women, figure.men, figure.other) if figure else None
        new = (women, men, other)
        if old == new or (old is None and not any(new)):
            if figure:
                saved.append(figure)
            continue
        changes[category.name["tr"]] = {"old": list(old) if old else None, "new": list(new)}
        if not any(new):
            figure.delete()
            continue
        figure = figure or WorkforceFigure(
            municipality=municipality, year=year, role_category=category
        )
        figure.women, figure.men, figure.other = new
        figure.save()
        saved.append(figure)
    if changes:
        audit_record(
            action="training.workforce.set",
            actor=by,
            municipality=municipality,
            changes=changes,
            object_repr=_("Workforce %(year)d") % {"year": year},
        )
    return saved
