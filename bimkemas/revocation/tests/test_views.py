"""The revocation pages: propose, detail with its stepper and clock, step pages, list,
statistics, the client page's panel; access (other office 404) and audited reads."""

import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.revocation.models import Revocation
from bimkemas.revocation.workflow import Status
from bimkemas.testing import login, pdf_upload

pytestmark = pytest.mark.django_db


def detail(revocation) -> str:
    return reverse("revocation_detail", args=[revocation.public_id])


def step(revocation, slug: str) -> str:
    return reverse("revocation_step", args=[revocation.public_id, slug])


def test_the_propose_page_is_prefilled_from_a_violation(client, alice, case, violation):
    login(client, alice)
    url = reverse("revocation_propose", args=[case.public_id])
    response = client.get(f"{url}?violation={violation.public_id}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial == {"violation": str(violation.public_id), "grounds": violation.kind}


def test_proposing_records_the_request_with_its_letter(client, alice, case, violation):
    login(client, alice)
    response = client.post(
        reverse("revocation_propose", args=[case.public_id]),
        {
            "channel": "written",
            "requested_on": today().strftime("%d/%m/%Y"),
            "sender": "Kapolsek Ilir Barat I",
            "letter_number": "B/12/XII/2026",
            "grounds": "new_offence",
            "violation": str(violation.public_id),
            "upload": pdf_upload("surat.pdf"),
        },
    )
    revocation = Revocation.objects.get()
    assert response.status_code == 302
    assert response.url == detail(revocation)
    assert revocation.violation == violation
    assert revocation.steps.get().documents.get().original_name == "surat.pdf"


def test_a_bad_request_is_shown_again_with_its_errors(client, alice, case):
    login(client, alice)
    response = client.post(
        reverse("revocation_propose", args=[case.public_id]),
        {"channel": "oral", "requested_on": "31/02/2026", "sender": "", "grounds": ""},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"requested_on", "sender", "grounds"}
    assert not Revocation.objects.exists()


def test_other_officers_and_offices_get_404(client, pat, erin, case, revocation):
    for someone in (pat, erin):
        login(client, someone)
        assert client.get(reverse("revocation_propose", args=[case.public_id])).status_code == 404
        if someone == erin:
            assert client.get(detail(revocation)).status_code == 404
        assert client.get(step(revocation, "statement")).status_code == 404


def test_the_detail_shows_the_steps_the_clock_and_the_action_due(client, alice, revocation):
    login(client, alice)
    response = client.get(detail(revocation))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Working day 0 of 20" in body
    assert step(revocation, "statement") in body
    assert 'aria-current="step"' in body
    assert AuditEvent.objects.filter(action="view", object_type="revocation").exists()


def test_an_overdue_revocation_is_red_and_says_so(client, bob, case, request_revocation):
    case.received_on = today() - dt.timedelta(days=60)
    case.save()
    revocation = request_revocation(case, requested_on=today() - dt.timedelta(days=45))
    login(client, bob)
    body = client.get(detail(revocation)).content.decode()
    assert "text-danger" in body and "Overdue" in body


def test_the_officer_records_the_statement_on_its_page(client, alice, revocation):
    login(client, alice)
    assert client.get(step(revocation, "statement")).status_code == 200
    response = client.post(
        step(revocation, "statement"),
        {
            "on": today().strftime("%d/%m/%Y"),
            "question_1": "Apakah benar saudara ditangkap?",
            "answer_1": "Benar.",
        },
    )
    assert response.status_code == 302
    revocation.refresh_from_db()
    assert revocation.status == Status.STATEMENT_TAKEN
    assert revocation.steps.last().details["questions"][0]["answer"] == "Benar."


def test_only_the_head_sees_the_temporary_revocation_page(client, alice, bob, dave, recommended):
    for someone in (alice, bob):
        login(client, someone)
        assert client.get(step(recommended, "temporary")).status_code == 404
    login(client, dave)
    assert client.get(step(recommended, "temporary")).status_code == 200
    response = client.post(
        step(recommended, "temporary"),
        {"on": today().strftime("%d/%m/%Y"), "decree_number": "W6.PAS.16-1"},
    )
    assert response.status_code == 302
    assert Revocation.objects.get().status == Status.TEMPORARILY_REVOKED


def test_a_step_not_due_shows_no_form(client, dave, revocation):
    login(client, dave)
    response = client.get(step(revocation, "temporary"))
    assert response.status_code == 200
    assert "cannot be recorded now" in response.content.decode()
    response = client.post(
        step(revocation, "temporary"), {"on": "01/12/2026", "decree_number": "1"}
    )
    assert response.status_code == 400


def test_the_office_list_puts_open_ones_first_and_filters(client, bob, case, make_case, alice,
                                                          request_revocation):  # fmt: skip
    from bimkemas.revocation import services

    ended = request_revocation(case)
    services.revocation_withdraw(actor=bob, revocation=ended, on=today(), reason="Dicabut")
    other = make_case(officer=alice, identity={"full_name": "Joko Susilo", "nik": None})
    open_one = request_revocation(other)
    login(client, bob)
    response = client.get(reverse("revocation_list"))
    assert [r.pk for r, _clock in response.context["rows"]] == [open_one.pk, ended.pk]
    response = client.get(reverse("revocation_list"), {"status": "withdrawn"})
    assert [r.pk for r, _clock in response.context["rows"]] == [ended.pk]
    assert AuditEvent.objects.filter(action="list").exists()


def test_statistics_for_the_office_and_nationally(client, bob, nina, alice, revocation):
    login(client, bob)
    response = client.get(reverse("revocation_statistics"))
    assert response.status_code == 200
    assert response.context["period"].proposals == 1
    assert response.context["period"].clients_now == 1
    login(client, nina)
    assert client.get(reverse("revocation_statistics")).status_code == 200
    login(client, alice)
    assert client.get(reverse("revocation_statistics")).status_code == 404


def test_the_client_page_shows_the_revocation_and_its_state(client, alice, revocation):
    login(client, alice)
    response = client.get(reverse("client_detail", args=[revocation.case.client.public_id]))
    body = response.content.decode()
    assert detail(revocation) in body
    assert "Requested" in body and "Working day 0 of 20" in body


def test_the_client_page_offers_to_propose(client, alice, case):
    login(client, alice)
    body = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert reverse("revocation_propose", args=[case.public_id]) in body


def test_the_statement_is_generated_as_docx(client, alice, revocation):
    login(client, alice)
    response = client.post(
        reverse("revocation_document", args=[revocation.public_id, "statement"]), {"fmt": "docx"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_tpp_page_offers_the_sessions_decision(client, alice, bob, dave, revocation):
    from bimkemas.revocation import services
    from bimkemas.tpp.models import AgendaKind, Decision
    from bimkemas.tpp.services import agenda_add, agenda_decide, session_schedule

    services.revocation_record_statement(
        actor=alice, revocation=revocation, on=today(), statement="Keterangan klien"
    )
    services.revocation_record_examination(
        actor=alice, revocation=revocation, on=today(), attended=True, account="Khilaf"
    )
    session = session_schedule(actor=bob, held_on=today(), place="Aula", chair=dave, secretary=bob)
    item = agenda_add(actor=bob, session=session, case=revocation.case, kind=AgendaKind.REVOCATION)
    agenda_decide(actor=bob, item=item, decision=Decision.APPROVED)
    login(client, bob)
    page = client.get(step(revocation, "tpp"))
    assert session.number in page.content.decode()
    response = client.post(step(revocation, "tpp"), {"agenda_item": str(item.public_id)})
    assert response.status_code == 302
    revocation.refresh_from_db()
    assert revocation.status == Status.RECOMMENDED
    assert revocation.steps.last().agenda_item == item
