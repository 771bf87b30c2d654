"""Placeholder: being written."""

from django.http import HttpRequest, HttpResponse


def client_access_log(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError
