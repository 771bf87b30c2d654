import datetime as dt

from bimkemas.clients.services import case_assign, phone_add, phone_set_reachable
from bimkemas.clients.work_items import phones_to_check
from bimkemas.core.dates import today
from bimkemas.testing import login


def test_it_flags_unverified_and_unreachable_phones_of_my_open_cases(alice, case):
    client = case.client
    unverified = client.phones.get()  # added at intake, never called
    unreachable = phone_add(actor=alice, client=client, number="0813-1111-2222", label="istri")
    phone_set_reachable(actor=alice, phone=unreachable, reachable=False, on=today())
    working = phone_add(actor=alice, client=client, number="0813-3333-4444", label="kakak")
    phone_set_reachable(actor=alice, phone=working, reachable=True)

    [group] = phones_to_check(alice, today())

    assert group.total == 2
    titles = {item.title for item in group.items}
    assert f"Phone {unverified.number} is not verified yet: call it" in titles
    assert any(t.startswith(f"Phone {unreachable.number} was unreachable on") for t in titles)
    assert {item.subject for item in group.items} == {
        f"{client.full_name} ({case.register_number})"
    }
    assert all(item.urgency == "flagged" for item in group.items)


def test_it_leaves_out_other_officers_cases(bob, alice, pat, case):
    case_assign(actor=bob, case=case, officer=pat)

    assert phones_to_check(alice, today()) == []
    assert phones_to_check(bob, today()) == []  # supervisors: not their calls to make


def test_it_computes_a_whole_caseload_in_a_few_queries(
    alice, make_case, django_assert_max_num_queries
):
    for number in range(12):
        make_case(officer=alice, identity={"full_name": f"Klien {chr(65 + number)}", "nik": None})

    with django_assert_max_num_queries(3):
        [group] = phones_to_check(alice, today() + dt.timedelta(days=1))

    assert group.total == 12


def test_its_link_lists_every_client_with_a_phone_to_check(client, alice, case, make_case):
    phone_add(actor=alice, client=case.client, number="0813-1111-2222", label="istri")
    checked = make_case(officer=alice, identity={"full_name": "Sari Dewi", "nik": None})
    phone_set_reachable(actor=alice, phone=checked.client.phones.get(), reachable=True)

    [group] = phones_to_check(alice, today())
    login(client, alice)
    response = client.get(group.see_all_url)

    assert group.total == 2  # two phones of one client
    assert group.see_all_label == "See the client"
    listed = [row_client for row_client, _case, _stage in response.context["rows"]]
    assert listed == [case.client]
