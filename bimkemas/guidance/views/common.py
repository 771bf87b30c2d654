from django.http import HttpRequest
from django.urls import reverse

from bimkemas.accounts.models import User


def user_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def panel_url(case) -> str:
    return reverse("client_detail", args=[case.client.public_id]) + "#guidance-title"
