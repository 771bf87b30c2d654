"""Placeholder: being written."""

from django.http import HttpRequest, HttpResponse


def client_list(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def client_detail(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def client_edit(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def phone_add(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def phone_check(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def document_upload(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError


def document_download(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    raise NotImplementedError
