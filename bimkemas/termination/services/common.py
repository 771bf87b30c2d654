"""What every way of ending a case shares: who may end it, and its one record."""

import calendar
import datetime as dt

from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.errors import ApplicationError
from bimkemas.termination.models import Termination

REASON_MAX = 2000
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def locked_case(case: SupervisionCase) -> SupervisionCase:
    return (
        SupervisionCase.objects.select_for_update()
        .select_related("client", "office", "programme")
        .get(pk=case.pk)
    )


def require_terminator(actor: User, case: SupervisionCase, status: str) -> None:
    """A section head or the Bapas head of the case's office ends an open case that may
    move to `status`; a case ends once."""
    if not can_supervise(actor) or actor.office_id != case.office_id:
        raise ApplicationError(_("Only a section head or the Bapas head may end a case."))
    if Termination.objects.filter(case=case).exists() or not case.is_open:
        raise ApplicationError(_("This case has already ended."))
    if not case.can_move_to(status):
        raise ApplicationError(
            _("A case in status %(status)s cannot end this way; assign it to an officer first.")
            % {"status": case.get_status_display()}
        )


def clean_reason(reason: str, *, required: bool = False, field: str = "reason") -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ApplicationError(_("Give the reason."), field=field)
    if len(reason) > REASON_MAX:
        raise ApplicationError(_("The text is too long."), field=field)
    return reason


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
