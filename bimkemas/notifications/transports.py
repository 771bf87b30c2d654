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

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
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
    # The gateway says the address itself is wrong (not a WhatsApp user, not a valid number):
    # the apps told through settings.NOTIFICATION_ADDRESS_REJECTED mark it unreachable.
    address_rejected: bool = False


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


# --- Phone gateways over HTTP ------------------------------------------------------------
# Both gateways speak HTTP through `http_request`, the one place that touches the network
# (tests point the gateways at a server on 127.0.0.1). Rules shared by both: 2xx is
# accepted; 5xx, 429 (rate limit), timeouts and refused connections are retried by the
# delivery job; any other 4xx is final. Details recorded on the attempt never contain the
# token or the gateway's URL (which may carry a key).


@dataclass(frozen=True)
class HttpResponse:
    status: int
    body: str


class GatewayUnavailable(Exception):
    """No HTTP answer: timeout, refused connection, DNS failure."""


def http_request(
    method: str, url: str, *, headers: dict[str, str], data: bytes | None, timeout: float
) -> HttpResponse:
    if not url.startswith(("https://", "http://")):
        raise GatewayUnavailable("the gateway URL must start with https:// or http://")
    # The scheme is checked above, so urlopen cannot be led to file: or other schemes.
    request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return HttpResponse(response.status, response.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        return HttpResponse(error.code, error.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise GatewayUnavailable(f"{type(reason).__name__}: {reason}") from error


def _retryable(status: int) -> bool:
    return status >= 500 or status == 429


def _json(body: str) -> dict:
    try:
        value = json.loads(body)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _plain_text(text: str) -> str:
    """Template parameters may not hold line breaks, tabs or runs of spaces."""
    return " ".join(text.split())


class WhatsAppCloudTransport:
    """WhatsApp Business Cloud API (Meta): POST {WHATSAPP_API_URL}/{version}/{phone number
    id}/messages with a bearer token. With WHATSAPP_TEMPLATE set (needed to start a
    conversation, as reminders do) the approved template is sent with the message text as
    its one body parameter; otherwise a plain text message (accepted only within 24 hours of
    the client's last message). The provider's message id (wamid) is recorded."""

    name = "whatsapp-cloud"
    # "Message undeliverable": not a WhatsApp user, or a number that cannot receive.
    REJECTED_CODES = frozenset({131026})

    def send(self, notification: "Notification") -> DeliveryResult:
        url = (
            f"{settings.WHATSAPP_API_URL.rstrip('/')}/{settings.WHATSAPP_API_VERSION}/"
            f"{settings.WHATSAPP_PHONE_NUMBER_ID}/messages"
        )
        headers = {
            "Authorization": f"Bearer {settings.WHATSAPP_TOKEN}",
            "Content-Type": "application/json",
        }
        payload = json.dumps(self.payload(notification)).encode()
        try:
            response = http_request(
                "POST", url, headers=headers, data=payload, timeout=settings.GATEWAY_TIMEOUT
            )
        except GatewayUnavailable as error:
            return DeliveryResult(ok=False, detail=f"WhatsApp unavailable: {error}")
        answer = _json(response.body)
        if 200 <= response.status < 300:
            ids = [m.get("id", "") for m in answer.get("messages", []) if isinstance(m, dict)]
            return DeliveryResult(ok=True, detail=f"wamid {ids[0] if ids else '?'}")
        problem = answer.get("error")
        problem = problem if isinstance(problem, dict) else {}
        code = problem.get("code")
        detail = f"WhatsApp HTTP {response.status}"
        if code is not None:
            detail += f" code {code}"
        if problem.get("message"):
            detail += f": {problem['message']}"
        return DeliveryResult(
            ok=False,
            detail=detail,
            retryable=_retryable(response.status),
            address_rejected=code in self.REJECTED_CODES,
        )

    def payload(self, notification: "Notification") -> dict:
        to = notification.address.lstrip("+")
        message = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to}
        if settings.WHATSAPP_TEMPLATE:
            parameter = {"type": "text", "text": _plain_text(notification.body)}
            return message | {
                "type": "template",
                "template": {
                    "name": settings.WHATSAPP_TEMPLATE,
                    "language": {"code": settings.WHATSAPP_TEMPLATE_LANGUAGE},
                    "components": [{"type": "body", "parameters": [parameter]}],
                },
            }
        return message | {"type": "text", "text": {"body": notification.body}}


class HttpSmsTransport:
    """A generic HTTP SMS gateway. SMS_GATEWAY_URL receives SMS_GATEWAY_METHOD (POST or GET)
    with the number and text in the fields SMS_GATEWAY_TO_FIELD and SMS_GATEWAY_TEXT_FIELD
    (JSON body, form body, or the query string for GET, per SMS_GATEWAY_FORMAT), the
    notification's public id in SMS_GATEWAY_REFERENCE_FIELD when the gateway deduplicates
    by it, and SMS_GATEWAY_AUTH_HEADER: SMS_GATEWAY_AUTH_VALUE. The answer's
    SMS_GATEWAY_ID_FIELD is recorded. A 4xx whose body names a bad number (one of
    SMS_GATEWAY_REJECTED_MARKERS) marks the number unreachable."""

    name = "sms-http"

    def send(self, notification: "Notification") -> DeliveryResult:
        method = settings.SMS_GATEWAY_METHOD.upper()
        fields = self.fields(notification)
        url, data, headers = settings.SMS_GATEWAY_URL, None, {}
        if settings.SMS_GATEWAY_AUTH_VALUE:
            headers[settings.SMS_GATEWAY_AUTH_HEADER] = settings.SMS_GATEWAY_AUTH_VALUE
        if method == "GET":
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(fields)
        elif settings.SMS_GATEWAY_FORMAT == "form":
            data = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(fields).encode()
            headers["Content-Type"] = "application/json"
        try:
            response = http_request(
                method, url, headers=headers, data=data, timeout=settings.GATEWAY_TIMEOUT
            )
        except GatewayUnavailable as error:
            return DeliveryResult(ok=False, detail=f"SMS gateway unavailable: {error}")
        if 200 <= response.status < 300:
            message_id = _json(response.body).get(settings.SMS_GATEWAY_ID_FIELD, "?")
            return DeliveryResult(ok=True, detail=f"SMS id {message_id}")
        text = response.body.strip()[:300]
        rejected = response.status < 500 and any(
            marker.lower() in text.lower() for marker in settings.SMS_GATEWAY_REJECTED_MARKERS
        )
        return DeliveryResult(
            ok=False,
            detail=f"SMS gateway HTTP {response.status}: {text}",
            retryable=_retryable(response.status),
            address_rejected=rejected,
        )

    def fields(self, notification: "Notification") -> dict[str, str]:
        fields = {
            settings.SMS_GATEWAY_TO_FIELD: notification.address,
            settings.SMS_GATEWAY_TEXT_FIELD: notification.body or notification.subject,
        }
        if settings.SMS_GATEWAY_SENDER_FIELD and settings.SMS_GATEWAY_SENDER:
            fields[settings.SMS_GATEWAY_SENDER_FIELD] = settings.SMS_GATEWAY_SENDER
        if settings.SMS_GATEWAY_REFERENCE_FIELD:
            fields[settings.SMS_GATEWAY_REFERENCE_FIELD] = str(notification.public_id)
        return fields
