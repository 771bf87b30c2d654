"""What the TPP app tells documents and apps below it about a case (bimkemas.core.facts):
`case_fact("confirmed_stage", case, day)` is the stage the TPP confirmed ("awal",
"lanjutan", "akhir"), so a guidance plan or card below can follow the decision rather than
the dates."""

import datetime as dt

from bimkemas.clients.models import SupervisionCase
from bimkemas.core.facts import case_fact_provider
from bimkemas.tpp.selectors import confirmed_stage


@case_fact_provider("confirmed_stage")
def confirmed_stage_fact(case: SupervisionCase, day: dt.date) -> str | None:
    return str(confirmed_stage(case))
