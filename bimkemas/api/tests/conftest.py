import pytest
from django.test import Client

from bimkemas.accounts.tokens import token_create


class ApiClient:
    """A test client that sends a bearer token and JSON bodies."""

    def __init__(self, user) -> None:
        _token, key = token_create(user=user, name="tests")
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")

    def get(self, path: str, **params):
        return self.client.get(f"/api/v1{path}", params)

    def post(self, path: str, data=None):
        return self.client.post(f"/api/v1{path}", data or {}, content_type="application/json")

    def patch(self, path: str, data):
        return self.client.patch(f"/api/v1{path}", data, content_type="application/json")


@pytest.fixture
def api_as():
    return ApiClient
