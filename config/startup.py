"""Checks made as the web server starts (wsgi.py, asgi.py), not for commands and tests."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_insecure_settings() -> None:
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set, and the development key is public (it is in the source). "
            "Set SECRET_KEY in the environment to a long random value, for example the output "
            "of: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'. "
            "For development only, DEBUG=1 allows the development key."
        )
