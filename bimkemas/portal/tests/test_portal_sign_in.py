import datetime as dt

from django.test import Client
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.portal.session import ACCESS_KEY
from bimkemas.portal.tests.conftest import PIN, sign_in_form
from bimkemas.reporting.services.client_app import access_issue_code


def test_it_prefills_the_code_from_the_qr_link(client):
    response = client.get(reverse("portal:activate") + "?kode=ABCD2345")

    assert response.status_code == 200
    assert b'value="ABCD2345"' in response.content


def test_it_activates_and_signs_the_client_in(client, case, alice):
    issued = access_issue_code(actor=alice, client=case.client)

    response = client.post(
        reverse("portal:activate"),
        {
            **sign_in_form(case),
            "code": issued.code,
            "pin": PIN,
            "pin_again": PIN,
        },
    )

    assert response.status_code == 302
    assert client.get(reverse("portal:home")).status_code == 200


def test_it_asks_for_the_same_pin_twice(client, case, alice):
    issued = access_issue_code(actor=alice, client=case.client)

    response = client.post(
        reverse("portal:activate"),
        {**sign_in_form(case), "code": issued.code, "pin": PIN, "pin_again": "482916"},
    )

    assert b"The two PINs are not the same." in response.content


def test_it_signs_in_with_a_new_session(case, access):
    browser = Client()
    browser.get(reverse("portal:sign_in"))
    before = browser.session.session_key

    browser.post(reverse("portal:sign_in"), sign_in_form(case))

    assert browser.session.session_key != before
    assert browser.session[ACCESS_KEY] == str(access.public_id)
    assert 29 * 86400 < browser.session.get_expiry_age() <= 30 * 86400
    assert AuditEvent.objects.filter(
        action=AuditAction.GRANT, client_pk=case.client.pk, summary__contains="Signed in"
    ).exists()


def test_it_shows_the_error_and_what_to_do_on_a_wrong_pin(client, case, access):
    response = client.post(reverse("portal:sign_in"), sign_in_form(case, pin="000001"))

    assert response.status_code == 200
    assert b"4 more wrong tries" in response.content


def test_it_sends_a_visitor_to_the_sign_in_page(client):
    response = client.get(reverse("portal:checkin"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:sign_in"))


def test_a_staff_login_is_not_a_client_sign_in(client, alice):
    client.force_login(alice)

    response = client.get(reverse("portal:home"))

    assert response.status_code == 302


def test_the_officers_reset_signs_the_phone_out(phone, case, alice):
    access_issue_code(actor=alice, client=case.client)

    response = phone.get(reverse("portal:home"))

    assert response.status_code == 302


def test_it_signs_out(phone):
    phone.post(reverse("portal:sign_out"))

    assert phone.get(reverse("portal:home")).status_code == 302


def test_it_shows_the_home_page_with_the_due_date_and_the_officer(phone, case, alice):
    alice.phone = "0812-7311-4455"
    alice.save()

    response = phone.get(reverse("portal:home"))

    content = response.content.decode()
    assert "Please report" in content
    assert alice.get_full_name() in content
    assert 'href="tel:+6281273114455"' in content
    assert 'href="https://wa.me/6281273114455"' in content
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, client_pk=case.client.pk).exists()


def test_it_tells_how_to_get_a_new_pin(client):
    response = client.get(reverse("portal:forgot_pin"))

    assert b"Ask your officer" in response.content


def test_it_refuses_a_future_birth_date(client, case, access):
    form = sign_in_form(case)
    form["birth_date"] = (dt.date.today() + dt.timedelta(days=2)).strftime("%d/%m/%Y")

    response = client.post(reverse("portal:sign_in"), form)

    assert response.status_code == 200
    assert ACCESS_KEY not in client.session
