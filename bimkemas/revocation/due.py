"""What is due: an open revocation's next step, by the 20-working-day service standard."""

import datetime as dt
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.core.due import Due, due_rule, url_maker
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.workflow import StepKind, next_step


@due_rule("revocation.process", label=gettext_lazy("Revocation"), order=65)
def revocation_due(cases, day: dt.date) -> Iterator[Due]:
    url = url_maker("revocation_detail")
    rows = (
        Revocation.objects.open()
        .filter(case__in=cases)
        .values_list("case_id", "due_on", "status", "route", "public_id")
    )
    for case_id, due_on, status, route, public_id in rows:
        step = next_step(status, route)
        what = StepKind(step).label if step else ""
        yield Due(
            case_id=case_id,
            due_on=due_on,
            detail=_("Revocation: %(step)s") % {"step": what},
            url=url(public_id),
        )
