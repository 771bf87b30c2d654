"""API of matches: list (alerts first, filters), one match, confirm, reject, run now,
precision; the same access as the pages."""

import pytest

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.linkage import services
from bimkemas.linkage.models import MatchCandidate
from bimkemas.linkage.tests.matches_support import (
    ALERT,
    REVIEW,
    FakeMatcher,
    make_match,
    make_record,
)
from bimkemas.violations.models import Violation

pytestmark = pytest.mark.django_db


def test_list_alerts_first_with_filters(case, alice):
    review = make_match(case.client, probability=0.7)
    alert = make_match(case.client, probability=0.995)
    api = ApiClient(alice)

    body = api.get("/matches").json()

    assert [m["id"] for m in body["results"]] == [str(alert.public_id), str(review.public_id)]
    assert (body["count"], body["pending_alerts"], body["pending_review"]) == (2, 1, 1)
    first = body["results"][0]
    assert first["client"]["register_number"] == case.register_number
    assert first["record"]["institution"] == alert.record.institution
    assert first["can_decide"] is True and first["client"]["name_key"] == "budi santoso"
    assert [m["id"] for m in api.get("/matches", band="review").json()["results"]] == [
        str(review.public_id)
    ]
    assert api.get("/matches", status="confirmed").json()["count"] == 0
    assert api.get("/matches", band="nonsense").status_code == 422


def test_confirm_opens_one_violation(case, alice):
    match = make_match(case.client)
    api = ApiClient(alice)

    done = api.post(f"/matches/{match.public_id}/confirm", {"note": "Foto sama"})

    assert done.status_code == 200, done.json()
    body = done.json()
    violation = Violation.objects.get()
    assert body["status"] == "confirmed" and body["violation_id"] == str(violation.public_id)
    assert body["can_decide"] is False
    again = api.post(f"/matches/{match.public_id}/confirm", {})
    assert again.status_code == 400 and Violation.objects.count() == 1


def test_reject_needs_a_note(case, alice):
    match = make_match(case.client)
    api = ApiClient(alice)

    assert api.post(f"/matches/{match.public_id}/reject", {}).status_code == 422
    assert api.post(f"/matches/{match.public_id}/reject", {"note": " "}).status_code == 400
    assert api.post(f"/matches/{match.public_id}/reject", {"extra": 1}).status_code == 422
    done = api.post(f"/matches/{match.public_id}/reject", {"note": "Orang lain"})
    assert done.status_code == 200 and done.json()["status"] == "rejected"


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_others_get_404(case, persona, request):
    match = make_match(case.client)
    api = ApiClient(request.getfixturevalue(persona))

    assert api.get(f"/matches/{match.public_id}").status_code == 404
    assert api.post(f"/matches/{match.public_id}/confirm", {}).status_code == 404
    assert api.post(f"/matches/{match.public_id}/reject", {"note": "x"}).status_code == 404
    assert MatchCandidate.objects.get().status == "pending"


def test_a_supervisor_decides_and_sees_the_office(case, bob):
    match = make_match(case.client)
    api = ApiClient(bob)

    assert api.get("/matches").json()["count"] == 1
    assert api.get(f"/matches/{match.public_id}").json()["can_decide"] is True
    assert api.post(f"/matches/{match.public_id}/confirm", {}).status_code == 200


def test_precision_for_supervisors_and_the_national_viewer(case, alice, bob, nina):
    services.match_confirm(actor=alice, match=make_match(case.client))
    services.match_reject(actor=alice, match=make_match(case.client), note="beda")

    for user in (bob, nina):
        body = ApiClient(user).get("/matches/precision").json()
        alert = next(t for t in body["total"] if t["band"] == "alert")
        assert (alert["confirmed"], alert["rejected"], alert["precision"]) == (1, 1, 0.5)
        assert body["months"] and body["models"][0]["label"] == "fake00000001"
    assert ApiClient(alice).get("/matches/precision").status_code == 404
    assert ApiClient(nina).get("/matches").status_code == 404


def test_run_now_for_supervisors_only(case, alice, bob, monkeypatch):
    make_record(case.client.full_name, birth_date=case.client.birth_date)
    monkeypatch.setattr(services, "link", FakeMatcher())
    monkeypatch.setattr(services, "thresholds", lambda: (ALERT, REVIEW))

    assert ApiClient(alice).post("/matches/run").status_code == 404
    body = ApiClient(bob).post("/matches/run").json()

    assert (body["records"], body["created"], body["alerts"]) == (1, 1, 1)
    assert body["model_version"] == "fake00000001"
