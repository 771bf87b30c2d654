"""Writes of the TPP app: sessions and attendance (`sessions`), the agenda and its decisions
(`agenda`), stage transitions and the supervisor's override (`stages`)."""

from bimkemas.tpp.services.agenda import agenda_add, agenda_decide
from bimkemas.tpp.services.sessions import (
    session_add_member,
    session_close,
    session_schedule,
    session_set_attendance,
)
from bimkemas.tpp.services.stages import stage_override, stage_transition_create

__all__ = [
    "agenda_add",
    "agenda_decide",
    "session_add_member",
    "session_close",
    "session_schedule",
    "session_set_attendance",
    "stage_override",
    "stage_transition_create",
]
