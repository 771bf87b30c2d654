import pytest

from bimkemas.api.tests.conftest import ApiClient
from bimkemas.core.dates import today
from bimkemas.tpp.models import StageTransition, TppSession

pytestmark = pytest.mark.django_db
REASON = "Evaluasi belum disetujui, klien patuh penuh"


def test_a_supervisor_runs_a_session_through_the_api(bob, dave, pat, lanjutan_case):
    api = ApiClient(bob)
    created = api.post(
        "/tpp/sessions",
        {
            "held_on": today().isoformat(),
            "place": "Aula",
            "chair": str(dave.public_id),
            "secretary": str(bob.public_id),
        },
    )
    assert created.status_code == 201, created.json()
    session = created.json()
    sid = session["id"]
    assert session["number"].startswith("TPP.1/")
    assert [m["role"] for m in session["members"]] == ["chair", "secretary"]
    member = api.post(f"/tpp/sessions/{sid}/members", {"user": str(pat.public_id)}).json()
    absent = api.post(f"/tpp/sessions/{sid}/members/{member['id']}/attendance", {"present": False})
    assert absent.json()["present"] is False
    item = api.post(
        f"/tpp/sessions/{sid}/agenda",
        {"case": str(lanjutan_case.public_id), "kind": "stage_transition"},
    ).json()
    assert (item["from_stage"], item["to_stage"]) == ("awal", "lanjutan")
    refused = api.post(
        f"/tpp/sessions/{sid}/agenda/{item['id']}/decision", {"decision": "approved"}
    )
    assert refused.status_code == 400
    assert "override_reason" in refused.json()["errors"]
    decided = api.post(
        f"/tpp/sessions/{sid}/agenda/{item['id']}/decision",
        {"decision": "approved", "override_reason": REASON},
    )
    assert decided.json()["decision"] == "approved"
    stage = api.get(f"/cases/{lanjutan_case.public_id}/stage").json()
    assert (stage["confirmed"], stage["by_date"], stage["waiting_for_decision"]) == (
        "lanjutan",
        "lanjutan",
        False,
    )
    assert stage["transitions"][0]["session_number"] == session["number"]
    minutes = api.post(f"/tpp/sessions/{sid}/minutes?fmt=docx")
    assert minutes.status_code == 201 and minutes.json()["format"] == "docx"
    closed = api.post(f"/tpp/sessions/{sid}/close")
    assert closed.json()["status"] == "closed"
    assert api.post(f"/tpp/sessions/{sid}/members", {"name": "X"}).status_code == 400
    assert [s["number"] for s in api.get("/tpp/sessions").json()] == [session["number"]]


def test_a_pk_proposes_but_does_not_decide(alice, session, lanjutan_case, case):
    api = ApiClient(alice)
    sid = session.public_id
    item = api.post(f"/tpp/sessions/{sid}/agenda", {"case": str(case.public_id), "kind": "other"})
    assert item.status_code == 201
    decided = api.post(
        f"/tpp/sessions/{sid}/agenda/{item.json()['id']}/decision", {"decision": "approved"}
    )
    assert decided.status_code == 404
    assert api.post(f"/tpp/sessions/{sid}/close").status_code == 404
    assert api.post("/tpp/sessions", {}).status_code in (404, 422)


@pytest.mark.parametrize("persona", ["erin", "nina"])
def test_outsiders_get_404(request, persona, session, lanjutan_case):
    api = ApiClient(request.getfixturevalue(persona))
    assert api.get(f"/tpp/sessions/{session.public_id}").status_code == 404
    assert api.get(f"/cases/{lanjutan_case.public_id}/stage").status_code == 404
    assert (
        api.post(
            f"/cases/{lanjutan_case.public_id}/stage-override",
            {"to_stage": "akhir", "reason": REASON},
        ).status_code
        == 404
    )


def test_stage_override(bob, alice, lanjutan_case):
    url = f"/cases/{lanjutan_case.public_id}/stage-override"
    assert ApiClient(alice).post(url, {"to_stage": "lanjutan", "reason": REASON}).status_code == 404
    short = ApiClient(bob).post(url, {"to_stage": "lanjutan", "reason": "kurang"})
    assert short.status_code == 400
    done = ApiClient(bob).post(url, {"to_stage": "lanjutan", "reason": REASON})
    assert done.status_code == 201 and done.json()["override_reason"] == REASON
    assert StageTransition.objects.count() == 1


def test_bad_bodies_are_422_not_500(bob, session):
    api = ApiClient(bob)
    assert api.post("/tpp/sessions", {"held_on": "x", "place": "A"}).status_code == 422
    bad = api.post(f"/tpp/sessions/{session.public_id}/agenda", {"case": "nope", "kind": "other"})
    assert bad.status_code == 422
    assert TppSession.objects.count() == 1
