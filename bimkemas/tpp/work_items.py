"""Home-page work: cases waiting for the TPP's decision on their next stage."""

import datetime as dt

from bimkemas.accounts.models import User
from bimkemas.clients.dues import due_work_items
from bimkemas.core.workitems import WorkItemGroup, work_item_provider


@work_item_provider
def stage_decisions_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, "tpp.stage_decision", for_supervisors=True)
