import datetime as dt

import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp.models import Decision, MemberRole, SessionStatus, TppSettings
from bimkemas.tpp.services import (
    agenda_add,
    agenda_decide,
    session_add_member,
    session_close,
    session_schedule,
    session_set_attendance,
)
from bimkemas.tpp.services.sessions import session_number

pytestmark = pytest.mark.django_db


def test_it_numbers_sessions_per_office_and_year(bob, dave):
    day = dt.date(2026, 12, 1)
    first = session_schedule(actor=bob, held_on=day, place="Aula", chair=dave, secretary=bob)
    second = session_schedule(actor=bob, held_on=day, place="Aula", chair=dave, secretary=bob)
    assert first.number == "TPP.1/XII/2026/PLG"
    assert second.number == "TPP.2/XII/2026/PLG"


def test_it_uses_the_office_number_format(office, bob, dave):
    TppSettings.objects.create(office=office, number_format="W6-{seq:03d}/TPP/{year}")
    session = session_schedule(
        actor=bob, held_on=dt.date(2026, 3, 5), place="Aula", chair=dave, secretary=bob
    )
    assert session.number == "W6-001/TPP/2026"


def test_it_refuses_a_broken_format():
    with pytest.raises(ApplicationError):
        session_number("TPP.{nope}", seq=1, day=dt.date(2026, 1, 1), code="plg")


def test_it_records_chair_and_secretary_as_members(session, dave, bob):
    roles = {m.user: m.role for m in session.members.all()}
    assert roles == {dave: MemberRole.CHAIR, bob: MemberRole.SECRETARY}
    assert AuditEvent.objects.filter(action="create", summary__contains=session.number).exists()


def test_only_supervisors_schedule(alice, carol, dave, bob):
    for user in (alice, carol):
        with pytest.raises(ApplicationError):
            session_schedule(actor=user, held_on=today(), place="A", chair=dave, secretary=bob)


def test_chair_must_be_staff_of_the_office(bob, erin):
    with pytest.raises(ApplicationError) as error:
        session_schedule(actor=bob, held_on=today(), place="A", chair=erin, secretary=bob)
    assert "chair" in error.value.errors


def test_it_keeps_attendance_of_staff_and_guests(session, bob, pat):
    member = session_add_member(actor=bob, session=session, user=pat)
    guest = session_add_member(
        actor=bob, session=session, role=MemberRole.GUEST, name="Ir. Hasan", institution="Lapas"
    )
    session_set_attendance(actor=bob, member=member, present=False)
    member.refresh_from_db()
    assert member.present is False
    assert guest.display_name == "Ir. Hasan"
    with pytest.raises(ApplicationError):
        session_add_member(actor=bob, session=session, user=pat)
    with pytest.raises(ApplicationError):
        session_add_member(actor=bob, session=session, name="  ")


def test_a_closed_session_is_immutable(session, bob, case, pat):
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    with pytest.raises(ApplicationError, match="Decide every agenda item"):
        session_close(actor=bob, session=session)
    agenda_decide(actor=bob, item=item, decision=Decision.REJECTED)
    session_close(actor=bob, session=session)
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    with pytest.raises(ApplicationError, match="closed"):
        agenda_decide(actor=bob, item=item, decision=Decision.DEFERRED)
    with pytest.raises(ApplicationError, match="closed"):
        agenda_add(actor=bob, session=session, case=case, kind="other")
    with pytest.raises(ApplicationError, match="closed"):
        session_add_member(actor=bob, session=session, user=pat)
    with pytest.raises(ApplicationError, match="closed"):
        session_close(actor=bob, session=session)
    item.refresh_from_db()
    assert item.decision == Decision.REJECTED


def test_a_future_session_cannot_decide_or_close(bob, dave, case):
    future = session_schedule(
        actor=bob, held_on=today() + dt.timedelta(days=3), place="A", chair=dave, secretary=bob
    )
    item = agenda_add(actor=bob, session=future, case=case, kind="other")
    with pytest.raises(ApplicationError):
        agenda_decide(actor=bob, item=item, decision=Decision.REJECTED)
    with pytest.raises(ApplicationError):
        session_close(actor=bob, session=future)


def test_the_first_decision_marks_the_session_held(session, bob, case):
    item = agenda_add(actor=bob, session=session, case=case, kind="other")
    agenda_decide(actor=bob, item=item, decision=Decision.DEFERRED)
    session.refresh_from_db()
    assert session.status == SessionStatus.HELD


def test_the_settings_refuse_a_format_without_seq(office):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        TppSettings(office=office, number_format="TPP/{year}").full_clean()
    with pytest.raises(ValidationError):
        TppSettings(office=office, number_format="TPP/{nope}/{seq}").full_clean()
    TppSettings(office=office, number_format="TPP-{seq:02d}/{month}/{year}").full_clean()
