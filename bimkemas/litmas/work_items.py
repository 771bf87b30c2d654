"""Litmas on the home pages: the due rule over the user's cases, requests for people who are
not clients yet (assigned to the PK), and, for supervisors, requests waiting for a PK and
reports waiting for their review or acknowledgement."""

import datetime as dt

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Role, User
from bimkemas.clients.access import can_supervise
from bimkemas.clients.dues import due_work_items
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.litmas.models import (
    WRITING_STATUSES,
    LitmasRequest,
    ReportStatus,
    RequestStatus,
)


@work_item_provider
def litmas_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, "litmas.report")


def _item(kind: str, request: LitmasRequest, day: dt.date, title: str) -> WorkItem:
    return WorkItem(
        kind=kind,
        title=title,
        url=reverse("litmas_request_detail", args=[request.public_id]),
        subject=f"{request.subject_display} ({request.requester_name})",
        urgency=Urgency.OVERDUE if request.due_on < day else Urgency.DUE,
        due=request.due_on,
    )


def _group(kind: str, heading: str, requests, day: dt.date, title) -> list[WorkItemGroup]:
    total = requests.count()
    if not total:
        return []
    items = [_item(kind, r, day, title(r)) for r in requests[:ITEMS_PER_GROUP]]
    return [WorkItemGroup(kind, heading, total, items, reverse("litmas_request_list"))]


def _due_title(request: LitmasRequest) -> str:
    return _("Litmas %(type)s, due %(day)s") % {
        "type": request.get_type_display(),
        "day": date_format(request.due_on, "j F Y"),
    }


@work_item_provider
def litmas_for_non_clients(user: User, day: dt.date) -> list[WorkItemGroup]:
    if not user.is_officer:
        return []
    requests = LitmasRequest.objects.filter(
        officer=user, client__isnull=True, status__in=WRITING_STATUSES
    ).order_by("due_on", "pk")
    return _group(
        "litmas.non_client", _("Litmas for people not yet clients"), requests, day, _due_title
    )


@work_item_provider
def litmas_for_supervisors(user: User, day: dt.date) -> list[WorkItemGroup]:
    if not can_supervise(user):
        return []
    office = LitmasRequest.objects.filter(office=user.office)
    groups = _group(
        "litmas.unassigned",
        _("Litmas requests without a PK"),
        office.filter(status=RequestStatus.RECEIVED).select_related("client").order_by("due_on"),
        day,
        _due_title,
    )
    waiting = ReportStatus.SUBMITTED if user.role == Role.SUPERVISOR else ReportStatus.REVIEWED
    heading = _("Litmas to review") if user.role == Role.SUPERVISOR else _("Litmas to acknowledge")
    to_sign = (
        office.filter(report__status=waiting)
        .exclude(report__author=user)
        .select_related("client")
        .order_by("due_on")
    )
    return groups + _group("litmas.to_sign", heading, to_sign, day, _due_title)
