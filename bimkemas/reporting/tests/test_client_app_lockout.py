import pytest
from django.core.cache import cache

from bimkemas.audit.context import request_origin
from bimkemas.audit.models import AuditEvent
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import ClientAccess, ClientToken
from bimkemas.reporting.services.client_app import (
    ADDRESS_FAILURE_LIMIT,
    MAX_FAILURES,
    access_activate,
    access_issue_code,
    access_sign_in,
    client_token_authenticate,
    client_token_create,
)

PIN = "482915"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def activated(case, alice):
    issued = access_issue_code(actor=alice, client=case.client)
    return access_activate(
        register_number=case.register_number,
        birth_date=case.client.birth_date,
        code=issued.code,
        pin=PIN,
    )


def sign_in(case, pin):
    return access_sign_in(
        register_number=case.register_number, birth_date=case.client.birth_date, pin=pin
    )


def test_it_counts_wrong_pins_and_says_how_many_are_left(case, activated):
    with pytest.raises(ApplicationError, match="4 more wrong tries"):
        sign_in(case, "000001")

    activated.refresh_from_db()
    assert activated.failed_attempts == 1
    assert AuditEvent.objects.filter(client_pk=case.client.pk, summary__contains="1 of 5").exists()


def test_it_locks_after_five_wrong_pins_even_for_the_right_one(case, activated):
    for _ in range(MAX_FAILURES):
        with pytest.raises(ApplicationError):
            sign_in(case, "000001")

    with pytest.raises(ApplicationError, match="Ask your officer to reset it"):
        sign_in(case, PIN)
    activated.refresh_from_db()
    assert activated.locked_at is not None


def test_it_forgets_earlier_failures_after_a_right_pin(case, activated):
    with pytest.raises(ApplicationError):
        sign_in(case, "000001")

    sign_in(case, PIN)

    activated.refresh_from_db()
    assert activated.failed_attempts == 0


def test_it_locks_after_five_wrong_activation_codes(case, alice):
    access_issue_code(actor=alice, client=case.client)
    for _ in range(MAX_FAILURES):
        with pytest.raises(ApplicationError):
            access_activate(
                register_number=case.register_number,
                birth_date=case.client.birth_date,
                code="AAAAAAAA",
                pin=PIN,
            )

    assert ClientAccess.objects.get(client=case.client).locked_at is not None


def test_the_officers_reset_unlocks_clears_the_pin_and_revokes_tokens(case, alice, activated):
    _token, key = client_token_create(access=activated)
    for _ in range(MAX_FAILURES):
        with pytest.raises(ApplicationError):
            sign_in(case, "000001")

    issued = access_issue_code(actor=alice, client=case.client)

    activated.refresh_from_db()
    assert activated.locked_at is None and activated.failed_attempts == 0
    assert activated.pin_hash == "" and activated.activated_at is None
    assert client_token_authenticate(key) is None
    assert ClientToken.objects.get().revoked_at is not None
    with pytest.raises(ApplicationError, match="not activated"):
        sign_in(case, PIN)
    access_activate(
        register_number=case.register_number,
        birth_date=case.client.birth_date,
        code=issued.code,
        pin="739164",
    )
    assert sign_in(case, "739164") == activated


def test_it_slows_down_one_address_guessing_many_clients(case, activated):
    token = request_origin.set(("203.0.113.7", "web"))
    try:
        for _ in range(ADDRESS_FAILURE_LIMIT):
            with pytest.raises(ApplicationError):
                access_sign_in(
                    register_number="9999/PB/D/2026/PLG",
                    birth_date=case.client.birth_date,
                    pin=PIN,
                )
        with pytest.raises(ApplicationError, match="Wait 15 minutes"):
            sign_in(case, PIN)
    finally:
        request_origin.reset(token)

    assert sign_in(case, PIN) == activated  # another address is not held back


def test_a_client_token_works_until_revoked(activated):
    _token, key = client_token_create(access=activated)

    assert key.startswith("lapor_")
    assert client_token_authenticate(key) == activated
    assert client_token_authenticate(key + "x") is None
