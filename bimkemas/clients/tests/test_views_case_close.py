import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.core.dates import today
from bimkemas.testing import login


def url(case) -> str:
    return reverse("case_close", args=[case.public_id])


def test_it_offers_only_the_allowed_outcomes(client, bob, case):
    login(client, bob)
    response = client.get(url(case))
    assert response.status_code == 200
    choices = [value for value, _label in response.context["form"].fields["status"].choices]
    assert choices == ["completed", "revoked", "died", "transferred"]


def test_a_registered_case_cannot_be_closed_as_completed(client, bob, make_case):
    new_case = make_case(identity={"nik": None, "full_name": "Rudi"})
    login(client, bob)
    choices = client.get(url(new_case)).context["form"].fields["status"].choices
    assert [value for value, _label in choices] == ["died", "transferred"]
    response = client.post(url(new_case), {"status": "completed", "closed_on": today()})
    assert response.status_code == 400


def test_it_closes_a_case_and_ends_the_assignment(client, bob, case):
    login(client, bob)
    response = client.post(
        url(case), {"status": "revoked", "closed_on": today(), "note": "Mengulangi tindak pidana"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "revoked" and case.closed_on == today()
    assert case.assignments.get().ended_at is not None
    assert AuditEvent.objects.filter(action=AuditAction.STATUS, object_id=case.public_id).exists()


def test_a_reason_is_needed_unless_completed(client, bob, case):
    login(client, bob)
    response = client.post(url(case), {"status": "revoked", "closed_on": today()})
    assert response.status_code == 400
    assert "Say why the case ends." in response.text
    response = client.post(url(case), {"status": "completed", "closed_on": today()})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("closed_on", "message"),
    [
        (today() + dt.timedelta(days=2), "This date is in the future."),
        (today() - dt.timedelta(days=400), "between the reception date and today"),
        ("2026-02-31", ""),
    ],
)
def test_it_refuses_a_bad_closing_date(client, bob, case, closed_on, message):
    login(client, bob)
    response = client.post(url(case), {"status": "completed", "closed_on": closed_on})
    assert response.status_code == 400
    assert message in response.text
    case.refresh_from_db()
    assert case.status == "active"


def test_a_closed_case_shows_no_form(client, bob, case):
    login(client, bob)
    client.post(url(case), {"status": "completed", "closed_on": today()})
    response = client.get(url(case))
    assert "This case is already closed." in response.text
    assert client.post(url(case), {"status": "died", "closed_on": today()}).status_code == 400


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_only_supervisors_close_cases(client, request, persona, case):
    login(client, request.getfixturevalue(persona))
    assert client.get(url(case)).status_code == 404
    assert client.post(url(case), {"status": "completed", "closed_on": today()}).status_code == 404
