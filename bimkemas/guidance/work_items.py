"""The home page's work items: stage plans and evaluations due in the user's charge, and
for supervisors the evaluations waiting for their approval."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise
from bimkemas.clients.dues import due_work_items
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.guidance.models import Evaluation, EvaluationStatus


@work_item_provider
def plans_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, "guidance.plan")


@work_item_provider
def evaluations_due(user: User, day: dt.date) -> list[WorkItemGroup]:
    return due_work_items(user, day, "guidance.evaluation")


def awaiting_approval(user: User):
    """Submitted evaluations of the user's office that they did not write, oldest first."""
    if not can_supervise(user) or user.office_id is None:
        return Evaluation.objects.none()
    return (
        Evaluation.objects.filter(status=EvaluationStatus.SUBMITTED, case__office_id=user.office_id)
        .exclude(author=user)
        .select_related("case__client", "case__officer", "author")
        .order_by("submitted_at", "pk")
    )


@work_item_provider
def evaluations_to_approve(user: User, day: dt.date) -> list[WorkItemGroup]:
    waiting = awaiting_approval(user)
    total = waiting.count()
    if not total:
        return []
    items = [
        WorkItem(
            kind="guidance.approval",
            title=_("%(stage)s evaluation by %(author)s")
            % {"stage": e.get_stage_display(), "author": e.author},
            url=reverse("guidance_evaluation", args=[e.public_id]),
            subject=f"{e.case.client.full_name} ({e.case.register_number})",
            urgency=Urgency.DUE,
            due=e.submitted_at.date() if e.submitted_at else None,
            client_id=e.case.client.public_id,
        )
        for e in waiting[:ITEMS_PER_GROUP]
    ]
    return [
        WorkItemGroup(
            "guidance.approval",
            _("Evaluations to approve"),
            total,
            items,
            reverse("guidance_approvals"),
        )
    ]
