from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "bimkemas.clients"
    label = "clients"
