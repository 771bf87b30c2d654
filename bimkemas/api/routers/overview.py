from django.db.models import Count, Q
from django.http import HttpRequest
from ninja import Router

from bimkemas.accounts.models import OFFICER_ROLES, Absence, Office
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.api.presenters import office_ref
from bimkemas.api.schemas import NationalOverviewOut, OfficeOverviewOut
from bimkemas.clients.access import can_supervise, require
from bimkemas.clients.caseload import office_overview
from bimkemas.clients.models import OPEN_STATUSES
from bimkemas.core.dates import today

router = Router(tags=["overview"])


@router.get("/offices/mine/overview", response={200: OfficeOverviewOut, **READ_ERRORS})
def my_office_overview(request: HttpRequest):
    user = actor(request)
    require(can_supervise(user) and user.office is not None)
    assert user.office is not None
    overview = office_overview(user.office, day=today())
    return {
        **{name: getattr(overview, name) for name in OfficeOverviewOut.model_fields},
        "office": office_ref(overview.office),
    }


def _ratio(clients: int, officers: int) -> int:
    return round(clients / officers) if officers else 0


@router.get("/national/overview", response={200: NationalOverviewOut, **READ_ERRORS})
def national_overview(request: HttpRequest):
    """Per-office numbers only: open cases and officers available today."""
    require(actor(request).is_national_viewer)
    day = today()
    officer = Q(staff__role__in=OFFICER_ROLES, staff__is_active=True)
    away = Absence.objects.covering(day).values("officer_id")
    offices = Office.objects.annotate(
        n_clients=Count("cases", filter=Q(cases__status__in=OPEN_STATUSES), distinct=True),
        n_officers=Count("staff", filter=officer, distinct=True),
        n_active=Count("staff", filter=officer & ~Q(staff__in=away), distinct=True),
    ).order_by("name")
    rows = [
        {
            "office": office_ref(office),
            "clients": office.n_clients,
            "officers": office.n_officers,
            "active_officers": office.n_active,
            "clients_per_active_officer": _ratio(office.n_clients, office.n_active),
        }
        for office in offices
    ]
    clients = sum(row["clients"] for row in rows)
    active = sum(row["active_officers"] for row in rows)
    return {"day": day, "offices": rows, "clients": clients, "active_officers": active}
