"""Admin edits of staff, offices and absences leave a history row naming the editor."""

import pytest
from django.urls import reverse

from bimkemas.accounts.models import Absence, Role, User
from bimkemas.core.dates import today
from bimkemas.testing import PASSWORD, login


@pytest.fixture
def root(db) -> User:
    return User.objects.create_superuser("root", password=PASSWORD, role="")


def staff_form(user: User, **changes) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "office": user.office_id,
        "role": user.role,
        "rank": user.rank,
        "nip": user.nip,
        "phone": user.phone,
        "absences-TOTAL_FORMS": "0",
        "absences-INITIAL_FORMS": "0",
        "absences-MIN_NUM_FORMS": "0",
        "absences-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_it_records_who_changed_an_officers_role_in_the_admin(client, root, alice):
    login(client, root)

    response = client.post(
        reverse("admin:accounts_user_change", args=[alice.pk]), staff_form(alice, role=Role.APK)
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    latest, previous = alice.history.order_by("-history_id")[:2]
    assert (latest.role, latest.history_user, latest.history_type) == (Role.APK, root, "~")
    assert previous.role == Role.PK


def test_it_records_an_absence_added_in_the_admin(client, root, alice):
    login(client, root)

    client.post(
        reverse("admin:accounts_absence_add"),
        {"officer": alice.pk, "kind": "leave", "starts_on": today().isoformat()},
    )

    absence = Absence.objects.get(officer=alice)
    assert absence.history.get().history_user == root


def test_a_login_is_not_an_edit(client, alice):
    before = alice.history.count()

    login(client, alice)
    client.post(reverse("login"), {"username": "alice", "password": PASSWORD})

    assert alice.history.count() == before


def test_the_admin_shows_the_history(client, root, alice):
    login(client, root)

    response = client.get(reverse("admin:accounts_user_history", args=[alice.pk]))

    assert response.status_code == 200
