"""The officer's side of the self check-in app: issue or reset a client's activation code."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bimkemas.clients.access import get_client_for_user
from bimkemas.clients.models import Client
from bimkemas.clients.selectors import open_case_of
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.services.client_app import IssuedCode, access_issue_code


@login_required
@require_POST
def issue_code(request: HttpRequest, client_id) -> HttpResponse:
    """Issue (or reset and reissue) the code, then show it once with its QR code."""
    client = get_client_for_user(request.user, client_id, write=True)  # type: ignore[arg-type]
    try:
        issued = access_issue_code(actor=request.user, client=client)  # type: ignore[arg-type]
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("client_detail", client.public_id)
    context = {"client": client, "issued": issued, "whatsapp": _whatsapp_link(client, issued)}
    return render(request, "portal/issued_code.html", context)


def _whatsapp_link(client: Client, issued: IssuedCode) -> str:
    """A wa.me link that opens WhatsApp with the activation message to the client's phone
    (one verified reachable first); "" when the client has no phone."""
    phone = client.phones.order_by("-verified_reachable", "id").first()
    if phone is None:
        return ""
    case = open_case_of(client)
    text = _(
        "Hello %(name)s. This is your link to report to Bapas from your phone: %(url)s "
        "Your register number: %(number)s. Your activation code: %(code)s (valid until "
        "%(until)s). Do not share it."
    ) % {
        "name": client.full_name,
        "number": case.register_number if case else "",
        "url": issued.activation_url,
        "code": issued.display_code,
        "until": issued.expires_at.strftime("%d/%m/%Y"),
    }
    digits = "".join(ch for ch in phone.number if ch.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return f"https://wa.me/{digits}?{urlencode({'text': text})}"
