"""Placeholder: being written."""

from django.http import HttpRequest, HttpResponse


def officer_caseload(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError
