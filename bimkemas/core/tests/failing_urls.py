"""A URLconf with a view that fails, to test what a server error shows."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as real_urlpatterns


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), *real_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
