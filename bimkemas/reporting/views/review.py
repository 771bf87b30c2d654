"""The review queue: check-ins with a concern, for the case's officer (their own) or a
supervisor (the office's, by officer). Marking one reviewed works with and without htmx."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import can_supervise, get_officer_for_user, require
from bimkemas.clients.caseload import officers_with_load
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.access import get_checkin_for_user, review_queue
from bimkemas.reporting.forms import ReviewForm
from bimkemas.reporting.models import Concern, SupportNeed
from bimkemas.reporting.services.checkins import QUESTIONS, checkin_review

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    supervise = can_supervise(user)
    require(user.office_id is not None and (supervise or user.is_officer))
    office_id = user.office_id
    assert office_id is not None
    officer = None
    if supervise and request.GET.get("officer"):
        officer = get_officer_for_user(user, request.GET["officer"])
    queue = review_queue(user, officer=officer).prefetch_related("photos")
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    checkins = list(page)
    audit_clients_listed(
        actor=user,
        clients=[c.case.client for c in checkins],
        where=_("Check-ins to review"),
        query=request.GET.urlencode(),
    )
    context = {
        "page": page,
        "items": [_item(c) for c in checkins],
        "supervise": supervise,
        "officers": officers_with_load(office_id).order_by("first_name", "pk") if supervise else [],
        "officer": officer,
        "query": f"officer={officer.public_id}" if officer else "",
    }
    return render(request, "reporting/review_list.html", context)


def _item(checkin, form: ReviewForm | None = None, error: str = "") -> dict:
    answers = [
        (QUESTIONS[name], text) for name, text in checkin.answers.items() if name in QUESTIONS
    ]
    photos = range(1, len(checkin.photos.all()) + 1)
    return {
        "checkin": checkin,
        "answers": answers,
        "concerns": [Concern(c).label for c in checkin.concerns if c in Concern.values],
        "needs": [SupportNeed(n).label for n in checkin.needs if n in SupportNeed.values],
        "photos": photos,
        "form": form or ReviewForm(auto_id=f"review-{checkin.public_id}-%s"),
        "error": error,
    }


@login_required
@require_POST
def review_mark(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    checkin = get_checkin_for_user(user, public_id)
    form = ReviewForm(request.POST, auto_id=f"review-{checkin.public_id}-%s")
    htmx = bool(getattr(request, "htmx", False))
    error = ""
    if form.is_valid():
        try:
            checkin = checkin_review(actor=user, checkin=checkin, note=form.cleaned_data["note"])
        except ApplicationError as failure:
            error = failure.message
    else:
        error = _("The note is too long.")
    if htmx:
        context = {"item": _item(checkin, form if error else None, error)}
        return render(request, "reporting/partials/review_item.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request, _("Check-in of %(name)s reviewed.") % {"name": checkin.case.client.full_name}
        )
    return redirect("reporting_review_list")
