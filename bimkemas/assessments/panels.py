"""The client page's assessments section: the latest risk band and needs, when the next
assessment is due, the history, and the buttons to assess for the case's writers."""

from django.template.loader import render_to_string

from bimkemas.assessments.access import can_assess
from bimkemas.assessments.due import detail_for, next_due_for_case
from bimkemas.assessments.selectors import client_history, latest_scored, needs_of
from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel

HISTORY_SHOWN = 10


@client_panel(order=30)
def assessments(request, client, case) -> str:
    day = today()
    latest = latest_scored([client.pk]).get(client.pk, {})
    needs_assessment = latest.get("needs")
    due = next_due_for_case(case, day) if case is not None and case.is_open else None
    history = client_history(client)
    context = {
        "client": client,
        "case": case,
        "risk": latest.get("risk"),
        "needs_assessment": needs_assessment,
        "needs": needs_of(needs_assessment) if needs_assessment else [],
        "due_on": due[0] if due else None,
        "due_detail": detail_for(due[1]) if due else "",
        "overdue": bool(due and due[0] < day),
        "history": history[:HISTORY_SHOWN],
        "more": max(len(history) - HISTORY_SHOWN, 0),
        "can_assess": case is not None and can_assess(request.user, case),
    }
    return render_to_string("assessments/partials/panel.html", context, request=request)
