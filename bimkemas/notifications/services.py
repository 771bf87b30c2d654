"""Writes to the outbox. Call `notification_enqueue` inside the service that causes the
message, so that the row commits (or rolls back) with the change; the job sends it later."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bimkemas.accounts.models import User
from bimkemas.notifications.models import Channel, Notification, Status


def channel_address(recipient: User, channel: str) -> str | None:
    """Where `channel` reaches the recipient: "" for in-app; None when the recipient has no
    address for it or no transport is configured for it (settings.NOTIFICATION_TRANSPORTS)."""
    if channel == Channel.IN_APP:
        return ""
    if not settings.NOTIFICATION_TRANSPORTS.get(channel):
        return None
    address = recipient.email if channel == Channel.EMAIL else recipient.phone
    return address or None


@transaction.atomic
def notification_enqueue(
    *,
    recipient: User,
    purpose_key: str,
    subject: str,
    body: str = "",
    url: str = "",
    channels: Iterable[str] = (Channel.IN_APP,),
) -> list[Notification]:
    """Queue one message per channel; a channel that cannot reach the recipient (no e-mail
    address or phone, no transport configured) is skipped. Enqueuing the same purpose again
    is a no-op: the existing rows are returned. In-app messages are delivered at once."""
    now = timezone.now()
    queued = []
    for channel in channels:
        address = channel_address(recipient, channel)
        if address is None:
            continue
        in_app = channel == Channel.IN_APP
        notification, _created = Notification.objects.get_or_create(
            purpose_key=purpose_key,
            channel=channel,
            recipient=recipient,
            defaults={
                "address": address,
                "subject": subject[:200],
                "body": body,
                "url": url,
                "status": Status.SENT if in_app else Status.PENDING,
                "sent_at": now if in_app else None,
                "next_attempt_at": None if in_app else now,
            },
        )
        queued.append(notification)
    return queued


KEYS_PER_QUERY = 500  # below SQLite's older limit on query parameters


@dataclass(frozen=True)
class ClientMessage:
    """A message to a client (no user account): `address` is their phone in E.164."""

    client_pk: int
    channel: str
    address: str
    purpose_key: str
    subject: str
    body: str
    not_before: dt.datetime


@transaction.atomic
def client_messages_enqueue(messages: Sequence[ClientMessage]) -> list[str]:
    """Queue messages to clients in one INSERT, sent from `not_before` on. A purpose already
    queued for a client (by an earlier or a concurrent run) is not queued again: the unique
    constraint decides. Returns the purpose keys queued by this call."""
    keys = [message.purpose_key for message in messages]
    queued: set[str] = set()
    for start in range(0, len(keys), KEYS_PER_QUERY):
        queued.update(
            Notification.objects.filter(
                purpose_key__in=keys[start : start + KEYS_PER_QUERY], client_pk__isnull=False
            ).values_list("purpose_key", flat=True)
        )
    new = [message for message in messages if message.purpose_key not in queued]
    Notification.objects.bulk_create(
        [
            Notification(
                client_pk=message.client_pk,
                channel=message.channel,
                address=message.address,
                purpose_key=message.purpose_key,
                subject=message.subject[:200],
                body=message.body,
                next_attempt_at=message.not_before,
            )
            for message in new
        ],
        ignore_conflicts=True,
    )
    return [message.purpose_key for message in new]


def notification_mark_read(*, actor: User, public_id=None) -> int:
    """Mark the actor's in-app notification (or all of them, without an id) as read."""
    notifications = Notification.objects.in_app_for(actor).unread()
    if public_id is not None:
        notifications = notifications.filter(public_id=public_id)
    return notifications.update(read_at=timezone.now(), updated_at=timezone.now())
