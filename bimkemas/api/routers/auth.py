from django.contrib.auth import authenticate, user_logged_in
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from bimkemas.accounts.models import User
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, ErrorOut
from bimkemas.api.presenters import office_ref
from bimkemas.api.schemas import MeOut, TokenIn, TokenOut
from bimkemas.api.tokens import token_create

router = Router(tags=["auth"])


@router.post(
    "/auth/token",
    auth=None,
    response={201: TokenOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
)
def token_obtain(request: HttpRequest, payload: TokenIn):
    """Exchange a username and password for a bearer token. Failures count towards the
    lockout of the login page (django-axes)."""
    user = authenticate(request, username=payload.username, password=payload.password)
    if getattr(request, "axes_locked_out", False):
        # Answer in the API's error shape; AxesMiddleware would otherwise render its page.
        request.axes_locked_out = False  # type: ignore[attr-defined]
        raise HttpError(403, _("Too many failed attempts; this account is locked for now."))
    if not isinstance(user, User):
        raise HttpError(401, _("Wrong username or password."))
    user_logged_in.send(sender=User, request=request, user=user)
    token, key = token_create(actor=user, user=user, name=payload.name)
    return Status(201, {"token": key, "prefix": token.prefix})


@router.get("/me", response={200: MeOut, **READ_ERRORS})
def me(request: HttpRequest):
    user = actor(request)
    return {
        "id": user.public_id,
        "username": user.username,
        "name": str(user),
        "role": user.role,
        "role_label": str(user.get_role_display()),
        "rank": user.rank,
        "title": user.title,
        "office": office_ref(user.office),
    }
