"""The visit form, in the field: a planned visit (`/visits/<id>/record/`) or an unplanned one
(`/visits/new/<case id>/`). A plain form post works; the page's script (static/visits/
visits.js) stores the form in the phone's queue first and sends the same form with
`Accept: application/json`, getting 201 (stored, or stored before: same key) or 400 (refused,
with the reason) back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bimkemas.audit.services import audit_client_view
from bimkemas.clients.access import get_case_for_editing
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.visits.access import get_visit_for_user
from bimkemas.visits.forms import PERSON_KINDS, RecordForm
from bimkemas.visits.models import HomeVisit, VisitReason
from bimkemas.visits.services import MAX_PHOTOS, visit_record
from bimkemas.visits.views.pages import _user


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _invalid(request: HttpRequest, form: RecordForm, context: dict) -> HttpResponse:
    if _wants_json(request):
        errors = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
        first = next(iter(errors.values()), [_("The visit could not be recorded.")])[0]
        return JsonResponse({"detail": first, "errors": errors}, status=400)
    return render(request, "visits/record.html", {**context, "form": form}, status=400)


def _record(
    request: HttpRequest, case: SupervisionCase, visit: HomeVisit | None, url: str
) -> HttpResponse:
    user = _user(request)
    client = case.client
    context = {
        "case": case,
        "client": client,
        "visit": visit,
        "action": url,
        "person_kinds": PERSON_KINDS,
        "max_photos": MAX_PHOTOS,
    }
    if request.method == "POST":
        form = RecordForm(request.POST, request.FILES)
        if not form.is_valid():
            return _invalid(request, form, context)
        data = form.cleaned_data
        try:
            recorded = visit_record(
                actor=user,
                case=case,
                visit=visit,
                idempotency_key=data["key"],
                visited_at=data["visited_at"] or timezone.now(),
                latitude=data["latitude"],
                longitude=data["longitude"],
                accuracy_m=data["accuracy"],
                persons_met=form.persons(),
                findings=data["findings"],
                follow_up=data["follow_up"],
                photos=request.FILES.getlist("photos"),
                outcome=data["outcome"],
                reason=data["reason"] or VisitReason.OTHER,
            )
        except ApplicationError as error:
            add_application_errors(form, error)
            return _invalid(request, form, context)
        done_url = reverse("visits_detail", args=[recorded.public_id])
        if _wants_json(request):
            body = {"id": str(recorded.public_id), "status": recorded.status, "done_url": done_url}
            return JsonResponse(body, status=201)
        messages.success(request, _("Visit to %(name)s recorded.") % {"name": client.full_name})
        return redirect(done_url)
    audit_client_view(actor=user, client=client, what=_("Record a home visit"))
    return render(request, "visits/record.html", {**context, "form": RecordForm()})


@login_required
@require_http_methods(["GET", "POST"])
def record_planned(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    visit = get_visit_for_user(user, public_id, write=True)
    if request.method == "GET" and visit.is_recorded:
        return redirect("visits_detail", public_id=visit.public_id)
    return _record(request, visit.case, visit, reverse("visits_record", args=[visit.public_id]))


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request: HttpRequest, case_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_editing(user, case_id)
    if not case.is_open:
        messages.error(request, _("This case is closed: no visit can be recorded."))
        return redirect("client_detail", public_id=case.client.public_id)
    return _record(request, case, None, reverse("visits_new", args=[case.public_id]))
