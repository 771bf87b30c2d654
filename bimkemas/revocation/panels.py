"""The client page's "Revocation" section: the case's revocation in progress (its state,
day N of 20, the next step) and earlier ones, with the link to propose one."""

from django.template.loader import render_to_string

from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel
from bimkemas.revocation.access import may_request
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.selectors import clock


@client_panel(order=75)
def revocation(request, client, case) -> str:
    rows = list(
        Revocation.objects.filter(case__client=client)
        .select_related("case")
        .order_by("-requested_on", "-pk")[:5]
    )
    can_propose = (
        case is not None
        and may_request(request.user, case)
        and not any(r.is_open for r in rows if r.case_id == case.pk)
    )
    if not rows and not can_propose:
        return ""
    day = today()
    context = {
        "case": case,
        "rows": [(r, clock(r, day)) for r in rows],
        "can_propose": can_propose,
    }
    return render_to_string("revocation/partials/panel.html", context, request=request)
