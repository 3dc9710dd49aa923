"""Every write in core: one function per use case, atomic and audited.

Views, management commands, the demo loader and (later) the API call these, so a change made
anywhere is validated and logged the same way.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from esitlik.core.audit import audit_record, created, save_and_audit, snapshot
from esitlik.core.models import Directorate, Invitation, Membership, Municipality, Network, Role

User = get_user_model()

MUNICIPALITY_FIELDS = ("name", "slug", "province", "kind", "population")
DIRECTORATE_FIELDS = ("name", "level", "parent", "code", "description", "is_active")


@transaction.atomic
def municipality_create(
    *, name: str, slug: str, province: str, kind: str, population: int | None = None, by=None
) -> Municipality:
    municipality = Municipality(
        name=name.strip(), slug=slug, province=province.strip(), kind=kind, population=population
    )
    municipality.full_clean()
    municipality.save()
    audit_record(
        action="core.municipality.created",
        actor=by,
        municipality=municipality,
        obj=municipality,
        changes=created(municipality, MUNICIPALITY_FIELDS),
    )
    return municipality


@transaction.atomic
def municipality_update(*, municipality: Municipality, by, **values) -> Municipality:
    fields = [name for name in values if name in MUNICIPALITY_FIELDS and name != "slug"]
    before = snapshot(municipality, fields)
    for name in fields:
        setattr(municipality, name, values[name])
    municipality.full_clean()
    save_and_audit(
        municipality,
        before,
        action="core.municipality.updated",
        actor=by,
        municipality=municipality,
    )
    return municipality


def _check_parent(directorate: Directorate, parent: Directorate | None) -> None:
    if parent is None:
        return
    if parent.municipality_id != directorate.municipality_id:
        raise ValidationError({"parent": _("Choose a directorate of this municipality.")})
    node = parent
    while node is not None:
        if node.pk is not None and node.pk == directorate.pk:
            raise ValidationError(
                {"parent": _("A directorate cannot be placed under itself or its own units.")}
            )
        node = node.parent


@transaction.atomic
def directorate_create(
    *,
    municipality: Municipality,
    name: dict[str, str],
    level: str,
    parent: Directorate | None = None,
    code: str = "",
    description: str = "",
    by=None,
) -> Directorate:
    directorate = Directorate(
        municipality=municipality,
        name=name,
        level=level,
        parent=parent,
        code=code.strip(),
        description=description.strip(),
    )
    _check_parent(directorate, parent)
    directorate.full_clean()
    directorate.save()
    audit_record(
        action="core.directorate.created",
        actor=by,
        municipality=municipality,
        obj=directorate,
        changes=created(directorate, DIRECTORATE_FIELDS),
    )
    return directorate


@transaction.atomic
def directorate_update(*, directorate: Directorate, by, **values) -> Directorate:
    fields = [name for name in values if name in DIRECTORATE_FIELDS]
    before = snapshot(directorate, fields)
    for name in fields:
        value = values[name]
        setattr(directorate, name, value.strip() if isinstance(value, str) else value)
    if "parent" in values:
        _check_parent(directorate, values["parent"])
    directorate.full_clean()
    save_and_audit(
        directorate,
        before,
        action="core.directorate.updated",
        actor=by,
        municipality=directorate.municipality,
    )
    return directorate


def _check_role(municipality: Municipality, role: str, directorate: Directorate | None) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the listed roles.")})
    if role == Role.FOCAL_POINT and directorate is None:
        raise ValidationError({"directorate": _("A focal point needs a directorate.")})
    if directorate is not None and directorate.municipality_id != municipality.pk:
        raise ValidationError({"directorate": _("Choose a directorate of this municipality.")})


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    by=None,
):
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This user name is taken; choose another.")})
    user = User(
        username=username,
        email=email.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        action="core.user.created",
        actor=by,
        obj=user,
        changes=created(user, ("username", "email", "first_name", "last_name")),
    )
    return user


@transaction.atomic
def membership_create(
    *,
    user,
    municipality: Municipality,
    role: str,
    directorate: Directorate | None = None,
    by=None,
) -> Membership:
    _check_role(municipality, role, directorate)
    if Membership.objects.filter(user=user, municipality=municipality).exists():
        raise ValidationError(_("This person is already a member of this municipality."))
    if role != Role.FOCAL_POINT:
        directorate = None
    membership = Membership.objects.create(
        user=user, municipality=municipality, role=role, directorate=directorate
    )
    audit_record(
        action="core.membership.created",
        actor=by,
        municipality=municipality,
        obj=membership,
        changes=created(membership, ("user", "role", "directorate")),
    )
    return membership


def _ensure_another_admin(membership: Membership) -> None:
    others = (
        Membership.objects.filter(municipality=membership.municipality, role=Role.EQUALITY_ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )
    if membership.role == Role.EQUALITY_ADMIN and not others:
        raise ValidationError(
            _("Every municipality needs at least one equality unit admin; add another first.")
        )


@transaction.atomic
def membership_change_role(
    *, membership: Membership, role: str, directorate: Directorate | None = None, by
) -> Membership:
    _check_role(membership.municipality, role, directorate)
    if role != Role.EQUALITY_ADMIN:
        _ensure_another_admin(membership)
    before = snapshot(membership, ("role", "directorate"))
    membership.role = role
    membership.directorate = directorate if role == Role.FOCAL_POINT else None
    save_and_audit(
        membership,
        before,
        action="core.membership.role_changed",
        actor=by,
        municipality=membership.municipality,
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by) -> None:
    _ensure_another_admin(membership)
    audit_record(
        action="core.membership.removed",
        actor=by,
        municipality=membership.municipality,
        obj=membership,
        changes={"role": {"old": membership.role, "new": None}},
    )
    membership.delete()


def invitation_url(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("invitation_accept", args=[invitation.token])


@transaction.atomic
def invitation_create(
    *,
    municipality: Municipality,
    email: str,
    role: str,
    directorate: Directorate | None = None,
    by,
    language: str = "tr",
) -> Invitation:
    email = email.strip()
    _check_role(municipality, role, directorate)
    if Membership.objects.filter(municipality=municipality, user__email__iexact=email).exists():
        raise ValidationError({"email": _("Someone with this e-mail is already a member.")})
    invitation = Invitation(
        municipality=municipality,
        email=email,
        role=role,
        directorate=directorate if role == Role.FOCAL_POINT else None,
        invited_by=by,
    )
    invitation.full_clean()
    invitation.save()
    audit_record(
        action="core.invitation.created",
        actor=by,
        municipality=municipality,
        obj=invitation,
        changes=created(invitation, ("email", "role", "directorate")),
    )
    context = {"invitation": invitation, "url": invitation_url(invitation)}
    with override(language):
        subject = _("Invitation to esitlik: %(municipality)s") % {"municipality": municipality.name}
        body = render_to_string("core/email/invitation.txt", context)
    # Sent after commit so a rolled-back invitation never reaches anyone's inbox.
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email]))
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> None:
    invitation.expires_at = timezone.now()
    invitation.save(update_fields=["expires_at"])
    audit_record(
        action="core.invitation.revoked",
        actor=by,
        municipality=invitation.municipality,
        obj=invitation,
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """Turn an open invitation into a membership for ``user`` (new or existing)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has already been used or has expired."))
    membership = membership_create(
        user=user,
        municipality=invitation.municipality,
        role=invitation.role,
        directorate=invitation.directorate,
        by=user,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        action="core.invitation.accepted",
        actor=user,
        municipality=invitation.municipality,
        obj=invitation,
    )
    return membership


@transaction.atomic
def network_create(*, name: str, slug: str, municipalities=(), by=None) -> Network:
    network = Network(name=name.strip(), slug=slug)
    network.full_clean()
    network.save()
    network.municipalities.set(municipalities)
    audit_record(
        action="core.network.created",
        actor=by,
        obj=network,
        changes={"municipalities": {"old": None, "new": [str(m) for m in municipalities]}},
    )
    return network
