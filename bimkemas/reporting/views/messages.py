"""The officer records that a client opted out of (or back into) reminders by a channel.
With htmx the Messages section is swapped in place; without, the client page is shown again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from bimkemas.accounts.models import User
from bimkemas.clients.access import get_client_for_user
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.panels_messages import render_messages
from bimkemas.reporting.services.opt_out import client_opt_out_set


@login_required
@require_POST
def client_opt_out(request: HttpRequest, public_id) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    client = get_client_for_user(user, public_id, write=True)
    error = ""
    try:
        client_opt_out_set(
            actor=user,
            client=client,
            channel=request.POST.get("channel", ""),
            opted_out=request.POST.get("opted_out") == "1",
        )
    except ApplicationError as problem:
        error = problem.message
    if getattr(request, "htmx", False):
        return HttpResponse(render_messages(request, client, opt_out_error=error))
    if error:
        messages.error(request, error)
    return redirect(reverse("client_detail", args=[client.public_id]) + "#messages")
