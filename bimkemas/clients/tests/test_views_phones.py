import datetime as dt

from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import ClientPhone
from bimkemas.clients.services import case_grant_access
from bimkemas.core.dates import today
from bimkemas.testing import login

HTMX = {"HX-Request": "true"}


def add_url(case):
    return reverse("phone_add", args=[case.client.public_id])


def check_url(case, phone):
    return reverse("phone_check", args=[case.client.public_id, phone.public_id])


def test_it_adds_a_phone(client, alice, case):
    login(client, alice)

    response = client.post(add_url(case), {"number": "0813 1234 5678", "label": "istri"})

    assert response.status_code == 302
    assert case.client.phones.filter(number="+6281312345678", label="istri").exists()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="clientphone").count()


def test_it_returns_the_phones_partial_to_htmx(client, alice, case):
    login(client, alice)

    response = client.post(add_url(case), {"number": "081312345678"}, headers=HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert '<div id="phones">' in body
    assert "+6281312345678" in body
    assert "<html" not in body


def test_it_refuses_a_bad_number_with_400(client, alice, case):
    login(client, alice)

    response = client.post(add_url(case), {"number": "12"})

    assert response.status_code == 400
    assert "This is not a valid phone number." in response.content.decode()
    assert case.client.phones.count() == 1


def test_it_refuses_a_duplicate_number(client, alice, case):
    login(client, alice)

    response = client.post(add_url(case), {"number": "0812-7000-1234"}, headers=HTMX)

    assert "This number is already recorded." in response.content.decode()
    assert case.client.phones.count() == 1


def test_it_records_that_a_number_was_reachable(client, alice, case):
    phone = case.client.phones.get()
    login(client, alice)

    response = client.post(check_url(case, phone), {"reachable": "1"}, headers=HTMX)

    assert response.status_code == 200
    phone.refresh_from_db()
    assert phone.verified_reachable is True
    assert phone.verified_on == today()
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="clientphone")
    assert event.changes["verified_reachable"] == [False, True]


def test_it_records_that_a_number_was_not_reachable(client, bob, case):
    phone = case.client.phones.get()
    login(client, bob)

    response = client.post(check_url(case, phone), {"reachable": "0"})

    assert response.status_code == 302
    phone.refresh_from_db()
    assert (phone.verified_reachable, phone.verified_on) == (False, today())


def test_it_refuses_a_check_without_an_answer(client, alice, case):
    phone = case.client.phones.get()
    login(client, alice)

    response = client.post(check_url(case, phone), {"reachable": "maybe"})

    assert response.status_code == 400
    phone.refresh_from_db()
    assert phone.verified_on is None


def test_it_refuses_a_phone_of_another_client(client, alice, case, make_case):
    other = make_case(identity={"full_name": "Joko Susilo"})
    login(client, alice)

    response = client.post(check_url(case, other.client.phones.get()), {"reachable": "1"})

    assert response.status_code == 404
    assert not ClientPhone.objects.filter(verified_on__isnull=False).exists()


def test_it_refuses_a_read_only_officer(client, bob, pat, case):
    case_grant_access(actor=bob, case=case, officer=pat, until=today() + dt.timedelta(days=7))
    login(client, pat)

    assert client.post(add_url(case), {"number": "081312345678"}).status_code == 404
    phone = case.client.phones.get()
    assert client.post(check_url(case, phone), {"reachable": "1"}).status_code == 404


def test_it_refuses_get(client, alice, case):
    login(client, alice)

    assert client.get(add_url(case)).status_code == 405
