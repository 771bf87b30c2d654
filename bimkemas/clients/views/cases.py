"""Placeholder: being written."""

from django.http import HttpRequest, HttpResponse


def case_assign(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def case_close(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def case_grant(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def case_card(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError
