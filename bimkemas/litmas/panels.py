"""The client page's Litmas section: the client's litmas requests, their status and due date.
Shown to whoever may read the client; the links open only for those who may see a request."""

from django.template.loader import render_to_string

from bimkemas.core.panels import client_panel
from bimkemas.litmas.models import LitmasRequest


@client_panel(order=15)
def litmas(request, client, case) -> str:
    rows = list(
        LitmasRequest.objects.filter(client=client)
        .select_related("report")
        .order_by("-received_on")[:10]
    )
    if not rows:
        return ""
    return render_to_string("litmas/partials/panel.html", {"rows": rows}, request=request)
