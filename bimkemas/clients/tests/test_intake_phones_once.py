"""Intake records phone numbers through phone_add, so a number is stored once per client."""

from bimkemas.clients.services import case_close, client_intake
from bimkemas.core.dates import today
from bimkemas.testing import case_data, identity_data


def test_a_number_given_twice_is_stored_once(carol, work_area, pb, facility):
    case = client_intake(
        actor=carol,
        identity=identity_data(work_area),
        case=case_data(pb, facility),
        phones=[
            {"number": "0812-7000-1234", "label": "pribadi"},
            {"number": "+62 812 7000 1234", "label": "istri"},
        ],
    )

    assert list(case.client.phones.values_list("number", flat=True)) == ["+6281270001234"]


def test_a_returning_clients_known_number_is_not_added_again(
    carol, bob, alice, make_case, pb, facility
):
    old = make_case(officer=alice)  # phone 0812-7000-1234
    case_close(actor=bob, case=old, status="completed", closed_on=today())

    client_intake(
        actor=carol,
        identity={},
        case=case_data(pb, facility),
        phones=[{"number": "081270001234"}, {"number": "081399998888"}],
        existing_client=old.client,
    )

    numbers = sorted(old.client.phones.values_list("number", flat=True))
    assert numbers == ["+6281270001234", "+6281399998888"]
