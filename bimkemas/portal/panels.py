"""The client page's "Self check-in app" section: has the client activated the app, is it
locked, and the button that issues (or resets) the activation code."""

from django.template.loader import render_to_string
from django.utils import timezone

from bimkemas.core.panels import client_panel
from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.services.client_app import can_issue_code


@client_panel(order=30)
def self_checkin_app(request, client, case) -> str:
    if case is None or not case.is_open:
        return ""
    access = ClientAccess.objects.filter(client=client).first()
    context = {
        "client": client,
        "access": access,
        "code_expired": bool(
            access
            and access.activation_expires_at
            and access.activation_expires_at < timezone.now()
        ),
        "can_issue": can_issue_code(request.user, client),
    }
    return render_to_string("portal/partials/panel.html", context, request=request)
