"""What is due for litmas (bimkemas.core.due):

(a) a request assigned to a PK and not yet submitted is due on its `due_on`, on the case of
    its subject when the subject is a client with an open case (requests for people who are
    not clients yet are work items of their own, work_items.py);
(b) every open case owes its litmas pembimbingan (DOMAIN.md §2 step 3, the basis of the
    programme plan) GUIDANCE_LITMAS_DAYS after guidance starts, unless one for the case was
    submitted (or reviewed, acknowledged, sent).
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.core.due import Due, due_rule, url_maker
from bimkemas.litmas.dates import GUIDANCE_LITMAS_DAYS
from bimkemas.litmas.models import DONE_STATUSES, WRITING_STATUSES, LitmasRequest, LitmasType


def open_requests_due(cases) -> Iterable[LitmasRequest]:
    return (
        LitmasRequest.objects.filter(
            status__in=WRITING_STATUSES, case__in=cases.values("pk"), case__status__in=_OPEN
        )
        .only("pk", "public_id", "type", "due_on", "case_id")
        .order_by("due_on", "pk")
    )


_OPEN = ("received", "registered", "active")


@due_rule("litmas.report", label=gettext_lazy("Litmas"), order=10)
def litmas_due(cases, day: dt.date) -> list[Due]:
    request_url = url_maker("litmas_request_detail")
    client_url = url_maker("client_detail")
    dues = [
        Due(
            case_id=request.case_id,
            due_on=request.due_on,
            detail=_("Litmas %(type)s") % {"type": request.get_type_display()},
            url=request_url(request.public_id),
        )
        for request in open_requests_due(cases)
        if request.case_id is not None
    ]
    done = LitmasRequest.objects.filter(
        case=OuterRef("pk"), type=LitmasType.PEMBIMBINGAN, status__in=DONE_STATUSES
    )
    owing = (
        cases.filter(status__in=_OPEN)
        .annotate(done=Exists(done))
        .filter(done=False)
        .values_list("pk", "guidance_start", "client__public_id")
    )
    detail = _("Litmas pembimbingan")
    dues += [
        Due(
            case_id=case_id,
            due_on=start + dt.timedelta(days=GUIDANCE_LITMAS_DAYS),
            detail=detail,
            url=client_url(client_id),
        )
        for case_id, start, client_id in owing
    ]
    return dues
