"""The client page's home-visit section: the case's visits (planned and made), what is due,
and the buttons to plan or record one for the case's writers."""

from django.template.loader import render_to_string

from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel
from bimkemas.visits.access import can_write_visits
from bimkemas.visits.due import home_visit_due
from bimkemas.visits.models import VisitStatus

VISITS_SHOWN = 8


@client_panel(order=40)
def home_visits(request, client, case) -> str:
    if case is None:
        return ""
    day = today()
    visits = list(
        case.home_visits.exclude(status=VisitStatus.CANCELLED).order_by(
            "-visited_at", "-planned_on", "-pk"
        )[:VISITS_SHOWN]
    )
    due = next(iter(home_visit_due(SupervisionCase.objects.filter(pk=case.pk), day)), None)
    context = {
        "client": client,
        "case": case,
        "visits": visits,
        "due": due,
        "day": day,
        "can_write": case.is_open and can_write_visits(request.user, case),
    }
    return render_to_string("visits/partials/panel.html", context, request=request)
