"""The client page's "Stage and TPP" section: the confirmed stage beside the stage by the
dates, the case's transitions and agenda history, the PK's "propose for TPP" and the
supervisor's override."""

from django.template.loader import render_to_string

from bimkemas.clients.access import can_supervise
from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel
from bimkemas.tpp.access import can_propose
from bimkemas.tpp.selectors import case_agenda_items, case_stage

ITEMS_SHOWN = 10


@client_panel(order=25)
def tpp(request, client, case) -> str:
    if case is None:
        return ""
    user = request.user
    context = {
        "case": case,
        "stage": case_stage(case, today()),
        "items": case_agenda_items(case)[:ITEMS_SHOWN],
        "can_propose": can_propose(user, case),
        "can_override": can_supervise(user) and user.office_id == case.office_id and case.is_open,
        "user": user,
    }
    return render_to_string("tpp/partials/panel.html", context, request=request)
