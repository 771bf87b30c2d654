"""What is due: ending the case once its guidance period has passed."""

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.core.due import Due, due_rule
from bimkemas.termination.models import COMPLETION_DUE_DAYS


def completion_due_on(guidance_end: dt.date) -> dt.date:
    return guidance_end + dt.timedelta(days=COMPLETION_DUE_DAYS)


@due_rule("termination.completion", label=gettext_lazy("Completion of guidance"), order=70)
def completion_due(cases, day: dt.date) -> Iterator[Due]:
    rows = cases.open().filter(guidance_end__lt=day).values_list("pk", "guidance_end", "public_id")
    for pk, guidance_end, public_id in rows:
        yield Due(
            case_id=pk,
            due_on=completion_due_on(guidance_end),
            detail=_("Completion of guidance (period ended %(day)s)")
            % {"day": guidance_end.strftime("%d-%m-%Y")},
            url=reverse("termination_case", args=[public_id]),
        )
