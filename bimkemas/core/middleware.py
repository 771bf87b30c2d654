from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class IndonesianUnlessChosenMiddleware:
    """Serve Indonesian unless the user picked another language (the language cookie).

    Many officers' phones and office PCs are set to English; the browser's Accept-Language
    would then override the working language of the Bapas. Runs before LocaleMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class NoStoreMiddleware:
    """Tell browsers and proxies not to keep pages that may carry personal data.

    Every answer to a signed-in user and every API answer gets `Cache-Control: no-store`, so
    a shared office PC's back button or disk cache does not show a client's record after
    logout. Static files are answered earlier, by WhiteNoise, and stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith("/api/") or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
        return response
