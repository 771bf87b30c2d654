"""Writes about a case's duty to report: its own schedule, excuses, and an office's defaults.

Who may: a case's schedule and excuses, its officer (while the case is open) or a supervisor
of its office (`access.can_edit_case`); an office's defaults, that office's supervisors.
Each write is atomic and audited in its transaction; bad input raises ApplicationError.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between
from bimkemas.clients.access import can_edit_case, can_supervise
from bimkemas.clients.models import Programme, SupervisionCase
from bimkemas.core.errors import ApplicationError
from bimkemas.core.validators import clean_person_text
from bimkemas.reporting.models import (
    CaseSchedule,
    Excuse,
    Frequency,
    ReportingDefault,
    ScheduleBasis,
)
from bimkemas.reporting.schedules import Rule, builtin_rule
from bimkemas.reporting.selectors import rules_for_cases

MAX_GRACE_DAYS = 14
REFERENCE_MAX_LENGTH = 150
REASON_MAX_LENGTH = 300


@transaction.atomic
def schedule_set(
    *,
    actor: User,
    case: SupervisionCase,
    frequency: str,
    starts_on: dt.date,
    grace_days: int,
    basis: str,
    reference: str = "",
) -> CaseSchedule:
    """Give a case its own reporting frequency from `starts_on` (a PK's or TPP's decision,
    or a special condition of the SK). Earlier schedules stay as the case's history; the
    audit row records the rule in force on `starts_on` before and after."""
    _require_case_writer(actor, case)
    _check_frequency(frequency)
    _check_grace(grace_days)
    if basis not in ScheduleBasis.values:
        raise ApplicationError(_("Choose who decided the schedule."), field="basis")
    _check_within_guidance(case, starts_on, field="starts_on")
    reference = _clean_text(reference, field="reference", limit=REFERENCE_MAX_LENGTH)
    if basis != ScheduleBasis.OFFICER and not reference:
        raise ApplicationError(
            _("Name the decision or condition (for example the TPP session's date)."),
            field="reference",
        )
    before = _rule_on(case, starts_on)
    schedule = CaseSchedule.objects.create(
        case=case,
        frequency=frequency,
        starts_on=starts_on,
        grace_days=grace_days,
        basis=basis,
        reference=reference,
        set_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=schedule,
        client=case.client,
        summary=_("Reporting schedule: %(frequency)s from %(day)s")
        % {"frequency": schedule.get_frequency_display(), "day": f"{starts_on:%d/%m/%Y}"},
        changes={
            **changes_between(
                {"frequency": before.frequency, "grace_days": before.grace_days},
                {"frequency": frequency, "grace_days": grace_days},
            ),
            "starts_on": [None, str(starts_on)],
            "basis": [before.basis, basis],
        },
    )
    return schedule


@transaction.atomic
def excuse_add(
    *,
    actor: User,
    case: SupervisionCase,
    starts_on: dt.date,
    ends_on: dt.date,
    reason: str,
) -> Excuse:
    """Excuse the client from reporting on these days (hospitalised, travel the officer
    allowed…). A period without a report is excused when excuses cover at least half of
    it (`periods.is_excused`); a report in it still counts as a report."""
    _require_case_writer(actor, case)
    _check_within_guidance(case, starts_on, field="starts_on")
    _check_within_guidance(case, ends_on, field="ends_on")
    if ends_on < starts_on:
        raise ApplicationError(_("The last day cannot be before the first."), field="ends_on")
    reason = _clean_text(reason, field="reason", limit=REASON_MAX_LENGTH)
    if not reason:
        raise ApplicationError(_("Write the reason."), field="reason")
    excuse = Excuse.objects.create(
        case=case, starts_on=starts_on, ends_on=ends_on, reason=reason, granted_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=excuse,
        client=case.client,
        summary=_("Excused from reporting %(start)s–%(end)s: %(reason)s")
        % {"start": f"{starts_on:%d/%m/%Y}", "end": f"{ends_on:%d/%m/%Y}", "reason": reason},
        changes={
            "starts_on": [None, str(starts_on)],
            "ends_on": [None, str(ends_on)],
            "reason": [None, reason],
        },
    )
    return excuse


@transaction.atomic
def reporting_default_set(
    *, actor: User, office: Office, programme: Programme, frequency: str, grace_days: int
) -> ReportingDefault:
    """Set an office's default reporting frequency for a programme; it applies to every case
    of that programme without a schedule of its own, from the case's guidance start."""
    if not (can_supervise(actor) and actor.office_id == office.pk):
        raise ApplicationError(_("Only a supervisor of this office may change its defaults."))
    _check_frequency(frequency)
    _check_grace(grace_days)
    default = (
        ReportingDefault.objects.select_for_update()
        .filter(office=office, programme=programme)
        .first()
    )
    before = {"frequency": default.frequency, "grace_days": default.grace_days} if default else {}
    if default is None:
        default = ReportingDefault(office=office, programme=programme)
    default.frequency, default.grace_days = frequency, grace_days
    default.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        obj=default,
        summary=_("Reporting default for %(programme)s: %(frequency)s")
        % {"programme": programme.code, "frequency": default.get_frequency_display()},
        changes=changes_between(before, {"frequency": frequency, "grace_days": grace_days}),
    )
    return default


def _require_case_writer(actor: User, case: SupervisionCase) -> None:
    if not can_edit_case(actor, case):
        raise ApplicationError(_("You may not change this case's reporting duty."))


def _check_frequency(frequency: str) -> None:
    if frequency not in Frequency.values:
        raise ApplicationError(_("Choose how often the client reports."), field="frequency")


def _check_grace(grace_days: int) -> None:
    if not isinstance(grace_days, int) or not 0 <= grace_days <= MAX_GRACE_DAYS:
        raise ApplicationError(
            _("Grace days must be a whole number from 0 to %(max)d.") % {"max": MAX_GRACE_DAYS},
            field="grace_days",
        )


def _check_within_guidance(case: SupervisionCase, day: dt.date, *, field: str) -> None:
    if not isinstance(day, dt.date) or not case.guidance_start <= day <= case.guidance_end:
        raise ApplicationError(
            _("Choose a date within the guidance period (%(start)s to %(end)s).")
            % {"start": f"{case.guidance_start:%d/%m/%Y}", "end": f"{case.guidance_end:%d/%m/%Y}"},
            field=field,
        )


def _clean_text(value: str, *, field: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ApplicationError(
            _("Write at most %(limit)d characters.") % {"limit": limit}, field=field
        )
    try:
        return clean_person_text(text)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], field=field) from error


def _rule_on(case: SupervisionCase, day: dt.date) -> Rule:
    """The rule in force on `day` before this change."""
    parts = rules_for_cases([case.pk]).get(case.pk, [])
    current = [part for part in parts if part.starts_on <= day] or parts
    return current[-1].rule if current else builtin_rule(case.programme.code)
