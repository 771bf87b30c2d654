"""Reads shared by the TPP pages, the API, the due rule and the apps above (litmas,
termination): confirmed stages, the office's TPP settings, sessions in reach."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from bimkemas.accounts.models import User
from bimkemas.clients.access import visible_clients
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.tpp.models import (
    DEFAULT_DECISION_DAYS,
    DEFAULT_NUMBER_FORMAT,
    NEXT_STAGE,
    STAGE_ORDER,
    AgendaItem,
    StageTransition,
    TppSession,
    TppSettings,
)


def latest_transition_stage() -> Subquery:
    """The to_stage of a case's latest transition, for `.annotate()` on cases."""
    latest = StageTransition.objects.filter(case_id=OuterRef("pk")).order_by("-effective_on", "-id")
    return Subquery(latest.values("to_stage")[:1])


def confirmed_stages(case_ids: Iterable[int]) -> dict[int, Stage]:
    """Each case's confirmed stage (tahap awal until a TPP moved it), in one query."""
    ids = list(case_ids)
    rows = (
        SupervisionCase.objects.filter(pk__in=ids)
        .annotate(confirmed=latest_transition_stage())
        .values_list("pk", "confirmed")
    )
    found = {pk: Stage(stage) if stage else Stage.AWAL for pk, stage in rows}
    return {pk: found.get(pk, Stage.AWAL) for pk in ids}


def confirmed_stage(case: SupervisionCase) -> Stage:
    return confirmed_stages([case.pk])[case.pk]


def guidance_stage_by_date(
    day: dt.date, lanjutan_from: dt.date, akhir_from: dt.date, guidance_end: dt.date
) -> Stage | None:
    """The guidance stage a case's stored dates give on `day`; None outside the period's
    stages (after its end the question is termination's, not the TPP's)."""
    if day > guidance_end:
        return None
    if day >= akhir_from:
        return Stage.AKHIR
    if day >= lanjutan_from:
        return Stage.LANJUTAN
    return Stage.AWAL


def stage_began_on(stage: Stage, lanjutan_from: dt.date, akhir_from: dt.date) -> dt.date | None:
    return {Stage.LANJUTAN: lanjutan_from, Stage.AKHIR: akhir_from}.get(stage)


def awaits_decision(confirmed: Stage, by_date: Stage | None) -> bool:
    """The dates have moved the case beyond the stage the TPP confirmed."""
    if by_date is None or confirmed not in STAGE_ORDER:
        return False
    return STAGE_ORDER[by_date] > STAGE_ORDER[confirmed]


@dataclass(frozen=True)
class OfficeTppSettings:
    number_format: str = DEFAULT_NUMBER_FORMAT
    decision_days: int = DEFAULT_DECISION_DAYS


def tpp_settings(office_id: int) -> OfficeTppSettings:
    row = TppSettings.objects.filter(office_id=office_id).first()
    if row is None:
        return OfficeTppSettings()
    return OfficeTppSettings(row.number_format, row.decision_days)


def decision_days_by_office(office_ids: Iterable[int]) -> dict[int, int]:
    ids = set(office_ids)
    rows = dict(
        TppSettings.objects.filter(office_id__in=ids).values_list("office_id", "decision_days")
    )
    return {pk: rows.get(pk, DEFAULT_DECISION_DAYS) for pk in ids}


@dataclass(frozen=True)
class CaseStage:
    confirmed: Stage
    by_date: Stage
    next_stage: Stage | None
    awaiting: bool  # the dates are ahead of the confirmed stage
    transitions: list[StageTransition]


def case_stage(case: SupervisionCase, day: dt.date) -> CaseStage:
    transitions = list(
        case.stage_transitions.select_related("decided_by", "agenda_item__session").order_by(
            "effective_on", "id"
        )
    )
    confirmed = Stage(transitions[-1].to_stage) if transitions else Stage.AWAL
    by_date = case.stage_on(day)
    guidance = guidance_stage_by_date(day, case.lanjutan_from, case.akhir_from, case.guidance_end)
    return CaseStage(
        confirmed=confirmed,
        by_date=by_date,
        next_stage=NEXT_STAGE.get(confirmed),
        awaiting=awaits_decision(confirmed, guidance),
        transitions=transitions,
    )


def case_agenda_items(case: SupervisionCase):
    return (
        AgendaItem.objects.filter(case=case)
        .select_related("session", "presented_by", "decided_by")
        .order_by("-session__held_on", "-id")
    )


def items_in_reach(user: User, items: list[AgendaItem]) -> list[AgendaItem]:
    """The agenda items whose client the user may see: a PK sees their own cases' items on
    an office session, not the other clients'."""
    visible = set(
        visible_clients(user)
        .filter(pk__in={item.case.client_id for item in items})
        .values_list("pk", flat=True)
    )
    return [item for item in items if item.case.client_id in visible]


def sessions_for(user: User):
    """The sessions of the user's office (staff of an office only)."""
    if not user.is_authenticated or user.office_id is None or not user.role:
        return TppSession.objects.none()
    return TppSession.objects.filter(office_id=user.office_id)
