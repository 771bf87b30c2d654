import datetime as dt

import pytest

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import Facility, Programme, SupervisionCase
from bimkemas.clients.services import case_grant_access
from bimkemas.core.dates import today

ORIGINAL_SK = "PAS-1234.PK.05.09 TAHUN 2026"


def path(case) -> str:
    return f"/cases/{case.public_id}"


def update_events():
    return AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="supervisioncase")


@pytest.mark.parametrize("persona", ["alice", "bob", "dave"])
def test_it_corrects_a_case_and_audits_it(request, api_as, case, persona):
    response = api_as(request.getfixturevalue(persona)).patch(
        path(case), {"sk_number": "PAS-77 TAHUN 2026", "offence_article": "Pasal 114"}
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["sk_number"], body["offence_article"]) == ("PAS-77 TAHUN 2026", "Pasal 114")
    assert body["register_number"] == case.register_number
    event = update_events().get()
    assert event.changes["sk_number"] == [ORIGINAL_SK, "PAS-77 TAHUN 2026"]
    assert event.channel == "api"


def test_it_takes_the_programme_by_code_and_the_facility_by_id(api_as, bob, case, cb):
    rutan = Facility.objects.create(kind="rutan", name="Rutan Kelas I Palembang")

    response = api_as(bob).patch(
        path(case), {"programme": "CB", "origin_facility": rutan.pk, "crime_category": "penipuan"}
    )

    assert response.status_code == 200
    assert response.json()["programme"]["value"] == "CB"
    assert response.json()["origin_facility"] == "Rutan Kelas I Palembang"
    case.refresh_from_db()
    assert (case.programme, case.origin_facility, case.crime_category) == (cb, rutan, "penipuan")


def test_it_moves_the_timeline_with_the_dates(api_as, bob, case):
    start = case.guidance_start - dt.timedelta(days=200)

    response = api_as(bob).patch(
        path(case), {"guidance_start": start.isoformat(), "guidance_end": today().isoformat()}
    )

    assert response.status_code == 200
    timeline = response.json()["timeline"]
    assert timeline[0]["first_day"] == start.isoformat()
    assert SupervisionCase.objects.get(pk=case.pk).akhir_from < today()


@pytest.mark.parametrize("persona", ["carol", "pat", "erin", "nina"])
def test_it_is_a_404_for_those_who_may_not_edit(request, api_as, case, persona):
    response = api_as(request.getfixturevalue(persona)).patch(path(case), {"sk_number": "X"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found", "errors": {}}


def test_a_granted_reader_cannot_edit(api_as, bob, pat, case):
    case_grant_access(actor=bob, case=case, officer=pat, until=today())

    assert api_as(pat).patch(path(case), {"sk_number": "X"}).status_code == 404


def test_an_end_before_the_start_is_a_400_and_changes_nothing(api_as, bob, case):
    response = api_as(bob).patch(path(case), {"sk_number": "X", "guidance_end": "2020-01-01"})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "guidance_end": ["The guidance period ends before it starts."]
    }
    assert SupervisionCase.objects.get(pk=case.pk).sk_number == ORIGINAL_SK
    assert not update_events().exists()


def test_a_required_field_cannot_be_cleared(api_as, bob, case):
    response = api_as(bob).patch(path(case), {"sk_date": None})

    assert response.status_code == 400
    assert response.json()["errors"] == {"sk_date": ["This field is required."]}


def test_null_clears_the_conditions(api_as, bob, case):
    api_as(bob).patch(path(case), {"special_conditions": "Wajib lapor"})

    response = api_as(bob).patch(path(case), {"special_conditions": None})

    assert response.status_code == 200
    assert response.json()["special_conditions"] == ""


def test_an_unknown_or_retired_programme_is_refused(api_as, bob, case):
    Programme.objects.create(code="OLD", name="Dihapus", is_active=False)

    for code in ("NOPE", "OLD"):
        response = api_as(bob).patch(path(case), {"programme": code})
        assert response.status_code == 400
        assert response.json()["errors"] == {"programme": ["Unknown programme."]}


def test_an_unknown_facility_is_refused(api_as, bob, case):
    response = api_as(bob).patch(path(case), {"origin_facility": 999999})

    assert response.status_code == 400
    assert response.json()["errors"] == {"origin_facility": ["Unknown facility."]}


@pytest.mark.parametrize(
    "payload",
    [{"register_number": "0001/X"}, {"sk_number": "x" * 101}, {"sentence_years": -1}],
)
def test_bad_input_is_a_422_in_the_error_shape(api_as, bob, case, payload):
    response = api_as(bob).patch(path(case), payload)

    assert response.status_code == 422
    assert set(response.json()["errors"]) == set(payload)
    assert SupervisionCase.objects.get(pk=case.pk).register_number == case.register_number


def test_a_closed_case_is_refused(api_as, bob, case):
    api_as(bob).post(f"{path(case)}/close", {"status": "completed", "closed_on": str(today())})

    response = api_as(bob).patch(path(case), {"sk_number": "X"})

    assert response.status_code == 400
    assert response.json()["detail"] == "A closed case cannot be changed."
