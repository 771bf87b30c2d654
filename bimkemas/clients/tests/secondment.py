"""Helpers for the secondment (BKO) tests: alice of Palembang seconded to OKU."""

import datetime as dt

from bimkemas.accounts.models import Absence, AbsenceKind, Office, Role, User, WorkArea
from bimkemas.clients.models import Facility, Programme, SupervisionCase
from bimkemas.clients.services import case_assign, client_intake
from bimkemas.core.dates import today
from bimkemas.testing import case_data, identity_data, make_nik, make_user

DAY = dt.timedelta(days=1)


def secondment_dates() -> tuple[dt.date, dt.date]:
    """A secondment that started ten days ago and ends in twenty."""
    return today() - 10 * DAY, today() + 20 * DAY


def second(officer: User, to: Office, *, starts_on: dt.date, ends_on: dt.date | None) -> Absence:
    absence = Absence(
        officer=officer,
        kind=AbsenceKind.SECONDED,
        starts_on=starts_on,
        ends_on=ends_on,
        seconded_to=to,
    )
    absence.full_clean()
    absence.save()
    return absence


def oku_staff(oku: Office) -> tuple[WorkArea, User, User]:
    """OKU's work area, its section head (owen) and its registrar (rita)."""
    area = WorkArea.objects.create(office=oku, kind="kabupaten", name="Ogan Komering Ulu")
    return area, make_user("owen", oku, Role.SUPERVISOR), make_user("rita", oku, Role.REGISTRAR)


def intake(
    registrar: User,
    area: WorkArea,
    programme: Programme,
    facility: Facility,
    name: str,
    *,
    officer: User | None = None,
    assigned_by: User | None = None,
) -> SupervisionCase:
    born = dt.date(1988, 3, 9)
    case = client_intake(
        actor=registrar,
        identity=identity_data(area, full_name=name, birth_date=born, nik=make_nik(born)),
        case=case_data(programme, facility),
    )
    if officer is not None:
        assert assigned_by is not None
        case = case_assign(actor=assigned_by, case=case, officer=officer)
    return case
