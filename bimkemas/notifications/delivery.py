"""Sending the outbox: `deliver_due`, run every minute by the Huey task and on demand by
`bimkemas deliver-notifications`. Safe to run twice at once: a row is sent by the run that
claimed it with a conditional UPDATE, and by no other."""

import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from bimkemas.notifications.models import DeliveryAttempt, Notification, Status
from bimkemas.notifications.transports import DeliveryResult, Transport, transport_for

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY = dt.timedelta(minutes=1)  # then 2, 4, 8 minutes
LONGEST_RETRY = dt.timedelta(hours=6)
# A claim older than this belongs to a run that died; another run may take the row over.
STALE_CLAIM = dt.timedelta(minutes=10)
LOCKED_RETRIES = 50

T = TypeVar("T")


def _when_unlocked(write: Callable[[], T]) -> T:
    """Run `write` (a whole transaction), again if SQLite reports a lock instead of waiting
    (it does so in shared-cache mode, e.g. the in-memory test database). PostgreSQL waits."""
    for attempt in range(LOCKED_RETRIES):
        try:
            return write()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCKED_RETRIES - 1:
                raise
            time.sleep(0.01)
    raise AssertionError("unreachable")


def backoff(attempts: int) -> dt.timedelta:
    """The wait before the next try after `attempts` failed ones."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


def _due(now: dt.datetime) -> Q:
    waiting = Q(status=Status.PENDING, next_attempt_at__lte=now)
    abandoned = Q(status=Status.SENDING, claimed_at__lt=now - STALE_CLAIM)
    return waiting | abandoned


def claim_due(*, now: dt.datetime, limit: int) -> list[Notification]:
    """Claim up to `limit` due rows for this run; see `_claim`."""
    return _when_unlocked(lambda: _claim(now, limit))


@transaction.atomic
def _claim(now: dt.datetime, limit: int) -> list[Notification]:
    """1. Pick up to `limit` due rows. 2. Claim them with one UPDATE that repeats the due
    condition, so a row another run claimed in between is left alone. 3. Return the rows
    that carry this run's fresh token."""
    token = uuid.uuid4()
    candidates = list(
        Notification.objects.filter(_due(now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    if not candidates:
        return []
    Notification.objects.filter(_due(now), pk__in=candidates).update(
        status=Status.SENDING, claim_token=token, claimed_at=now
    )
    return list(Notification.objects.filter(claim_token=token).select_related("recipient"))


def _send(transport: Transport, notification: Notification) -> DeliveryResult:
    try:
        return transport.send(notification)
    except Exception as error:
        logger.exception("transport %s failed", transport.name)
        return DeliveryResult(ok=False, detail=f"{type(error).__name__}: {error}")


def _address_rejected(notification: Notification) -> None:
    """Tell the apps above (settings.NOTIFICATION_ADDRESS_REJECTED: dotted paths of
    `handler(notification)`) that a gateway rejected the address, e.g. so that a client's
    phone is marked unreachable. Runs in the transaction that records the failure, each in a
    savepoint: a failing handler is logged and never loses the attempt's record."""
    for path in getattr(settings, "NOTIFICATION_ADDRESS_REJECTED", ()):
        try:
            with transaction.atomic():
                import_string(path)(notification)
        except Exception:
            logger.exception("address-rejected handler %s failed", path)


def _record(
    notification: Notification,
    transport: Transport,
    result: DeliveryResult,
    *,
    started_at: dt.datetime,
    now: dt.datetime,
) -> None:
    """Write the attempt and the row's new state; the update is conditional on this run's
    claim, so a run that lost its claim (stale) cannot overwrite a newer outcome."""
    attempts = notification.attempts + 1
    changes: dict = {"attempts": attempts, "claim_token": None, "updated_at": timezone.now()}
    if result.ok:
        changes |= {"status": Status.SENT, "sent_at": timezone.now(), "last_error": ""}
    elif result.retryable and attempts < MAX_ATTEMPTS:
        changes |= {
            "status": Status.PENDING,
            "next_attempt_at": now + backoff(attempts),
            "last_error": result.detail,
        }
    else:
        changes |= {"status": Status.FAILED, "last_error": result.detail}

    @transaction.atomic
    def write() -> None:
        DeliveryAttempt.objects.create(
            notification=notification,
            started_at=started_at,
            transport=transport.name,
            ok=result.ok,
            detail=result.detail[:2000],
        )
        recorded = Notification.objects.filter(
            pk=notification.pk, claim_token=notification.claim_token
        ).update(**changes)
        if recorded and result.address_rejected:
            _address_rejected(notification)

    _when_unlocked(write)


def deliver_due(now: dt.datetime | None = None, limit: int = 100) -> int:
    """Send the notifications that are due; returns how many were sent."""
    now = now or timezone.now()
    transports: dict[str, Transport] = {}
    sent = 0
    for notification in claim_due(now=now, limit=limit):
        channel = notification.channel
        if channel not in transports:
            transports[channel] = transport_for(channel)
        started_at = timezone.now()
        result = _send(transports[channel], notification)
        _record(notification, transports[channel], result, started_at=started_at, now=now)
        sent += result.ok
    return sent
