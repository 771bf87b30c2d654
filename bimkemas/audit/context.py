"""Where the current request came from, for audit rows written deep inside services."""

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from bimkemas.accounts.lockout import client_ip

request_origin: ContextVar[tuple[str | None, str]] = ContextVar(
    "request_origin", default=(None, "system")
)


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = "api" if request.path.startswith("/api/") else "web"
        token = request_origin.set((client_ip(request), channel))
        try:
            return self.get_response(request)
        finally:
            request_origin.reset(token)
