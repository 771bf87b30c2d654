"""Work items: what a person should do next, contributed by every app.

An app adds a provider in its `work_items.py` module; the module is imported when the
project starts (`CoreConfig.ready` → `autodiscover_modules("work_items")`):

    from bimkemas.core.workitems import WorkItem, WorkItemGroup, work_item_provider

    @work_item_provider
    def overdue_reports(user, day):
        reports = ...  # one queryset for the whole caseload or office
        if not reports.exists():  # or: return [] for users it does not concern
            return []
        return [WorkItemGroup(kind="reports", heading=..., total=reports.count(),
                              items=[WorkItem(...) for r in reports[:ITEMS_PER_GROUP]])]

A provider is `(user, day) -> list[WorkItemGroup]`. It must be set-based: a few queries for
a whole caseload or office, never one per client. It returns [] for users it does not
concern, and only what the user may see (scope through the app's access helpers).
`work_items_for(user, day)` runs every provider and sorts the groups, most urgent first.
"""

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

ITEMS_PER_GROUP = 5


class Urgency(models.TextChoices):
    """How soon an item needs doing; shown as text, never as a colour alone."""

    OVERDUE = "overdue", _("Overdue")  # its due date has passed
    DUE = "due", _("To do")  # to do now, or by its due date
    FLAGGED = "flagged", _("Needs a look")  # something looks wrong; no deadline


URGENCY_ORDER = {Urgency.OVERDUE: 0, Urgency.DUE: 1, Urgency.FLAGGED: 2}


@dataclass(frozen=True)
class WorkItem:
    kind: str  # the code of its group, e.g. "clients.new_assignment"
    title: str  # what to do, or why it is here
    url: str  # where to do it
    subject: str  # whom it is about, e.g. "Budi Santoso (0001/PB/D/2026/PLG)"
    urgency: str = Urgency.DUE
    due: dt.date | None = None
    # The public id of the client it concerns: showing the item is a read of that client.
    client_id: uuid.UUID | None = None

    @property
    def urgency_label(self) -> str:
        return str(Urgency(self.urgency).label)

    def sort_key(self) -> tuple[int, dt.date]:
        return URGENCY_ORDER.get(Urgency(self.urgency), 9), self.due or dt.date.max


@dataclass
class WorkItemGroup:
    """Items of one kind: the total, the first few, and where to see them all."""

    kind: str
    heading: str
    total: int
    items: list[WorkItem] = field(default_factory=list)
    see_all_url: str = ""
    see_all_label: str = ""  # the link's words when they are not "See all N cases"

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    def sort_key(self) -> tuple[int, dt.date]:
        return min((item.sort_key() for item in self.items), default=(9, dt.date.max))


Provider = Callable[[Any, dt.date], list[WorkItemGroup]]
_providers: dict[str, Provider] = {}


def work_item_provider(func: Provider) -> Provider:
    """Register `func` as a provider (by its dotted name, so a re-import does not double it)."""
    _providers[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def providers() -> list[Provider]:
    return list(_providers.values())


def work_items_for(user: Any, day: dt.date) -> list[WorkItemGroup]:
    """Every provider's non-empty groups, most urgent first (then by nearest due date)."""
    groups = [group for provider in providers() for group in provider(user, day) if group.total]
    for group in groups:
        group.items.sort(key=WorkItem.sort_key)
    return sorted(groups, key=WorkItemGroup.sort_key)
