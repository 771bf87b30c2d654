"""What is due: an answer (a rung of the ladder, or a dismissal) to each open violation,
within `DECISION_DAYS` of its recording."""

import datetime as dt
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.core.due import Due, due_rule, url_maker
from bimkemas.violations.models import Violation, ViolationStatus
from bimkemas.violations.selectors import decision_due_on


@due_rule("violations.decision", label=gettext_lazy("Response to a violation"), order=15)
def decision_due(cases, day: dt.date) -> Iterator[Due]:
    url = url_maker("violation_detail")
    rows = (
        Violation.objects.filter(case__in=cases.open(), status=ViolationStatus.OPEN)
        .only("pk", "public_id", "case_id", "kind", "occurred_on", "created_at")
        .order_by("occurred_on", "pk")
    )
    for violation in rows:
        yield Due(
            case_id=violation.case_id,
            due_on=decision_due_on(violation),
            detail=_("Respond to the violation of %(day)s: %(kind)s")
            % {
                "day": violation.occurred_on.strftime("%d-%m-%Y"),
                "kind": violation.get_kind_display(),
            },
            url=url(violation.public_id),
        )
