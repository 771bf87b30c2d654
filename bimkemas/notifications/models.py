"""The outbox. A `Notification` row is written in the same transaction as the change that
causes it, once per (purpose, channel, recipient); the `deliver_due` job sends it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In the application")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def in_app_for(self, user) -> "NotificationQuerySet":
        return self.filter(recipient=user, channel=Channel.IN_APP)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(PublicIdModel):
    # Staff now; NULL for clients and guarantors once WhatsApp/SMS reminders reach them.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    address = models.CharField(_("address"), max_length=254, blank=True)  # e-mail or E.164
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # What the message is for, e.g. "case-assigned:<assignment id>": at most one per
    # purpose, channel and recipient, so a repeated enqueue never sends twice.
    purpose_key = models.CharField(_("purpose"), max_length=200)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # The client a message to a client is about (a plain key, as audit's client_pk: the
    # outbox sits below the clients app), so the client page can list their messages.
    client_pk = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose_key", "channel", "recipient"],
                condition=Q(recipient__isnull=False),
                name="one_notification_per_purpose",
            ),
            models.UniqueConstraint(
                fields=["purpose_key", "channel", "address"],
                condition=Q(recipient__isnull=True),
                name="one_notification_per_purpose_and_address",
            ),
            # A message to a client goes through one channel: one row per purpose, whichever
            # number or channel a later run would pick.
            models.UniqueConstraint(
                fields=["purpose_key"],
                condition=Q(client_pk__isnull=False),
                name="one_client_message_per_purpose",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["recipient", "channel", "read_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.subject}"


class DeliveryAttempt(models.Model):
    """One try at sending a notification through a transport."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="delivery_attempts"
    )
    started_at = models.DateTimeField()
    transport = models.CharField(max_length=50)
    ok = models.BooleanField()
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"{self.notification_id} {self.transport} {'ok' if self.ok else 'failed'}"
