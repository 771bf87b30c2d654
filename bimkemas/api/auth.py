"""Who is calling: a bearer token or the browser session (with CSRF on unsafe methods)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from bimkemas.accounts.models import User
from bimkemas.accounts.tokens import token_authenticate


class BearerAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """Django's session. CSRF is checked only once the session identifies a user, so an
    anonymous call gets 401 rather than a CSRF 403."""

    param_name = "sessionid"

    def _get_key(self, request: HttpRequest) -> str | None:
        return None

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(403, _("CSRF check failed."))
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return None  # unused: __call__ reads request.user directly


API_AUTH = [BearerAuth(), SessionAuth()]


def actor(request: HttpRequest) -> User:
    """The authenticated user of a request that passed API_AUTH."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user
