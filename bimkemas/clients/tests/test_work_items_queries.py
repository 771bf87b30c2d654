"""Work items are set-based: the queries for a caseload or an office do not grow with it."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bimkemas.core.dates import today
from bimkemas.core.workitems import work_items_for

ENDING = {"guidance_start": today() - dt.timedelta(days=300), "guidance_end": today()}


def add_cases(make_case, alice, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        name = {"full_name": f"Klien {chr(65 + number)}", "nik": None}
        make_case(officer=alice if number % 2 else None, identity=name, case=ENDING)


def queries_for(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        work_items_for(user, today())
    return len(captured)


def test_it_computes_an_officers_and_a_supervisors_items_in_a_few_queries(alice, bob, make_case):
    add_cases(make_case, alice, 2)
    few = (queries_for(alice), queries_for(bob))
    add_cases(make_case, alice, 10, start=2)

    assert (queries_for(alice), queries_for(bob)) == few


def test_it_shows_the_clients_items_of_an_officer_and_a_supervisor(alice, bob, make_case):
    add_cases(make_case, alice, 10)

    officer_groups = {g.kind: g.total for g in work_items_for(alice, today())}
    supervisor_groups = {g.kind: g.total for g in work_items_for(bob, today())}

    assert {k: v for k, v in officer_groups.items() if k.startswith("clients.")} == {
        "clients.new_assignment": 5,
        "clients.ending_soon": 5,
        "clients.phone": 5,
    }
    assert {k: v for k, v in supervisor_groups.items() if k.startswith("clients.")} == {
        "clients.unassigned": 5,
        "clients.ending_soon": 10,
    }
