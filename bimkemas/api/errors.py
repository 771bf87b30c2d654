"""One error shape for every API failure: {"detail": str, "errors": {field: [messages]}}."""

import logging
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from bimkemas.core.errors import ApplicationError

logger = logging.getLogger(__name__)

# Where a failing value came from; dropped from field names in `errors`.
_SOURCES = {"body", "query", "path", "form", "file", "header", "cookie"}
# Body parameters are always called `payload` so they can be dropped too.
BODY_PARAM = "payload"


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


# Responses that any authenticated operation may give; writes add 400 (and 409 for intake).
READ_ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {400: ErrorOut, **READ_ERRORS}


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict:
    return {"detail": detail, "errors": errors or {}}


def field_name(loc: tuple | list) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    if parts and parts[0] == BODY_PARAM:
        parts = parts[1:]
    return ".".join(parts) or "__all__"


def validation_errors(errors: list[dict]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        fields.setdefault(field_name(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return fields


def register_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_application_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, 400, error_body(exc.message, exc.errors))

    def on_not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, 404, error_body(_("Not found")))

    def on_validation_error(request: HttpRequest, exc: Any) -> HttpResponse:
        errors = validation_errors(exc.errors)
        return respond(request, 422, error_body(_("The request is not valid."), errors))

    def on_authentication_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, 401, error_body(_("Authentication required.")))

    def on_http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, exc.status_code, error_body(str(exc)))

    def on_unreadable_request(request: HttpRequest, exc: Any) -> HttpResponse:
        # A malformed body (multipart without a boundary, too many fields, too large) is the
        # caller's mistake; Django reports these as exceptions raised while reading the body.
        return respond(request, 400, error_body(_("The request body could not be read.")))

    def on_exception(request: HttpRequest, exc: Any) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return respond(request, 500, error_body(_("Server error")))

    api.add_exception_handler(ApplicationError, on_application_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(AuthenticationError, on_authentication_error)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(MultiPartParserError, on_unreadable_request)
    api.add_exception_handler(SuspiciousOperation, on_unreadable_request)
    api.add_exception_handler(UnreadablePostError, on_unreadable_request)
    api.add_exception_handler(Exception, on_exception)
