from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bimkemas.accounts"
    label = "accounts"
