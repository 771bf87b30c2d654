from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bimkemas.api"
    label = "api"
