from django.http import HttpRequest
from ninja import Router

from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.api.presenters import office_ref
from bimkemas.api.schemas import NationalOverviewOut, OfficeOverviewOut
from bimkemas.clients.access import can_supervise, require
from bimkemas.clients.caseload import national_overview as national_overview_of
from bimkemas.clients.caseload import office_overview
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


@router.get("/national/overview", response={200: NationalOverviewOut, **READ_ERRORS})
def national_overview(request: HttpRequest):
    """Per-office numbers only: open cases, officers, and officers working there today."""
    require(actor(request).is_national_viewer)
    day = today()
    rows, totals = national_overview_of(day=day)
    return {
        "day": day,
        "offices": [
            {
                "office": office_ref(row.office),
                "clients": row.clients,
                "officers": row.officers,
                "active_officers": row.active_officers,
                "clients_per_active_officer": row.ratio,
            }
            for row in rows
        ],
        "clients": totals.clients,
        "active_officers": totals.active_officers,
        "clients_per_active_officer": totals.ratio,
    }
