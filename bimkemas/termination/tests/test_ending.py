import datetime as dt

import pytest

from bimkemas.accounts.models import Role
from bimkemas.audit.models import AuditEvent
from bimkemas.clients.models import CaseDocument, CaseStatus
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.termination.models import Termination
from bimkemas.termination.services import (
    case_complete,
    case_record_death,
    case_terminate_revoked,
)
from bimkemas.termination.services.common import add_months
from bimkemas.testing import make_user, pdf_upload

pytestmark = pytest.mark.django_db


def test_completion_closes_the_case_with_a_numbered_certificate(bob, ended_case):
    termination = case_complete(actor=bob, case=ended_case, on=today())
    ended_case.refresh_from_db()
    assert ended_case.status == CaseStatus.COMPLETED
    assert ended_case.closed_on == today()
    assert termination.certificate_number.startswith("001/SKB/")
    assert termination.certificate_number.endswith(f"/{today().year}/PLG")
    assert ended_case.assignments.filter(ended_at__isnull=True).count() == 0


def test_certificate_numbers_follow_each_other(bob, ended_case, make_case, alice):
    other = make_case(
        officer=alice,
        identity={"full_name": "Dedi Kurniawan"},
        case={
            "guidance_start": today() - dt.timedelta(days=100),
            "guidance_end": today() - dt.timedelta(days=1),
        },
    )
    first = case_complete(actor=bob, case=ended_case, on=today())
    second = case_complete(actor=bob, case=other, on=today())
    assert (first.certificate_seq, second.certificate_seq) == (1, 2)


def test_completion_only_after_the_period(bob, case):
    with pytest.raises(ApplicationError, match="period has ended") as error:
        case_complete(actor=bob, case=case, on=today())
    assert "on" in error.value.errors
    case.refresh_from_db()
    assert case.is_open and not Termination.objects.exists()


def test_completion_on_the_last_day_is_allowed(bob, make_case, alice):
    case = make_case(
        officer=alice,
        case={"guidance_start": today() - dt.timedelta(days=60), "guidance_end": today()},
    )
    assert case_complete(actor=bob, case=case, on=today()).kind == "completed"


def test_aftercare_is_recorded(bob, ended_case):
    case_complete(actor=bob, case=ended_case, on=today(), aftercare_months=3)
    ended_case.refresh_from_db()
    assert ended_case.aftercare_until == add_months(ended_case.guidance_end, 3)
    with pytest.raises(ApplicationError):
        case_complete(actor=bob, case=ended_case, on=today(), aftercare_months=3)


@pytest.mark.parametrize("months", [0, 7])
def test_aftercare_lasts_one_to_six_months(bob, ended_case, months):
    with pytest.raises(ApplicationError) as error:
        case_complete(actor=bob, case=ended_case, on=today(), aftercare_months=months)
    assert "aftercare_months" in error.value.errors


def test_add_months_clips_to_the_month_end():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 1) == dt.date(2026, 2, 15)


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_only_supervisors_of_the_office_end_a_case(request, persona, ended_case):
    user = request.getfixturevalue(persona)
    with pytest.raises(ApplicationError):
        case_complete(actor=user, case=ended_case, on=today())


def test_the_bapas_head_may_end_a_case(dave, ended_case):
    assert case_complete(actor=dave, case=ended_case, on=today()).by == dave


def test_death_with_evidence(bob, case):
    termination = case_record_death(
        actor=bob,
        case=case,
        on=today() - dt.timedelta(days=1),
        reason="Sakit",
        evidence=pdf_upload("surat-kematian.pdf"),
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.DIED
    assert termination.evidence == CaseDocument.objects.get(case=case)
    assert AuditEvent.objects.filter(client_pk=case.client_id, summary__contains="died").exists()


def test_death_in_the_future_is_refused(bob, case):
    with pytest.raises(ApplicationError) as error:
        case_record_death(actor=bob, case=case, on=today() + dt.timedelta(days=1))
    assert "on" in error.value.errors


def test_revocation_closes_the_case(bob, case):
    termination = case_terminate_revoked(
        actor=bob, case=case, decision_reference="PAS-99.PK.05 TAHUN 2026", decided_on=today()
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.REVOKED
    assert termination.decision_reference == "PAS-99.PK.05 TAHUN 2026"
    with pytest.raises(ApplicationError):
        case_terminate_revoked(actor=bob, case=case, decision_reference="x", decided_on=today())


def test_revocation_needs_the_decision(bob, case):
    with pytest.raises(ApplicationError) as error:
        case_terminate_revoked(actor=bob, case=case, decision_reference=" ", decided_on=today())
    assert "decision_reference" in error.value.errors


def test_an_unassigned_registered_case_cannot_complete(bob, make_case, office):
    make_user("kasi2", office, Role.SUPERVISOR)
    case = make_case(
        case={
            "guidance_start": today() - dt.timedelta(days=100),
            "guidance_end": today() - dt.timedelta(days=1),
        }
    )
    with pytest.raises(ApplicationError, match="cannot end this way"):
        case_complete(actor=bob, case=case, on=today())
