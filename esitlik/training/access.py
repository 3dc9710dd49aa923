"""Loading the records named in a training URL, always inside the membership's municipality
(another tenant's id is a 404), and who may change a session."""

from django.http import Http404

from esitlik.core.models import Membership
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.training.models import (
    Certification,
    Programme,
    RoleCategory,
    StaffMember,
    Trainer,
    TrainingSession,
)


def _get(queryset, membership: Membership, pk: int, field: str = "municipality_id"):
    try:
        return queryset.get(pk=pk, **{field: membership.municipality_id})
    except queryset.model.DoesNotExist:
        raise Http404 from None


def access_programme(membership: Membership, programme_id: int) -> Programme:
    return _get(Programme.objects.all(), membership, programme_id)


def access_session(membership: Membership, session_id: int) -> TrainingSession:
    return _get(
        TrainingSession.objects.select_related("programme", "directorate"), membership, session_id
    )


def access_staff(membership: Membership, staff_id: int) -> StaffMember:
    return _get(
        StaffMember.objects.select_related("directorate", "role_category"), membership, staff_id
    )


def access_trainer(membership: Membership, trainer_id: int) -> Trainer:
    return _get(Trainer.objects.select_related("staff"), membership, trainer_id)


def access_certification(trainer: Trainer, certification_id: int) -> Certification:
    try:
        return Certification.objects.get(pk=certification_id, trainer=trainer)
    except Certification.DoesNotExist:
        raise Http404 from None


def access_role_category(membership: Membership, category_id: int) -> RoleCategory:
    return _get(RoleCategory.objects.all(), membership, category_id)


def can_edit_session(membership: Membership, session: TrainingSession) -> bool:
    """The equality unit changes every session; a focal point the sessions they recorded and
    those their directorate (or a branch of it) organised."""
    if can(membership, Perm.MANAGE_TRAINING):
        return True
    if not can(membership, Perm.RECORD_TRAINING):
        return False
    if session.created_by_id == membership.user_id:
        return True
    return session.directorate is not None and can_edit_directorate(membership, session.directorate)
