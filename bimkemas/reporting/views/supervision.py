"""The supervisor's compliance page: per officer and work area, outliers, drill-down."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import (
    can_supervise,
    get_officer_for_user,
    officer_cases_for,
    require,
)
from bimkemas.core.dates import today
from bimkemas.reporting import oversight


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    require(can_supervise(user) and user.office is not None)
    assert user.office is not None
    figures = oversight.office_oversight(user.office, day=today())
    context = {
        "figures": figures,
        "min_periods": oversight.MIN_PERIODS,
        "min_officers": oversight.MIN_OFFICERS,
        "iqr_factor": oversight.IQR_FACTOR,
        "min_gap": oversight.MIN_GAP,
    }
    return render(request, "reporting/supervision.html", context)


@login_required
def supervision_officer(request: HttpRequest, public_id) -> HttpResponse:
    """One officer's cases with their compliance in the window, worst first."""
    user = request.user
    assert isinstance(user, User)
    require(can_supervise(user))
    officer = get_officer_for_user(user, public_id)
    first, last = oversight.closed_months(today())
    rows = oversight.officer_cases(officer_cases_for(user, officer), first=first, last=last)
    audit_clients_listed(
        actor=user,
        clients=[row.case.client for row in rows],
        where=_("Reporting compliance of %(officer)s") % {"officer": officer},
    )
    context = {"officer": officer, "rows": rows, "first": first, "last": last}
    return render(request, "reporting/supervision_officer.html", context)
