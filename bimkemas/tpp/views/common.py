from django.http import HttpRequest

from bimkemas.accounts.models import User


def user_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))
