"""Who may read and record assessments: the case's writers record (own PK, section head,
Bapas head); the registrar reads; another PK, another Bapas and the national viewer get 404."""

import pytest

from bimkemas.assessments.models import Assessment
from bimkemas.assessments.tests.conftest import answers_for
from bimkemas.core.dates import today
from bimkemas.testing import login

READ = {"alice": 200, "bob": 200, "dave": 200, "carol": 200, "pat": 404, "erin": 404, "nina": 404}
WRITE = {"alice": 200, "bob": 200, "dave": 200, "carol": 404, "pat": 404, "erin": 404, "nina": 404}


@pytest.fixture
def scored(case, risk, assess):
    return assess(case, risk)


@pytest.mark.parametrize("persona", sorted(READ))
def test_reading_an_assessment(client, request, persona, scored):
    login(client, request.getfixturevalue(persona))
    assert client.get(f"/assessments/{scored.public_id}/").status_code == READ[persona]


@pytest.mark.parametrize("persona", sorted(WRITE))
def test_opening_the_assessment_form(client, request, persona, case, risk):
    login(client, request.getfixturevalue(persona))
    assert client.get(f"/assessments/cases/{case.public_id}/new/").status_code == WRITE[persona]
    url = f"/assessments/cases/{case.public_id}/new/{risk.public_id}/"
    assert client.get(url).status_code == WRITE[persona]
    assert (
        client.get(f"/assessments/cases/{case.public_id}/reassess/").status_code == WRITE[persona]
    )


@pytest.mark.parametrize("persona", ["carol", "pat", "erin", "nina"])
def test_those_who_may_not_assess_change_nothing(client, request, persona, case, risk):
    login(client, request.getfixturevalue(persona))
    data = {f"item_{c}": i for c, i in answers_for(risk).items()}
    data.update(assessed_on=today().strftime("%d/%m/%Y"), reason="initial", action="score")
    url = f"/assessments/cases/{case.public_id}/new/{risk.public_id}/"
    assert client.post(url, data).status_code == 404
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("persona", ["carol", "pat", "erin"])
def test_only_writers_continue_a_draft(client, request, persona, case, risk, assess):
    draft = assess(case, risk, finish=False)
    login(client, request.getfixturevalue(persona))
    assert client.get(f"/assessments/{draft.public_id}/edit/").status_code == 404


def test_a_closed_case_is_no_longer_assessed(client, alice, bob, case, risk):
    case.status = "completed"
    case.save(update_fields=["status"])
    login(client, bob)
    assert client.get(f"/assessments/cases/{case.public_id}/new/").status_code == 404


def test_unknown_ids_are_404(client, alice, case):
    login(client, alice)
    url = f"/assessments/cases/{case.public_id}/new/00000000-0000-0000-0000-000000000000/"
    assert client.get(url).status_code == 404
    assert client.get("/assessments/00000000-0000-0000-0000-000000000000/").status_code == 404
