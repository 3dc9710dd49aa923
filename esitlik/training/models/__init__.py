from esitlik.training.models.programmes import Attendance, Programme, TrainingSession
from esitlik.training.models.staff import RoleCategory, StaffMember, WorkforceFigure
from esitlik.training.models.trainers import Certification, Trainer

__all__ = [
    "Attendance",
    "Certification",
    "Programme",
    "RoleCategory",
    "StaffMember",
    "Trainer",
    "TrainingSession",
    "WorkforceFigure",
]
