import datetime as dt

import pytest
from django.contrib.auth.hashers import check_password
from django.utils import timezone

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.services.client_app import (
    CODE_ALPHABET,
    access_activate,
    access_issue_code,
    access_sign_in,
    validate_pin,
)

PIN = "482915"


def activate(case, code, *, pin=PIN, **overrides):
    data = {
        "register_number": case.register_number,
        "birth_date": case.client.birth_date,
        "code": code,
        "pin": pin,
        **overrides,
    }
    return access_activate(**data)


def test_it_issues_a_short_code_stored_only_as_a_hash(case, alice):
    issued = access_issue_code(actor=alice, client=case.client)

    access = ClientAccess.objects.get(client=case.client)
    assert len(issued.code) == 8 and set(issued.code) <= set(CODE_ALPHABET)
    assert issued.code not in access.activation_code_hash
    assert check_password(issued.code, access.activation_code_hash)
    assert access.activation_expires_at > timezone.now() + dt.timedelta(days=13)
    assert f"kode={issued.code}" in issued.activation_url
    assert issued.qr_data_uri().startswith("data:image/png;base64,")


def test_it_audits_the_issue_in_the_clients_log(case, alice):
    access_issue_code(actor=alice, client=case.client)

    event = AuditEvent.objects.get(action=AuditAction.GRANT, client_pk=case.client.pk)
    assert event.actor == alice


@pytest.mark.parametrize("who", ["alice", "bob", "dave"])
def test_it_lets_the_officer_and_supervisors_issue(case, who, request):
    access_issue_code(actor=request.getfixturevalue(who), client=case.client)


@pytest.mark.parametrize("who", ["pat", "erin", "nina", "carol"])
def test_it_refuses_anyone_else(case, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(ApplicationError):
        access_issue_code(actor=user, client=case.client)
    assert not ClientAccess.objects.exists()


def test_it_activates_with_the_code_and_sets_the_pin(case, alice):
    issued = access_issue_code(actor=alice, client=case.client)

    access = activate(case, f" {issued.code[:4].lower()}-{issued.code[4:]} ")

    assert access.activated_at is not None
    assert access.activation_code_hash == ""
    assert check_password(PIN, access.pin_hash)
    assert (
        access_sign_in(
            register_number=case.register_number.lower(),
            birth_date=case.client.birth_date,
            pin=PIN,
        )
        == access
    )


def test_it_refuses_a_code_used_twice(case, alice):
    issued = access_issue_code(actor=alice, client=case.client)
    activate(case, issued.code)

    with pytest.raises(ApplicationError, match="already activated"):
        activate(case, issued.code, pin="739164")


def test_it_refuses_an_expired_code(case, alice):
    issued = access_issue_code(actor=alice, client=case.client)
    ClientAccess.objects.update(activation_expires_at=timezone.now() - dt.timedelta(minutes=1))

    with pytest.raises(ApplicationError, match="expired"):
        activate(case, issued.code)


def test_it_refuses_the_wrong_birth_date(case, alice):
    issued = access_issue_code(actor=alice, client=case.client)

    with pytest.raises(ApplicationError, match="not right"):
        activate(case, issued.code, birth_date=dt.date(1970, 1, 1))


@pytest.mark.parametrize(
    "pin", ["12345", "1234567", "abcdef", "111111", "123456", "012345", "987654", "170590"]
)
def test_it_refuses_weak_pins(pin):
    with pytest.raises(ApplicationError) as error:
        validate_pin(pin, dt.date(1990, 5, 17))
    assert "pin" in error.value.errors


def test_it_accepts_an_ordinary_pin():
    validate_pin("482915", dt.date(1990, 5, 17))
