from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "bimkemas.audit"
    label = "audit"
