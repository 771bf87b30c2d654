"""One officer's caseload: load, availability, and their open cases by stage."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import get_officer_for_user, officer_cases_for
from bimkemas.clients.caseload import ZERO, officer_row, stage_counts
from bimkemas.clients.stages import GUIDANCE_STAGES, Stage
from bimkemas.core.dates import today


@dataclass(frozen=True)
class Load:
    case_count: int
    weighted_load: Decimal


def _load(cases) -> Load:
    """Counted from the cases themselves, so a deactivated officer's open cases still show."""
    totals = cases.aggregate(
        case_count=Count("pk"), weighted_load=Sum("programme__caseload_weight", default=ZERO)
    )
    return Load(**totals)


@login_required
@require_GET
def officer_caseload(request: HttpRequest, public_id) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    officer = get_officer_for_user(user, public_id)
    day = today()
    # A supervisor sees only their office's cases, even of an officer seconded in or out.
    cases = officer_cases_for(user, officer)
    stage = request.GET.get("stage", "")
    shown = cases.in_stage(stage, day) if stage in Stage.values else cases
    rows = [
        {"case": case, "stage": case.stage_on(day), "days_left": (case.guidance_end - day).days}
        for case in shown.select_related("client", "programme", "office").order_by(
            "guidance_end", "pk"
        )
    ]
    audit_clients_listed(
        actor=user,
        clients=[row["case"].client for row in rows],
        where=_("Caseload of %(officer)s") % {"officer": officer},
    )
    counts = stage_counts(cases, day)
    context = {
        "officer": officer,
        "load": _load(cases),
        "status": officer_row(user.office_id or 0, officer, day=day),
        "work_areas": officer.work_areas.all(),
        "rows": rows,
        "stage": stage if stage in Stage.values else "",
        "stages": [
            {"value": s.value, "label": s.label, "count": counts[s.value]}
            for s in Stage
            if s in GUIDANCE_STAGES or counts[s.value]
        ],
        "day": day,
    }
    return render(request, "clients/officer_caseload.html", context)
