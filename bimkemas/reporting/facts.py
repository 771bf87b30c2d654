"""What the reporting app tells documents below it about a case (bimkemas.core.facts)."""

import datetime as dt

from django.utils.translation import gettext as _

from bimkemas.clients.conditions import duty_from_conditions
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.facts import case_fact_provider
from bimkemas.reporting.models import Frequency
from bimkemas.reporting.schedules import BUILTIN_DEFAULT, OFFICE_DEFAULT
from bimkemas.reporting.selectors import rules_for_cases


def _unread_condition(case: SupervisionCase) -> bool:
    duty = duty_from_conditions(case.special_conditions or "")
    return bool(duty and duty.condition)


@case_fact_provider("reporting_duty")
def reporting_duty(case: SupervisionCase, day: dt.date) -> str | None:
    """The guidance card's wajib lapor line: the frequency in force on `day` (or from the
    start, before guidance begins), as the compliance engine will judge it."""
    parts = rules_for_cases([case.pk]).get(case.pk) or []
    if not parts:
        return None
    part = next((p for p in parts if p.starts_on <= day <= p.ends_on), parts[0])
    if part.rule.basis in (BUILTIN_DEFAULT, OFFICE_DEFAULT) and _unread_condition(case):
        return None  # the card prints the SK's words rather than contradict them
    frequency = str(Frequency(part.rule.frequency).label)
    if part.rule.reference:
        return _("%(frequency)s (%(reference)s)") % {
            "frequency": frequency,
            "reference": part.rule.reference,
        }
    return frequency
