"""The client page's alert: records (prison admissions, court decisions) that may be this
client, awaiting the officer's decision."""

from django.template.loader import render_to_string

from bimkemas.core.panels import client_panel
from bimkemas.linkage.models import MatchBand, MatchCandidate, MatchStatus
from bimkemas.linkage.services import can_decide


@client_panel(order=5)
def match_alerts(request, client, case) -> str:
    pending = list(
        MatchCandidate.objects.filter(client=client, status=MatchStatus.PENDING)
        .select_related("record")
        .order_by("-probability", "-pk")
    )
    alerts = [m for m in pending if m.band == MatchBand.ALERT]
    if not alerts:
        return ""
    context = {
        "alerts": alerts,
        "review": len(pending) - len(alerts),
        "can_decide": case is not None and can_decide(request.user, alerts[0], case),
    }
    return render_to_string("linkage/partials/client_alerts.html", context, request=request)
