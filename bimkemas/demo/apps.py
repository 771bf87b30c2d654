from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and benchmark data (`demo-data`, `demo-logins`): the top layer, may use every app."""

    name = "bimkemas.demo"
