"""Participation: who the municipality works with, the meetings it holds with them, and what
people said there, followed into the plan."""

from esitlik.participation.models.events import Event, EventAttachment
from esitlik.participation.models.inputs import Input
from esitlik.participation.models.stakeholders import ContactPerson, Stakeholder

__all__ = ["ContactPerson", "Event", "EventAttachment", "Input", "Stakeholder"]
