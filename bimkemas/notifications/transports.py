"""Transports: how a notification leaves the building, one per channel.

`settings.NOTIFICATION_TRANSPORTS` maps a channel ("email", "whatsapp", "sms") to the dotted
path of a transport class; the class is built with no arguments for each delivery run.
In-app notifications need no transport: they are delivered when they are written.

The interface a transport implements (WhatsApp and SMS gateways included):

    class MyGateway:
        name = "my-gateway"  # recorded on every DeliveryAttempt

        def send(self, notification: Notification) -> DeliveryResult:
            # notification.address: the e-mail address, or the phone number in E.164
            # (+6281...); notification.subject, .body, .url: the message.
            ...

`send` returns `DeliveryResult(ok=True, detail=<gateway message id>)` when the gateway has
accepted the message; `DeliveryResult(ok=False, detail=<why>, retryable=True)` for a failure
worth retrying (timeout, 5xx, rate limit); `retryable=False` when retrying cannot help (a
number the gateway rejects, an address that does not exist). An exception counts as a
retryable failure, with its text recorded. `send` runs outside any transaction and must not
write to the database.

Delivery is at most once per claim: two delivery runs never send the same row. If the
process dies after the gateway accepted a message but before the row is marked sent, the
row is claimed again after ten minutes and sent again; a gateway that accepts an
idempotency key should be given `str(notification.public_id)`.
"""

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from bimkemas.notifications.models import Notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryResult:
    ok: bool
    detail: str = ""
    retryable: bool = True


class Transport(Protocol):
    name: str

    def send(self, notification: "Notification") -> DeliveryResult: ...


class ConsoleTransport:
    """Development default for every channel: logs the message and appends it to
    `settings.NOTIFICATION_CONSOLE_FILE` (var/notifications.log). Nothing leaves the machine."""

    name = "console"

    def send(self, notification: "Notification") -> DeliveryResult:
        line = (
            f"{timezone.now().isoformat()} {notification.channel} to "
            f"{notification.address or notification.recipient_id}: {notification.subject}"
            f"{' ' + notification.url if notification.url else ''}"
        )
        logger.info("notification %s", line)
        path = Path(settings.NOTIFICATION_CONSOLE_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(line.replace("\n", " ") + "\n")
        return DeliveryResult(ok=True, detail=f"written to {path.name}")


class EmailTransport:
    """Django's e-mail backend (SMTP with EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, …)."""

    name = "email"

    def send(self, notification: "Notification") -> DeliveryResult:
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{absolute_url(notification.url)}".strip()
        try:
            send_mail(
                notification.subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [notification.address],
            )
        except Exception as error:  # SMTP errors are many; all are recorded and retried
            return DeliveryResult(ok=False, detail=f"{type(error).__name__}: {error}")
        return DeliveryResult(ok=True, detail="accepted by the mail server")


def absolute_url(path: str) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}" if path.startswith("/") else path


def transport_for(channel: str) -> Transport:
    """A new instance of the transport configured for `channel`."""
    transport: Transport = import_string(settings.NOTIFICATION_TRANSPORTS[channel])()
    return transport
