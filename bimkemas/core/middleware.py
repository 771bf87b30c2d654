from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


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
