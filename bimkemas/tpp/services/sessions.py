"""Scheduling a sidang TPP, its attendance, and closing it."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_supervise
from bimkemas.core.errors import ApplicationError
from bimkemas.tpp.models import MemberRole, SessionStatus, TppMember, TppSession
from bimkemas.tpp.selectors import tpp_settings

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def session_number(number_format: str, *, seq: int, day: dt.date, code: str) -> str:
    """The session's number in the office's format, e.g. TPP.3/XII/2026/PLG."""
    try:
        return number_format.format(
            seq=seq,
            month_roman=ROMAN_MONTHS[day.month - 1],
            month=day.month,
            year=day.year,
            code=code.upper(),
        )
    except (KeyError, IndexError, ValueError) as error:
        raise ApplicationError(_("The office's TPP number format is invalid.")) from error


def _require_supervisor_of(actor: User, office_id: int | None) -> None:
    if not can_supervise(actor) or actor.office_id != office_id:
        raise ApplicationError(
            _("Only a section head or the Bapas head of the office may do this.")
        )


def _require_open(session: TppSession) -> None:
    if session.is_closed:
        raise ApplicationError(_("This session is closed; its record can no longer change."))


def _staff_of(office: Office, user: User | None, field: str) -> User:
    if user is None or user.office_id != office.pk or not user.is_active:
        raise ApplicationError(_("Choose an active staff member of this office."), field=field)
    return user


@transaction.atomic
def session_schedule(
    *,
    actor: User,
    held_on: dt.date,
    place: str,
    chair: User,
    secretary: User,
    notes: str = "",
) -> TppSession:
    """Plan a session of the actor's office with the next number of the year."""
    office = actor.office
    if office is None:
        raise ApplicationError(_("Only staff of a Bapas can schedule a TPP session."))
    _require_supervisor_of(actor, office.pk)
    if not place.strip():
        raise ApplicationError(_("Say where the session takes place."), field="place")
    _staff_of(office, chair, "chair")
    _staff_of(office, secretary, "secretary")
    if chair.pk == secretary.pk:
        raise ApplicationError(
            _("The chair and the secretary must be two people."), field="secretary"
        )
    Office.objects.select_for_update().filter(pk=office.pk).first()
    last = (
        TppSession.objects.filter(office=office, year=held_on.year)
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )
    seq = (last or 0) + 1
    number = session_number(
        tpp_settings(office.pk).number_format, seq=seq, day=held_on, code=office.code
    )
    try:
        with transaction.atomic():
            session = TppSession.objects.create(
                office=office,
                year=held_on.year,
                seq=seq,
                number=number,
                held_on=held_on,
                place=place.strip(),
                chair=chair,
                secretary=secretary,
                notes=notes,
                scheduled_by=actor,
            )
    except IntegrityError as error:
        raise ApplicationError(
            _("The number %(number)s is already used.") % {"number": number}
        ) from error
    TppMember.objects.create(session=session, user=chair, role=MemberRole.CHAIR)
    TppMember.objects.create(session=session, user=secretary, role=MemberRole.SECRETARY)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        summary=_("TPP session %(number)s scheduled for %(day)s")
        % {"number": number, "day": held_on.isoformat()},
    )
    return session


@transaction.atomic
def session_add_member(
    *,
    actor: User,
    session: TppSession,
    role: str = MemberRole.MEMBER,
    user: User | None = None,
    name: str = "",
    institution: str = "",
    present: bool = True,
) -> TppMember:
    """Add a staff member of the office, or an outsider by name and institution."""
    _require_supervisor_of(actor, session.office_id)
    _require_open(session)
    if role not in (MemberRole.MEMBER, MemberRole.GUEST):
        raise ApplicationError(
            _("Add members or guests; the chair and secretary are set when scheduling."),
            field="role",
        )
    if user is not None:
        _staff_of(session.office, user, "user")
        if session.members.filter(user=user).exists():
            raise ApplicationError(_("This person is already on the list."), field="user")
        name = institution = ""
    elif not name.strip():
        raise ApplicationError(_("Choose a staff member or give a name."), field="name")
    member = TppMember.objects.create(
        session=session,
        user=user,
        name=name.strip(),
        institution=institution.strip(),
        role=role,
        present=present,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=session,
        summary=_("%(name)s added to the attendance") % {"name": member.display_name},
    )
    return member


@transaction.atomic
def session_set_attendance(*, actor: User, member: TppMember, present: bool) -> TppMember:
    session = member.session
    _require_supervisor_of(actor, session.office_id)
    _require_open(session)
    before = member.present
    member.present = present
    member.save(update_fields=["present", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=session,
        summary=_("Attendance of %(name)s recorded") % {"name": member.display_name},
        changes={"present": [before, present]},
    )
    return member


@transaction.atomic
def session_close(*, actor: User, session: TppSession) -> TppSession:
    """Close a held session: its decisions become final and nothing changes any more."""
    session = TppSession.objects.select_for_update().get(pk=session.pk)
    _require_supervisor_of(actor, session.office_id)
    _require_open(session)
    if session.held_on > timezone.localdate():
        raise ApplicationError(_("A session can be closed only on or after its date."))
    if session.items.filter(decision="").exists():
        raise ApplicationError(
            _("Decide every agenda item first (defer those the session did not discuss).")
        )
    before = session.status
    session.status, session.closed_at = SessionStatus.CLOSED, timezone.now()
    session.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=session,
        summary=_("TPP session %(number)s closed") % {"number": session.number},
        changes={"status": [before, session.status]},
    )
    return session
