"""Home-page work: the officer's next revocation steps, the Bapas head's temporary
revocations, and the section head's overdue revocations."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Role, User
from bimkemas.clients.access import own_open_cases
from bimkemas.core.dates import long_date
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.workflow import Route, Status


@work_item_provider
def next_steps(user: User, day: dt.date) -> list[WorkItemGroup]:
    """An officer's revocations whose next step is theirs: the statement, the examination.
    (Every open revocation's next step, whoever takes it, is on /due/ by the due rule.)"""
    if not user.is_officer:
        return []
    rows = Revocation.objects.open().filter(
        case__in=own_open_cases(user), status__in=[Status.REQUESTED, Status.STATEMENT_TAKEN]
    )
    return _group(
        "revocation.process",
        _("Revocations: your next step"),
        rows,
        day,
        lambda r: (
            _("%(step)s, due %(day)s") % {"step": r.next_step_label, "day": long_date(r.due_on)}
        ),
        reverse("revocation_list") + "?status=open",
    )


def _group(kind: str, heading: str, rows, day: dt.date, title, see_all: str) -> list[WorkItemGroup]:
    total = rows.count()
    if not total:
        return []
    items = [
        WorkItem(
            kind=kind,
            title=title(revocation),
            url=reverse("revocation_detail", args=[revocation.public_id]),
            subject=f"{revocation.case.client.full_name} ({revocation.case.register_number})",
            urgency=Urgency.OVERDUE if revocation.due_on < day else Urgency.DUE,
            due=revocation.due_on,
            client_id=revocation.case.client.public_id,
        )
        for revocation in rows.select_related("case__client").order_by("due_on")[:ITEMS_PER_GROUP]
    ]
    return [WorkItemGroup(kind, heading, total, items, see_all)]


@work_item_provider
def awaiting_temporary_revocation(user: User, day: dt.date) -> list[WorkItemGroup]:
    if user.role != Role.HEAD or user.office_id is None:
        return []
    rows = Revocation.objects.filter(
        office_id=user.office_id, status=Status.RECOMMENDED, route=Route.INTEGRATION
    )
    return _group(
        "revocation.temporary",
        _("Temporary revocations awaiting you"),
        rows,
        day,
        lambda r: _("Revoke temporarily, due %(day)s") % {"day": long_date(r.due_on)},
        reverse("revocation_list") + "?status=recommended",
    )


@work_item_provider
def overdue_revocations(user: User, day: dt.date) -> list[WorkItemGroup]:
    if user.role != Role.SUPERVISOR or user.office_id is None:
        return []
    rows = Revocation.objects.open().filter(office_id=user.office_id, due_on__lt=day)
    return _group(
        "revocation.overdue",
        _("Overdue revocations"),
        rows,
        day,
        lambda r: (
            _("%(step)s, due %(day)s")
            % {"step": r.next_step_label or r.get_status_display(), "day": long_date(r.due_on)}
        ),
        reverse("revocation_list") + "?overdue=on",
    )
