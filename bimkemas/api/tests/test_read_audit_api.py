"""API answers that show a client's personal data leave a read in the client's access log."""

from bimkemas.audit.models import AuditAction
from bimkemas.clients.tests.test_read_audit import reads_of


def test_it_logs_each_client_an_api_search_returned(api_as, bob, case):
    response = api_as(bob).get("/clients", q=case.client.full_name)
    assert response.status_code == 200
    (event,) = reads_of(case.client, bob)
    assert (event.action, event.channel) == (AuditAction.LIST, "api")


def test_it_logs_the_clients_of_an_officers_caseload_in_the_api(api_as, bob, alice, case):
    assert api_as(bob).get(f"/officers/{alice.public_id}/caseload").status_code == 200
    (event,) = reads_of(case.client, bob)
    assert (event.action, event.channel) == (AuditAction.LIST, "api")


def test_it_logs_the_client_a_patch_answer_returned(api_as, alice, case):
    response = api_as(alice).patch(f"/clients/{case.client.public_id}", {"street": "Jl. Merdeka 1"})
    assert response.status_code == 200
    (event,) = reads_of(case.client, alice)
    assert event.summary == "Answer to a change"


def test_it_logs_the_case_a_patch_answer_returned(api_as, bob, case):
    response = api_as(bob).patch(f"/cases/{case.public_id}", {"special_conditions": "Lapor"})
    assert response.status_code == 200
    (event,) = reads_of(case.client, bob)
    assert event.object_type == "supervisioncase"
