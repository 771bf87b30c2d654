from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bimkemas.core"
    label = "core"
