"""Home-page work: cases whose guidance period has ended and are still open."""

import datetime as dt

from bimkemas.accounts.models import User
from bimkemas.clients.dues import due_work_items
from bimkemas.core.workitems import WorkItemGroup, work_item_provider


@work_item_provider
def completions_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, "termination.completion", for_supervisors=True)
