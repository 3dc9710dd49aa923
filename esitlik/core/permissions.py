"""What each role may do inside a municipality.

The matrix is the single source of truth: views ask ``can(membership, Perm.X)`` and tests walk
the matrix cell by cell. Later capabilities add permissions here, never ad-hoc role checks.
"""

from __future__ import annotations

from enum import StrEnum

from esitlik.core.models import Role


class Perm(StrEnum):
    VIEW_PUBLISHED = "view_published"  # published figures and the municipality summary
    VIEW_INTERNAL = "view_internal"  # everything inside the municipality's space
    EDIT_OWN_DIRECTORATE = "edit_own_directorate"
    MANAGE_STRUCTURE = "manage_structure"  # directorates of the whole municipality
    MANAGE_MEMBERS = "manage_members"  # invitations, roles, removal
    VIEW_AUDIT = "view_audit"
    RECORD_REVIEW = "record_review"  # commission reviews of plans and reports
    MANAGE_TAG_SETS = "manage_tag_sets"  # the municipality's own framework tag sets
    MANAGE_PLANS = "manage_plans"  # plan editions and their lifecycle
    # Stakeholders, events and the inputs raised at them. Focal points record the meetings
    # their directorates hold; what becomes of an input is the equality unit's decision.
    RECORD_PARTICIPATION = "record_participation"
    DECIDE_INPUTS = "decide_inputs"
    # Names, e-mails and phones of stakeholders' contact people (personal data under KVKK).
    VIEW_CONTACTS = "view_contacts"
    # Contact people in a downloaded file: only the equality unit, only when it asks.
    EXPORT_CONTACTS = "export_contacts"
    # Programmes, the trainer pool, role categories and workforce figures: the equality unit.
    MANAGE_TRAINING = "manage_training"
    # Sessions and who attended: also the focal points, for their directorates' trainings.
    RECORD_TRAINING = "record_training"
    # Names of staff who attended or give trainings (personal data, never published).
    VIEW_STAFF = "view_staff"
    # Importing datasets: the equality unit for any directorate, a focal point for their own.
    IMPORT_DATA = "import_data"
    # The service catalogue, expected data, withdrawing anyone's import: the equality unit.
    MANAGE_DATA = "manage_data"
    # Figures before disclosure control (small counts shown). Everyone else, inside the
    # municipality or outside, sees the controlled figures that may leave the unit.
    VIEW_UNSUPPRESSED = "view_unsuppressed"
    # Asking for reports, publishing and withdrawing them: the equality unit. Who may read a
    # report follows its version: internal ones need view_unsuppressed, published ones
    # view_published.
    MAKE_REPORTS = "make_reports"


MATRIX: dict[str, frozenset[Perm]] = {
    Role.EQUALITY_ADMIN: frozenset(Perm),
    Role.FOCAL_POINT: frozenset(
        {
            Perm.VIEW_PUBLISHED,
            Perm.VIEW_INTERNAL,
            Perm.EDIT_OWN_DIRECTORATE,
            Perm.RECORD_PARTICIPATION,
            Perm.VIEW_CONTACTS,
            Perm.RECORD_TRAINING,
            Perm.VIEW_STAFF,
            Perm.IMPORT_DATA,
            Perm.VIEW_UNSUPPRESSED,
        }
    ),
    Role.COMMISSION_MEMBER: frozenset(
        {Perm.VIEW_PUBLISHED, Perm.VIEW_INTERNAL, Perm.RECORD_REVIEW}
    ),
    Role.MONITOR: frozenset({Perm.VIEW_PUBLISHED, Perm.VIEW_INTERNAL}),
    Role.NETWORK_COORDINATOR: frozenset({Perm.VIEW_PUBLISHED}),
}


def can(membership, perm: Perm) -> bool:
    return membership is not None and perm in MATRIX.get(membership.role, frozenset())


def can_edit_directorate(membership, directorate) -> bool:
    """Admins edit every directorate; a focal point the one they act for and its sub-units
    (a department's focal point also answers for its branches)."""
    if can(membership, Perm.MANAGE_STRUCTURE):
        return True
    if not can(membership, Perm.EDIT_OWN_DIRECTORATE):
        return False
    return membership.directorate_id in {directorate.pk, *(d.pk for d in directorate.ancestors())}
