"""Receiving a client: the intake form and its live duplicate check."""

from collections.abc import Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bimkemas.accounts.models import User
from bimkemas.clients import selectors, services, uploads
from bimkemas.clients.access import can_intake, can_supervise, require
from bimkemas.clients.forms_intake import IntakeForms, new_token
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import parse_date_input


@login_required
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    require(can_intake(user))
    if request.method != "POST":
        forms = IntakeForms(user)
        _keep_staging(request, forms.token)
        return _render(request, forms)
    forms = IntakeForms(user, request.POST, request.FILES)
    if not _owns_staging(request, forms.token):
        # A token this session was not given names nobody's files and no earlier intake.
        forms.token = new_token()
        _keep_staging(request, forms.token)
    uploads.unstage(forms.token, request.POST.getlist("unstage"))
    if not forms.is_valid():
        return _render(request, forms, status=400)
    staged = uploads.open_staged(forms.token, forms.documents.missing_kinds)
    arguments = forms.service_arguments()
    arguments["documents"] = [*arguments["documents"], *staged]
    try:
        case = services.client_intake(
            actor=user,
            check_duplicates=not forms.confirmed_new_person,
            idempotency_key=forms.token,
            fingerprint=forms.fingerprint(),
            **arguments,
        )
    except services.PossibleDuplicatesFound as found:
        services.audit_duplicates_shown(actor=user, matches=found.matches)
        return _render(request, forms, duplicates=found.matches, decide=True)
    except services.IdempotencyKeyReused:
        forms.errors.append(
            _("This form was already used to register a client. Check the data and submit again.")
        )
        forms.token = new_token()
        _keep_staging(request, forms.token)
        return _render(request, forms, status=400)
    except ApplicationError as error:
        forms.add_service_errors(error)
        return _render(request, forms, status=400)
    finally:
        for _kind, file in staged:
            file.close()
    # The token stays with the session: the same form sent again must find its intake.
    uploads.discard_staging(forms.token)
    messages.success(request, _success_message(user, case))
    return redirect("client_detail", case.client.public_id)


@login_required
@require_POST
def intake_check(request: HttpRequest) -> HttpResponse:
    """The duplicate warnings for what the registrar has typed so far (htmx partial)."""
    user = request.user
    assert isinstance(user, User)
    require(can_intake(user))
    full_name = request.POST.get("full_name", "").strip()[:200]
    nik = "".join(request.POST.get("nik", "").split())
    duplicates = selectors.find_possible_duplicates(
        office_id=user.office_id,
        nik=nik if len(nik) == 16 and nik.isdigit() else "",
        full_name=full_name,
        birth_date=parse_date_input(request.POST.get("birth_date", "")),
    )
    services.audit_duplicates_shown(actor=user, matches=duplicates)
    context = {"warnings": _warnings(duplicates), "selected": request.POST.get("existing_client")}
    return render(request, "clients/partials/duplicates.html", context)


def _render(
    request: HttpRequest,
    forms: IntakeForms,
    *,
    duplicates: Sequence[selectors.PossibleDuplicate] = (),
    decide: bool = False,
    status: int = 200,
) -> HttpResponse:
    """The form again, keeping the files sent so far: a browser cannot refill file inputs."""
    if request.method == "POST":
        uploads.stage_uploads(forms.token, forms.documents.uploads)
    staged = uploads.staged_uploads(forms.token)
    context = {
        "forms": forms,
        "warnings": _warnings(duplicates),
        "decide": decide,
        "selected": request.POST.get("existing_client") if request.method == "POST" else None,
        "staged": staged,
    }
    return render(request, "clients/intake.html", context, status=status)


# The staging tokens this session may use: a token seen in another session names no files.
STAGING_SESSION_KEY = "intake_staging"
STAGING_PER_SESSION = 10


def _owns_staging(request: HttpRequest, token: str) -> bool:
    return token in request.session.get(STAGING_SESSION_KEY, [])


def _keep_staging(request: HttpRequest, token: str) -> None:
    tokens = [t for t in request.session.get(STAGING_SESSION_KEY, []) if t != token]
    request.session[STAGING_SESSION_KEY] = [*tokens, token][-STAGING_PER_SESSION:]


def _warnings(duplicates: Sequence[selectors.PossibleDuplicate]) -> dict:
    """Matches in this office with their latest case; other offices by name only, since
    their clients' details are not ours to show."""
    here = [
        {
            "client": match.client,
            "reason": match.reason,
            "case": selectors.latest_case_of(match.client),
        }
        for match in duplicates
        if match.same_office
    ]
    elsewhere = sorted({match.client.office.name for match in duplicates if not match.same_office})
    return {"here": here, "elsewhere": elsewhere, "any": bool(here or elsewhere)}


def _success_message(user: User, case: SupervisionCase) -> str:
    message = format_html(
        "{}",
        _("Client registered with register number %(number)s.") % {"number": case.register_number},
    )
    if case.officer_id:
        message += format_html(
            ' <a href="{}" class="alert-link">{}</a>',
            reverse("case_card", args=[case.public_id]),
            _("Print the guidance card"),
        )
    else:
        # The card names the PK the client reports to: not printed before there is one.
        message += format_html(
            " {}", _("The guidance card can be printed once an officer is assigned.")
        )
    if can_supervise(user):
        message += format_html(
            ' · <a href="{}" class="alert-link">{}</a>',
            reverse("case_assign", args=[case.public_id]),
            _("Assign an officer"),
        )
    return message
