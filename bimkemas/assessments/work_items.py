"""Work items: risk and needs assessments due or overdue in the user's reach (due.py's rule)."""

import datetime as dt

from bimkemas.accounts.models import User
from bimkemas.assessments.due import KIND
from bimkemas.clients.dues import due_work_items
from bimkemas.core.workitems import WorkItemGroup, work_item_provider


@work_item_provider
def reassessments_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, KIND)
