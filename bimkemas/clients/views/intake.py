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
from bimkemas.clients import selectors, services
from bimkemas.clients.access import can_intake, can_supervise, require
from bimkemas.clients.forms_intake import IntakeForms
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
        return _render(request, IntakeForms(user))
    forms = IntakeForms(user, request.POST, request.FILES)
    if not forms.is_valid():
        return _render(request, forms, status=400)
    if forms.existing_client is None and not forms.confirmed_new_person:
        identity = forms.identity.cleaned_data
        duplicates = selectors.find_possible_duplicates(
            office_id=user.office_id,
            nik=identity["nik"],
            full_name=identity["full_name"],
            birth_date=identity["birth_date"],
        )
        if duplicates:
            return _render(request, forms, duplicates=duplicates, decide=True)
    try:
        case = services.client_intake(actor=user, **forms.service_arguments())
    except ApplicationError as error:
        forms.add_service_errors(error)
        return _render(request, forms, status=400)
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
    context = {
        "forms": forms,
        "warnings": _warnings(duplicates),
        "decide": decide,
        "selected": request.POST.get("existing_client") if request.method == "POST" else None,
        "files_dropped": request.method == "POST" and bool(request.FILES),
    }
    return render(request, "clients/intake.html", context, status=status)


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
