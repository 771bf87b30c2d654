import datetime as dt

import pytest

from bimkemas.core import workitems
from bimkemas.core.workitems import Urgency, WorkItem, WorkItemGroup, work_items_for

DAY = dt.date(2026, 12, 2)


def item(kind: str, urgency: str, due: dt.date | None = None) -> WorkItem:
    return WorkItem(kind=kind, title="t", url="/", subject="s", urgency=urgency, due=due)


@pytest.fixture
def only_these_providers(monkeypatch):
    monkeypatch.setattr(workitems, "_providers", {})


def test_it_finds_the_providers_in_each_apps_work_items_module():
    names = set(workitems._providers)
    assert "bimkemas.clients.work_items.new_assignments" in names
    assert "bimkemas.clients.work_items.unassigned_intake" in names


def test_it_sorts_groups_and_items_by_urgency_then_due_date(only_these_providers):
    @workitems.work_item_provider
    def flagged(user, day):
        return [WorkItemGroup("a", "A", 1, [item("a", Urgency.FLAGGED)])]

    @workitems.work_item_provider
    def due(user, day):
        late, soon = item("b", Urgency.DUE, DAY + dt.timedelta(days=9)), item("b", Urgency.DUE, DAY)
        return [WorkItemGroup("b", "B", 2, [late, soon])]

    @workitems.work_item_provider
    def overdue(user, day):
        return [WorkItemGroup("c", "C", 1, [item("c", Urgency.OVERDUE, DAY)])]

    groups = work_items_for(None, DAY)

    assert [group.kind for group in groups] == ["c", "b", "a"]
    assert [i.due for i in groups[1].items] == [DAY, DAY + dt.timedelta(days=9)]


def test_it_leaves_out_empty_groups(only_these_providers):
    workitems.work_item_provider(lambda user, day: [WorkItemGroup("a", "A", 0)])

    assert work_items_for(None, DAY) == []
