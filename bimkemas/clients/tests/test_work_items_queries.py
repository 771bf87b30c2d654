import datetime as dt

from bimkemas.core.dates import today
from bimkemas.core.workitems import work_items_for


def test_it_computes_an_officers_and_a_supervisors_items_in_a_few_queries(
    alice, bob, make_case, django_assert_max_num_queries
):
    ending = {"guidance_start": today() - dt.timedelta(days=300), "guidance_end": today()}
    for number in range(10):
        name = {"full_name": f"Klien {chr(65 + number)}", "nik": None}
        make_case(officer=alice if number % 2 else None, identity=name, case=ending)

    with django_assert_max_num_queries(8):
        officer_groups = work_items_for(alice, today())
    with django_assert_max_num_queries(8):
        supervisor_groups = work_items_for(bob, today())

    assert {g.kind: g.total for g in officer_groups} == {
        "clients.new_assignment": 5,
        "clients.ending_soon": 5,
        "clients.phone": 5,
    }
    assert {g.kind: g.total for g in supervisor_groups} == {
        "clients.unassigned": 5,
        "clients.ending_soon": 10,
    }
