"""The client page's "Violations" section: the case's violations with their responses, and
the officer's "record a violation" button."""

from django.template.loader import render_to_string

from bimkemas.core.panels import client_panel
from bimkemas.violations.access import can_act
from bimkemas.violations.models import ViolationStatus
from bimkemas.violations.selectors import case_violations

SHOWN = 20


@client_panel(order=35)
def violations(request, client, case) -> str:
    if case is None:
        return ""
    rows = list(case_violations(case)[: SHOWN + 1])
    total = len(rows) if len(rows) <= SHOWN else case_violations(case).count()
    context = {
        "case": case,
        "violations": rows[:SHOWN],
        "more": max(total - SHOWN, 0),
        "open_count": sum(1 for v in rows if v.status == ViolationStatus.OPEN),
        "can_record": can_act(request.user, case),
    }
    return render_to_string("violations/partials/panel.html", context, request=request)
