"""The permission matrix of docs/ARCHITECTURE.md, asked of clients.access directly."""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from bimkemas.accounts.models import Role
from bimkemas.clients.access import (
    can_intake,
    can_see_officer,
    can_supervise,
    get_case_for_user,
    get_client_for_user,
    visible_clients,
    writable_clients,
)
from bimkemas.clients.models import CaseStatus
from bimkemas.clients.services import case_assign, case_close
from bimkemas.core.dates import today
from bimkemas.testing import make_user

# persona: (sees, writes, intake, supervise) where sees/writes is "all", "own" or "none".
MATRIX = {
    "alice": ("own", "own", False, False),
    "pat": ("none", "none", False, False),
    "bob": ("all", "all", True, True),
    "dave": ("all", "all", True, True),
    "carol": ("all", "all", True, False),
    "erin": ("none", "none", False, False),
    "nina": ("none", "none", False, False),
    "apk": ("own", "own", False, False),
    "inactive": ("none", "none", False, False),
    "anonymous": ("none", "none", False, False),
}


@pytest.fixture
def world(case, make_case, office, work_area, alice, pat, bob, dave, carol, erin, nina):
    """alice's case, an unassigned case, a case of an APK, and every persona."""
    other = make_case(identity={"full_name": "Andi Saputra"})
    apk = make_user("agus", office, Role.APK)
    apk_case = make_case(officer=apk, identity={"full_name": "Citra Lestari"})
    inactive = make_user("ivan", office, Role.HEAD, is_active=False)
    users = {
        "alice": alice,
        "pat": pat,
        "bob": bob,
        "dave": dave,
        "carol": carol,
        "erin": erin,
        "nina": nina,
        "apk": apk,
        "inactive": inactive,
        "anonymous": AnonymousUser(),
    }
    own = {"alice": {case.client}, "apk": {apk_case.client}}
    return users, own, {case.client, other.client, apk_case.client}


def expected(kind: str, persona: str, own: dict, everyone: set) -> set:
    return {"all": everyone, "own": own.get(persona, set()), "none": set()}[kind]


@pytest.mark.parametrize("persona", MATRIX)
def test_it_scopes_clients_per_persona(world, persona):
    users, own, everyone = world
    user = users[persona]
    sees, writes, intake, supervise = MATRIX[persona]
    assert set(visible_clients(user)) == expected(sees, persona, own, everyone)
    assert set(writable_clients(user)) == expected(writes, persona, own, everyone)
    assert can_intake(user) is intake
    assert can_supervise(user) is supervise


@pytest.mark.parametrize("persona", MATRIX)
def test_it_raises_404_outside_a_users_reach(world, persona):
    users, own, everyone = world
    user = users[persona]
    sees, writes, _intake, _supervise = MATRIX[persona]
    for client in everyone:
        for write, kind in ((False, sees), (True, writes)):
            if client in expected(kind, persona, own, everyone):
                assert get_client_for_user(user, client.public_id, write=write) == client
                case = client.cases.get()
                assert get_case_for_user(user, case.public_id, write=write) == case
            else:
                with pytest.raises(Http404):
                    get_client_for_user(user, client.public_id, write=write)
                with pytest.raises(Http404):
                    get_case_for_user(user, client.cases.get().public_id, write=write)


@pytest.mark.parametrize("public_id", ["not-a-uuid", "", None, 42, uuid.uuid4()])
def test_it_raises_404_for_a_malformed_or_unknown_id(case, bob, public_id):
    with pytest.raises(Http404):
        get_client_for_user(bob, public_id)
    with pytest.raises(Http404):
        get_case_for_user(bob, public_id)


def test_it_lets_officers_see_only_themselves_and_supervisors_their_office(world):
    users, _own, _everyone = world
    alice, pat, bob, dave = users["alice"], users["pat"], users["bob"], users["dave"]
    carol, erin, nina = users["carol"], users["erin"], users["nina"]
    assert can_see_officer(alice, alice)
    assert not can_see_officer(alice, pat)
    assert can_see_officer(bob, alice) and can_see_officer(dave, pat)
    assert not can_see_officer(carol, alice)
    assert can_see_officer(carol, carol)
    assert not can_see_officer(erin, alice)
    assert not can_see_officer(bob, erin)
    assert not can_see_officer(nina, alice)
    assert not can_see_officer(AnonymousUser(), alice)
    assert not can_see_officer(users["inactive"], alice)


def test_it_stops_showing_a_client_to_the_previous_officer_on_reassignment(case, alice, pat, bob):
    case_assign(actor=bob, case=case, officer=pat)
    assert case.client not in visible_clients(alice)
    assert set(visible_clients(pat)) == {case.client}
    with pytest.raises(Http404):
        get_client_for_user(alice, case.client.public_id)


def test_it_stops_showing_a_client_when_the_case_closes(case, alice, bob):
    case_close(actor=bob, case=case, status=CaseStatus.COMPLETED, closed_on=today())
    assert not visible_clients(alice).exists()
    assert not writable_clients(alice).exists()
    assert case.client in visible_clients(bob)


def test_it_hides_clients_from_an_officer_deactivated_mid_session(case, alice):
    alice.is_active = False
    assert not visible_clients(alice).exists()
    assert not writable_clients(alice).exists()
