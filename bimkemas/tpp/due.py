"""What is due: a TPP decision on the next stage, once the dates have moved a case beyond
the stage the TPP confirmed."""

import datetime as dt
import uuid
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.clients.stages import Stage
from bimkemas.core.due import Due, due_rule
from bimkemas.tpp.models import NEXT_STAGE
from bimkemas.tpp.selectors import (
    awaits_decision,
    decision_days_by_office,
    guidance_stage_by_date,
    latest_transition_stage,
    stage_began_on,
)

PLACEHOLDER = uuid.UUID(int=0)


def decision_due_on(
    confirmed: Stage, lanjutan_from: dt.date, akhir_from: dt.date, days: int
) -> dt.date | None:
    """The stage after the confirmed one began on a date; the TPP owes its decision `days`
    later."""
    following = NEXT_STAGE.get(confirmed)
    began = stage_began_on(following, lanjutan_from, akhir_from) if following else None
    return began + dt.timedelta(days=days) if began else None


@due_rule("tpp.stage_decision", label=gettext_lazy("TPP decision on the next stage"), order=40)
def stage_decision_due(cases, day: dt.date) -> Iterator[Due]:
    rows = list(
        cases.open()
        .filter(lanjutan_from__lte=day, guidance_end__gte=day)
        .annotate(confirmed=latest_transition_stage())
        .values(
            "pk",
            "office_id",
            "lanjutan_from",
            "akhir_from",
            "guidance_end",
            "confirmed",
            "client__public_id",
        )
    )
    days_by_office = decision_days_by_office(row["office_id"] for row in rows)
    client_url = reverse("client_detail", args=[PLACEHOLDER]) + "#tpp-title"  # reversed once
    for row in rows:
        confirmed = Stage(row["confirmed"] or Stage.AWAL)
        by_date = guidance_stage_by_date(
            day, row["lanjutan_from"], row["akhir_from"], row["guidance_end"]
        )
        if not awaits_decision(confirmed, by_date):
            continue
        due_on = decision_due_on(
            confirmed, row["lanjutan_from"], row["akhir_from"], days_by_office[row["office_id"]]
        )
        if due_on is None:
            continue
        following = NEXT_STAGE[confirmed]
        url = client_url.replace(str(PLACEHOLDER), str(row["client__public_id"]))
        yield Due(
            case_id=row["pk"],
            due_on=due_on,
            detail=_("TPP decision: %(from)s → %(to)s")
            % {"from": confirmed.label, "to": following.label},
            url=url,
        )
