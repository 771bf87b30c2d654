"""The client page's "Messages" section: every message sent (or waiting, or failed) to the
client, with its purpose, channel, status in plain words and each delivery attempt; for
those who may write the client, the channels the client opted out of and a WhatsApp link.
Registered through `reporting/panels.py`; rendered again by the opt-out view for htmx."""

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from bimkemas.clients.access import writable_clients
from bimkemas.clients.models import Client, ClientPhone
from bimkemas.core.panels import client_panel
from bimkemas.notifications.models import Channel, DeliveryAttempt, Notification, Status
from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.reminders import (
    KIND_LABELS,
    PURPOSE_PREFIX,
    REMINDER_CHANNELS,
    first_number,
    reachable_phone_q,
)

MESSAGES_SHOWN = 20
WAITING = (Status.PENDING, Status.SENDING)
# What went wrong, in words an officer can act on; the gateway's own text is shown beside.
REJECTED = re.compile(r"code 131026|invalid number|invalid_number|invalid msisdn", re.I)
PLAIN_ERRORS = (
    (REJECTED, _("The number cannot receive this message: find a working number.")),
    (re.compile(r"unavailable", re.I), _("The message service could not be reached.")),
    (re.compile(r"HTTP 5\d\d"), _("The message service had a problem.")),
    (re.compile(r"HTTP 429"), _("The message service was busy.")),
    (re.compile(r"HTTP 40[13]"), _("The message service refused our account: tell the admin.")),
)
OTHER_ERROR = _("The message service refused the message.")


def plain_error(last_error: str) -> str:
    if not last_error:
        return ""
    for pattern, words in PLAIN_ERRORS:
        if pattern.search(last_error):
            return str(words)
    return str(OTHER_ERROR)


@dataclass(frozen=True)
class MessageRow:
    notification: Notification
    purpose: str
    period_start: dt.date | None
    attempts: list[DeliveryAttempt]

    @property
    def waiting(self) -> bool:
        return self.notification.status in WAITING

    @property
    def error(self) -> str:
        return plain_error(self.notification.last_error)


def _row(notification: Notification) -> MessageRow:
    purpose, period_start = str(notification.subject), None
    if notification.purpose_key.startswith(PURPOSE_PREFIX):
        _case, start, kind = notification.purpose_key.removeprefix(PURPOSE_PREFIX).split(":")
        purpose = str(KIND_LABELS.get(kind, notification.subject))
        period_start = dt.date.fromisoformat(start)
    return MessageRow(
        notification, purpose, period_start, list(notification.delivery_attempts.all())
    )


def client_messages(client: Client) -> tuple[list[MessageRow], int]:
    """The newest messages to `client` (with their attempts) and how many there are."""
    messages = Notification.objects.filter(client_pk=client.pk)
    newest = messages.order_by("-created_at", "-pk").prefetch_related(
        Prefetch("delivery_attempts", DeliveryAttempt.objects.order_by("started_at", "pk"))
    )[:MESSAGES_SHOWN]
    rows = [_row(notification) for notification in newest]
    total = len(rows) if len(rows) < MESSAGES_SHOWN else messages.count()
    return rows, total


def messages_context(request, client: Client) -> dict:
    rows, total = client_messages(client)
    writable = writable_clients(request.user).filter(pk=client.pk).exists()
    context = {"client": client, "rows": rows, "total": total, "writable": writable}
    if writable:
        opted_out = (
            ClientAccess.objects.filter(client=client)
            .values_list("opted_out_channels", flat=True)
            .first()
        ) or []
        context["channels"] = [
            (channel, Channel(channel).label, channel in opted_out) for channel in REMINDER_CHANNELS
        ]
        number = first_number(ClientPhone.objects.filter(reachable_phone_q(), client=client))
        context["whatsapp_number"] = number.lstrip("+") if number else ""
    return context


def render_messages(request, client: Client, **extra) -> str:
    context = messages_context(request, client) | extra
    return render_to_string("reporting/partials/messages.html", context, request=request)


@client_panel(order=20)
def messages(request, client, case) -> str:
    return render_messages(request, client)
