import datetime as dt
import uuid

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.clients.work_items import audit_work_items_shown
from bimkemas.core.dates import today
from bimkemas.core.workitems import Urgency, work_items_for

router = Router(tags=["work items"])


class WorkItemOut(Schema):
    kind: str
    title: str
    url: str
    subject: str
    urgency: Urgency
    due: dt.date | None
    client_id: uuid.UUID | None


class WorkItemGroupOut(Schema):
    kind: str
    heading: str
    total: int
    items: list[WorkItemOut]
    see_all_url: str


@router.get("/me/work-items", response={200: list[WorkItemGroupOut], **READ_ERRORS})
def my_work_items(request: HttpRequest):
    """What the caller should do next, as on their home page: groups of items, most urgent
    first, each with its total, the first few items and a link to all of them (or "")."""
    user = actor(request)
    groups = work_items_for(user, today())
    audit_work_items_shown(actor=user, groups=groups, where=_("Work items"))
    return groups
