"""Excuses, a client's messages and opt-outs, the app's activation code and the office's
compliance, over the API: what the client page and the supervisor's page offer."""

import datetime as dt

import pytest

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.core.dates import today
from bimkemas.notifications.models import Notification
from bimkemas.reporting.models import ClientAccess, Excuse


def put(api, path: str, data):
    return api.client.put(f"/api/v1{path}", data, content_type="application/json")


def first_day(case) -> dt.date:
    return max(today(), case.guidance_start)


def test_the_officer_excuses_a_client_and_reads_it_back(api_as, alice, case):
    api = api_as(alice)
    start = first_day(case)
    body = {
        "starts_on": start.isoformat(),
        "ends_on": (start + dt.timedelta(days=6)).isoformat(),
        "reason": "Dirawat di rumah sakit",
    }

    created = api.post(f"/cases/{case.public_id}/excuses", body)
    listed = api.get(f"/cases/{case.public_id}/excuses")

    assert created.status_code == 201, created.json()
    assert created.json()["granted_by"]["name"] == "Alice"
    assert [e["reason"] for e in listed.json()] == ["Dirawat di rumah sakit"]


def test_an_excuse_ending_before_it_starts_is_a_400_and_changes_nothing(api_as, alice, case):
    start = first_day(case) + dt.timedelta(days=3)
    body = {
        "starts_on": start.isoformat(),
        "ends_on": (start - dt.timedelta(days=1)).isoformat(),
        "reason": "Ke Jakarta",
    }

    response = api_as(alice).post(f"/cases/{case.public_id}/excuses", body)

    assert response.status_code == 400
    assert "ends_on" in response.json()["errors"]
    assert not Excuse.objects.exists()


@pytest.mark.parametrize("persona", ["carol", "pat", "erin"])
def test_only_the_case_s_writers_excuse(request, api_as, case, persona):
    start = first_day(case)
    body = {"starts_on": start.isoformat(), "ends_on": start.isoformat(), "reason": "Sakit"}
    response = api_as(request.getfixturevalue(persona)).post(
        f"/cases/{case.public_id}/excuses", body
    )
    assert response.status_code == 404


def test_it_lists_the_client_s_messages_and_audits_the_read(api_as, alice, case):
    Notification.objects.create(
        client_pk=case.client.pk,
        channel="whatsapp",
        address="+6281270001234",
        purpose_key="test:1",
        subject="Pengingat lapor",
        body="Halo",
    )

    answer = api_as(alice).get(f"/clients/{case.client.public_id}/messages").json()

    assert answer["total"] == 1
    assert answer["messages"][0]["channel"] == "whatsapp"
    assert answer["messages"][0]["status"] == "pending"
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, client_pk=case.client.pk, summary="Messages to the client"
    ).exists()


def test_the_officer_records_an_opt_out(api_as, alice, case):
    api = api_as(alice)
    path = f"/clients/{case.client.public_id}/opt-outs/whatsapp"

    assert put(api, path, {"opted_out": True}).json() == ["whatsapp"]
    assert api.get(f"/clients/{case.client.public_id}/messages").json()["opted_out"] == ["whatsapp"]
    assert put(api, path, {"opted_out": False}).json() == []
    assert (
        put(
            api, f"/clients/{case.client.public_id}/opt-outs/email", {"opted_out": True}
        ).status_code
        == 422
    )


def test_the_officer_issues_the_activation_code(api_as, alice, case):
    response = api_as(alice).post(f"/clients/{case.client.public_id}/app-access")

    assert response.status_code == 201
    code = response.json()["code"]
    assert len(code) == 9 and code[4] == "-"
    assert "kode=" in response.json()["activation_url"]
    assert ClientAccess.objects.get(client=case.client).activation_code_hash


def test_another_office_cannot_issue_a_code(api_as, erin, case):
    assert api_as(erin).post(f"/clients/{case.client.public_id}/app-access").status_code == 404


def test_the_supervisor_reads_the_office_s_compliance(api_as, bob, alice, case):
    answer = api_as(bob).get("/offices/mine/compliance").json()

    assert answer["office"] == case.office.code
    officers = {row["officer"]["name"]: row for row in answer["officers"]}
    assert officers["Alice"]["active_cases"] == 1
    assert set(answer["total"]) == {"reported", "missed", "excused", "rate"}


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_the_office_s_compliance_is_for_its_supervisors(request, api_as, persona):
    response = api_as(request.getfixturevalue(persona)).get("/offices/mine/compliance")
    assert response.status_code == 404
