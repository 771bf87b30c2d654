"""The client's own sign-in: not a Django user login, but the app access's public id in the
session, with a stamp that changes when the officer resets the access (which signs every
phone out). The session is renewed on sign-in and ends after 30 days without use."""

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.services.client_app import session_stamp, session_stamp_matches

ACCESS_KEY = "portal_access"
STAMP_KEY = "portal_stamp"
SEEN_KEY = "portal_seen"
IDLE_LIMIT = dt.timedelta(days=30)


def client_sign_in(request: HttpRequest, access: ClientAccess) -> None:
    request.session.flush()  # a new session key: nothing carried over from before
    request.session[ACCESS_KEY] = str(access.public_id)
    request.session[STAMP_KEY] = session_stamp(access)
    _renew(request)


def client_sign_out(request: HttpRequest) -> None:
    request.session.flush()


def signed_in_access(request: HttpRequest) -> ClientAccess | None:
    public_id = request.session.get(ACCESS_KEY)
    if not public_id:
        return None
    access = (
        ClientAccess.objects.select_related("client")
        .filter(public_id=public_id, activated_at__isnull=False, locked_at__isnull=True)
        .first()
    )
    if access is None or not session_stamp_matches(access, request.session.get(STAMP_KEY, "")):
        client_sign_out(request)
        return None
    if request.session.get(SEEN_KEY) != timezone.localdate().isoformat():
        _renew(request)  # at most one session write a day
    return access


def _renew(request: HttpRequest) -> None:
    request.session[SEEN_KEY] = timezone.localdate().isoformat()
    request.session.set_expiry(int(IDLE_LIMIT.total_seconds()))


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def client_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only for a signed-in client; others go to the sign-in page (JSON callers get 401).
    The view finds the client's access as `request.client_access`."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access = signed_in_access(request)
        if access is None:
            if wants_json(request):
                response: HttpResponse = JsonResponse(
                    {"detail": _("Sign in again to send your report."), "errors": {}},
                    status=401,
                )
            else:
                query = urlencode({"next": request.get_full_path()})
                response = redirect(f"{reverse('portal:sign_in')}?{query}")
        else:
            request.client_access = access  # type: ignore[attr-defined]
            response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper
