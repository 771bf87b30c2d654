import datetime as dt

import pytest

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.clients.services import case_close, case_update
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError


def updates(case):
    return AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type="supervisioncase", object_id=str(case.public_id)
    )


def test_it_audits_each_change_with_old_and_new(bob, case, cb):
    case_update(
        actor=bob,
        case=case,
        data={"sk_number": "PAS-9999 TAHUN 2026", "programme": cb, "offence_article": "Pasal 114"},
    )

    case.refresh_from_db()
    assert (case.sk_number, case.programme, case.offence_article) == (
        "PAS-9999 TAHUN 2026",
        cb,
        "Pasal 114",
    )
    event = updates(case).get()
    assert event.actor == bob
    assert event.client_pk == case.client_id
    assert event.changes == {
        "programme": ["PB — Pembebasan Bersyarat", "CB — Cuti Bersyarat"],
        "sk_number": ["PAS-1234.PK.05.09 TAHUN 2026", "PAS-9999 TAHUN 2026"],
        "offence_article": ["Pasal 112 ayat (1)", "Pasal 114"],
    }


def test_it_recomputes_the_stage_dates_when_the_period_changes(alice, case):
    start = case.guidance_start - dt.timedelta(days=200)
    end = start + dt.timedelta(days=399)

    case_update(actor=alice, case=case, data={"guidance_start": start, "guidance_end": end})

    case.refresh_from_db()
    assert (case.guidance_start, case.guidance_end) == (start, end)
    assert case.lanjutan_from == start + dt.timedelta(days=100)
    assert case.akhir_from == start + dt.timedelta(days=300)
    assert set(updates(case).get().changes) == {"guidance_start", "guidance_end"}


def test_it_refuses_an_end_before_the_start_and_changes_nothing(bob, case):
    before = SupervisionCase.objects.get(pk=case.pk)

    with pytest.raises(ApplicationError) as raised:
        case_update(
            actor=bob,
            case=case,
            data={
                "sk_number": "PAS-0001",
                "guidance_end": case.guidance_start - dt.timedelta(days=1),
            },
        )

    assert raised.value.errors == {"guidance_end": ["The guidance period ends before it starts."]}
    after = SupervisionCase.objects.get(pk=case.pk)
    assert (after.sk_number, after.guidance_end, after.akhir_from) == (
        before.sk_number,
        before.guidance_end,
        before.akhir_from,
    )
    assert not updates(case).exists()


def test_it_refuses_a_closed_case(bob, case):
    case_close(actor=bob, case=case, status=CaseStatus.COMPLETED, closed_on=today())

    with pytest.raises(ApplicationError, match="A closed case cannot be changed"):
        case_update(actor=bob, case=case, data={"sk_number": "PAS-0001"})

    case.refresh_from_db()
    assert case.sk_number == "PAS-1234.PK.05.09 TAHUN 2026"


@pytest.mark.parametrize("name", ["register_number", "status", "officer", "nonsense"])
def test_it_refuses_a_field_it_does_not_edit(bob, case, name):
    with pytest.raises(ApplicationError) as raised:
        case_update(actor=bob, case=case, data={name: "X"})

    assert raised.value.errors == {name: ["This field cannot be changed here."]}
    assert not updates(case).exists()


def test_it_writes_no_audit_row_when_nothing_changed(bob, case):
    case_update(
        actor=bob,
        case=case,
        data={"sk_number": case.sk_number, "guidance_start": case.guidance_start},
    )

    assert not updates(case).exists()


def test_it_keeps_the_register_number(bob, case, cb):
    number = case.register_number

    case_update(
        actor=bob,
        case=case,
        data={"programme": cb, "received_on": case.received_on - dt.timedelta(days=400)},
    )

    case.refresh_from_db()
    assert case.register_number == number
    assert "register_number" not in updates(case).get().changes


def test_it_reports_a_blank_required_field(bob, case):
    with pytest.raises(ApplicationError) as raised:
        case_update(actor=bob, case=case, data={"sk_issuer": ""})

    assert "sk_issuer" in raised.value.errors
