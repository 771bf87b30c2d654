"""The client page's wajib lapor section: the schedule, this period, the record per period
and the latest check-ins, with the buttons to record a contact and to change the duty."""

from django.template.loader import render_to_string

from bimkemas.clients.access import can_edit_case, writable_clients
from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel
from bimkemas.reporting import panels_messages  # noqa: F401 (registers the Messages section)
from bimkemas.reporting.selectors import case_compliance

LATEST_CHECKINS = 5
PERIODS_SHOWN = 12


@client_panel(order=10)
def reporting(request, client, case) -> str:
    if case is None:
        return ""
    day = today()
    compliance = case_compliance(case, day)
    periods = list(reversed(compliance.periods))
    context = {
        "client": client,
        "case": case,
        "compliance": compliance,
        "current": periods[0] if periods and periods[0].is_open else None,
        "periods": periods[:PERIODS_SHOWN],
        "more_periods": max(len(periods) - PERIODS_SHOWN, 0),
        "checkins": case.checkins.select_related("recorded_by")[:LATEST_CHECKINS],
        "can_record": case.is_open and writable_clients(request.user).filter(pk=client.pk).exists(),
        "can_change_duty": can_edit_case(request.user, case),
    }
    return render_to_string("reporting/partials/panel.html", context, request=request)
