from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """The outbox: messages to staff (in-app, e-mail, later WhatsApp/SMS), sent by a job."""

    name = "bimkemas.notifications"
    label = "notifications"
