"""Home visits on the home page: visits due (the due rule, in the user's reach) and the
officer's visits planned for today (a link to the day's route)."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.dues import due_work_items
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.visits.selectors import planned_visits


@work_item_provider
def home_visits_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, "visits.home_visit")


@work_item_provider
def visits_today(user: User, day: dt.date) -> list[WorkItemGroup]:
    if not user.is_officer:
        return []
    visits = planned_visits(user, day, day)
    total = visits.count()
    if not total:
        return []
    route = reverse("visits_day", args=[day.isoformat()])
    items = [
        WorkItem(
            kind="visits.today",
            title=_("Home visit today: %(reason)s") % {"reason": visit.get_reason_display()},
            url=reverse("visits_record", args=[visit.public_id]),
            subject=f"{visit.case.client.full_name} ({visit.case.register_number})",
            urgency=Urgency.DUE,
            due=day,
            client_id=visit.case.client.public_id,
        )
        for visit in visits[:ITEMS_PER_GROUP]
    ]
    return [WorkItemGroup("visits.today", _("Visits planned today"), total, items, route)]
