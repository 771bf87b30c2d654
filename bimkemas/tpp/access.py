"""Who may see and change TPP sessions: built on clients.access, one helper per object.

Staff of an office (any role but the national viewer) see its sessions: PKs present their
cases there. Section and Bapas heads schedule sessions, keep attendance, decide and close.
A PK may put their own open cases on the agenda; a supervisor any open case of the office.
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, own_open_cases, require
from bimkemas.clients.models import SupervisionCase
from bimkemas.tpp.models import AgendaItem, TppMember, TppSession
from bimkemas.tpp.selectors import sessions_for


def get_session_for_user(user: User, public_id, *, manage: bool = False) -> TppSession:
    try:
        session = (
            sessions_for(user)
            .select_related("office", "chair", "secretary")
            .get(public_id=public_id)
        )
    except (TppSession.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if manage:
        require(can_manage_session(user, session))
    return session


def get_item_for_user(user: User, session: TppSession, public_id) -> AgendaItem:
    try:
        return session.items.select_related("case__client", "case__office").get(public_id=public_id)
    except (AgendaItem.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def get_member_for_user(user: User, session: TppSession, member_id) -> TppMember:
    require(can_manage_session(user, session))
    try:
        return session.members.get(public_id=member_id)
    except (TppMember.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def can_schedule(user: User) -> bool:
    return can_supervise(user)


def can_manage_session(user: User, session: TppSession) -> bool:
    return can_supervise(user) and user.office_id == session.office_id


def can_propose(user: User, case: SupervisionCase) -> bool:
    """Put a case on the agenda: supervisors for the office's open cases, a PK for their own."""
    if not case.is_open:
        return False
    if can_supervise(user):
        return user.office_id == case.office_id
    return own_open_cases(user).filter(pk=case.pk, office_id=case.office_id).exists()


def proposable_cases(user: User):
    """The open cases the user may put on the agenda of their office's sessions."""
    if can_supervise(user) and user.office_id is not None:
        return SupervisionCase.objects.open().filter(office_id=user.office_id)
    return own_open_cases(user).filter(office_id=user.office_id)
