from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The client's self check-in app under /lapor/ (an installable PWA) and the officer's
    panel that activates it (interface only: the rules live in bimkemas.reporting)."""

    name = "bimkemas.portal"
