from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bimkemas.accounts.models import User
from bimkemas.audit.selectors import access_log_page
from bimkemas.clients.access import can_supervise, get_client_for_user, require

PAGE_SIZE = 50


@login_required
def client_access_log(request: HttpRequest, public_id) -> HttpResponse:
    """Who read or changed a client's data, newest first; supervisors of the office only."""
    user = request.user
    assert isinstance(user, User)
    require(can_supervise(user))
    client = get_client_for_user(user, public_id)
    views_only = request.GET.get("views") == "1"
    page = access_log_page(
        actor=user,
        client=client,
        page=request.GET.get("page"),
        per_page=PAGE_SIZE,
        reads_only=views_only,
    )
    context = {"client": client, "page": page, "views_only": views_only}
    return render(request, "clients/access_log.html", context)
