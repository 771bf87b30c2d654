"""Staff check-ins: the front desk (replacing the register book), a contact recorded from
the client page, and the check-in's files (selfie, photos, screenshot) behind an access
check."""

import difflib
import mimetypes
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_client_view, audit_clients_listed, audit_record
from bimkemas.clients.access import get_case_for_user, require, visible_clients
from bimkemas.clients.identity import name_key, name_similarity
from bimkemas.clients.models import Client, ClientPhone, SupervisionCase
from bimkemas.clients.selectors import search_q
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.reporting.access import get_checkin_for_user
from bimkemas.reporting.forms import ContactForm, FrontDeskSearchForm, FrontDeskVisitForm
from bimkemas.reporting.models import Channel, CheckIn
from bimkemas.reporting.services.checkins import IdempotencyKeyReused, checkin_record

RESULTS = 10
# A name typed with a slip ("Santosa" for "Santoso") still finds the client.
SIMILAR_NAME = 0.8
FUZZY_CANDIDATES = 3000


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _front_desk_user(request: HttpRequest) -> User:
    """Registrars, supervisors and officers of an office."""
    user = _user(request)
    require(user.office_id is not None and not user.is_national_viewer)
    return user


def front_desk_matches(user: User, text: str) -> list[Client]:
    """Clients with an open case the user may see, found by name (spelling-tolerant),
    register number or NIK fragment: exact matches first, then names about a letter off."""
    text = " ".join(text.split())
    if not text:
        return []
    visible = visible_clients(user).filter(cases__status__in=["received", "registered", "active"])
    found = list(visible.filter(search_q(text)).order_by("full_name", "pk")[:RESULTS])
    if len(found) < RESULTS and any(c.isalpha() for c in text) and "/" not in text:
        found += _similar_names(visible.exclude(pk__in=[c.pk for c in found]), text)
    return found[:RESULTS]


def _similar_names(clients: QuerySet[Client], text: str) -> list[Client]:
    key = name_key(text)
    first_letters = {token[:1] for token in key.split()}
    if not first_letters:
        return []
    candidates = clients.only("pk", "full_name", "name_key", "aliases", "office_id")
    scored = []
    for client in candidates[:FUZZY_CANDIDATES]:
        if not first_letters & {token[:1] for token in client.name_key.split()}:
            continue
        score = max(
            name_similarity(text, client.full_name),
            # A partly typed name against as much of the client's name.
            difflib.SequenceMatcher(None, key, client.name_key[: len(key) + 1]).ratio(),
        )
        if score >= SIMILAR_NAME:
            scored.append((-score, client.full_name, client))
    return [client for *_order, client in sorted(scored, key=lambda row: row[:2])]


def _rows(clients: list[Client]) -> list[dict[str, Any]]:
    cases = {
        case.client_id: case
        for case in SupervisionCase.objects.open()
        .filter(client__in=clients)
        .select_related("programme", "officer")
    }
    last = dict(
        CheckIn.objects.filter(case__in=cases.values())
        .values("case_id")
        .annotate(last=Max("occurred_at"))
        .values_list("case_id", "last")
    )
    return [
        {
            "client": client,
            "case": cases[client.pk],
            "last": last.get(cases[client.pk].pk),
            "form": FrontDeskVisitForm(
                initial={"case": cases[client.pk].public_id, "token": uuid.uuid4().hex},
                auto_id=f"visit-{cases[client.pk].public_id}-%s",
            ),
        }
        for client in clients
        if client.pk in cases
    ]


@login_required
def front_desk(request: HttpRequest) -> HttpResponse:
    user = _front_desk_user(request)
    search = FrontDeskSearchForm(request.GET)
    text = search.cleaned_data["q"] if search.is_valid() else ""
    clients = front_desk_matches(user, text)
    if clients:
        audit_clients_listed(actor=user, clients=clients, where=_("Front desk"), query=text)
    context = {"search": search, "q": text, "rows": _rows(clients)}
    if getattr(request, "htmx", False):
        return render(request, "reporting/partials/front_desk_results.html", context)
    return render(request, "reporting/front_desk.html", context)


@login_required
@require_POST
def front_desk_visit(request: HttpRequest) -> HttpResponse:
    user = _front_desk_user(request)
    form = FrontDeskVisitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The visit could not be recorded. Please try again."))
        return redirect("reporting_front_desk")
    case = get_case_for_user(user, form.cleaned_data["case"], write=True)
    try:
        checkin = checkin_record(
            actor=user,
            case=case,
            channel=Channel.IN_PERSON,
            occurred_at=timezone.now(),
            answers=form.answers(),
            note=form.cleaned_data["note"],
            idempotency_key=form.cleaned_data["token"],
        )
    except IdempotencyKeyReused:
        messages.info(request, _("This visit was already recorded."))
    except ApplicationError as error:
        messages.error(request, f"{case.client.full_name}: {error.message}")
    else:
        if checkin.replayed:
            messages.info(request, _("This visit was already recorded."))
            return redirect("reporting_front_desk")
        messages.success(
            request,
            _("Visit of %(name)s recorded.") % {"name": case.client.full_name},
        )
    return redirect("reporting_front_desk")


def whatsapp_link(client: Client) -> str:
    """A wa.me link to the client's first phone not known to be unreachable."""
    phones = client.phones.exclude(verified_reachable=False, verified_on__isnull=False)
    phone: ClientPhone | None = phones.order_by("-verified_reachable", "pk").first()
    if phone is None:
        return ""
    digits = "".join(c for c in phone.number if c.isdigit())
    return f"https://wa.me/{digits}" if digits else ""


@login_required
@require_http_methods(["GET", "POST"])
def contact_record(request: HttpRequest, public_id) -> HttpResponse:
    user = _user(request)
    case = get_case_for_user(user, public_id, write=True)
    client = case.client
    if request.method == "POST":
        form = ContactForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                checkin_record(actor=user, case=case, **form.service_data())
            except ApplicationError as error:
                add_application_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Contact with %(name)s recorded.") % {"name": client.full_name},
                )
                return redirect("client_detail", public_id=client.public_id)
        status = 400
    else:
        form = ContactForm(initial={"token": uuid.uuid4().hex})
        status = 200
    audit_client_view(actor=user, client=client, what=_("Record a contact"))
    context = {"case": case, "client": client, "form": form, "whatsapp": whatsapp_link(client)}
    return render(request, "reporting/contact_record.html", context, status=status)


FILE_FIELDS = {"selfie": "selfie", "evidence": "evidence"}


@login_required
def checkin_file(request: HttpRequest, public_id, kind: str, number: int = 0) -> FileResponse:
    """A check-in's selfie, screenshot or n-th photo, for whoever may read its client."""
    user = _user(request)
    checkin = get_checkin_for_user(user, public_id)
    if kind == "photo":
        photos = list(checkin.photos.order_by("pk"))
        if not 1 <= number <= len(photos):
            raise Http404
        field_file, content_type = photos[number - 1].file, photos[number - 1].content_type
    elif kind in FILE_FIELDS:
        field_file = getattr(checkin, FILE_FIELDS[kind])
        content_type = mimetypes.guess_type(field_file.name or "")[0] or "image/jpeg"
    else:
        raise Http404
    if not field_file:
        raise Http404
    try:
        stream = field_file.open("rb")
    except OSError as error:
        raise Http404 from error
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=checkin,
        client=checkin.case.client,
        summary=_("Check-in file: %(kind)s") % {"kind": kind},
    )
    response = FileResponse(stream, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response
