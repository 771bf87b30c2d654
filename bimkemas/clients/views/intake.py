"""Placeholder: being written."""

from django.http import HttpRequest, HttpResponse


def intake(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def intake_check(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError
