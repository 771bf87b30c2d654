"""The client page's "End of guidance" section: how the case ended and its certificate, or
that it is due for completion, with the supervisor's link to end it."""

from django.template.loader import render_to_string

from bimkemas.core.dates import today
from bimkemas.core.panels import client_panel
from bimkemas.termination.access import can_terminate
from bimkemas.termination.certificate import certificate_versions
from bimkemas.termination.models import Termination, TerminationKind


@client_panel(order=80)
def termination(request, client, case) -> str:
    if case is None:
        return ""
    record = Termination.objects.filter(case=case).select_related("by", "to_office").first()
    period_ended = case.is_open and case.guidance_end < today()
    allowed = record is None and can_terminate(request.user, case)
    if record is None and not period_ended and not allowed:
        return ""
    context = {
        "case": case,
        "termination": record,
        "period_ended": period_ended,
        "can_terminate": allowed,
        "versions": certificate_versions(record)
        if record is not None and record.kind == TerminationKind.COMPLETED
        else [],
    }
    return render_to_string("termination/partials/panel.html", context, request=request)
