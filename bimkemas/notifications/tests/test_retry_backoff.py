import datetime as dt

from django.utils import timezone

from bimkemas.notifications.delivery import MAX_ATTEMPTS, deliver_due
from bimkemas.notifications.models import Channel, DeliveryAttempt, Notification, Status
from bimkemas.notifications.services import notification_enqueue
from bimkemas.notifications.transports import DeliveryResult

FAILING = "bimkemas.notifications.tests.test_retry_backoff.FailingGateway"


class FailingGateway:
    name = "failing-gateway"
    sent: list[int] = []

    def send(self, notification) -> DeliveryResult:
        FailingGateway.sent.append(notification.pk)
        return DeliveryResult(ok=False, detail="gateway timeout", retryable=True)


class RejectingGateway:
    name = "rejecting-gateway"

    def send(self, notification) -> DeliveryResult:
        return DeliveryResult(ok=False, detail="invalid number", retryable=False)


def enqueue(user):
    user.phone = "+6281270001234"
    user.save()
    return notification_enqueue(
        recipient=user, purpose_key="test:retry", subject="Test", channels=(Channel.SMS,)
    )[0]


def test_it_retries_with_growing_waits_then_gives_up(settings, pat):
    settings.NOTIFICATION_TRANSPORTS = {"sms": FAILING}
    FailingGateway.sent = []
    notification = enqueue(pat)
    now = timezone.now()
    waits = []

    for _attempt in range(MAX_ATTEMPTS):
        assert deliver_due(now=now) == 0
        assert deliver_due(now=now) == 0  # not due again before its wait is over
        notification.refresh_from_db()
        if notification.status == Status.PENDING:
            waits.append(notification.next_attempt_at - now)
            now = notification.next_attempt_at

    assert waits == [dt.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert (notification.status, notification.attempts) == (Status.FAILED, MAX_ATTEMPTS)
    assert notification.last_error == "gateway timeout"
    assert FailingGateway.sent == [notification.pk] * MAX_ATTEMPTS
    assert DeliveryAttempt.objects.filter(ok=False).count() == MAX_ATTEMPTS
    assert Notification.objects.count() == 1
    deliver_due(now=now + dt.timedelta(days=1))
    assert len(FailingGateway.sent) == MAX_ATTEMPTS  # a failed row is never sent again


def test_it_gives_up_at_once_when_retrying_cannot_help(settings, pat):
    settings.NOTIFICATION_TRANSPORTS = {
        "sms": "bimkemas.notifications.tests.test_retry_backoff.RejectingGateway"
    }
    notification = enqueue(pat)

    deliver_due()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Status.FAILED, 1)
    assert notification.last_error == "invalid number"


def test_it_reclaims_a_row_whose_run_died(settings, pat):
    settings.NOTIFICATION_TRANSPORTS = {"sms": "bimkemas.notifications.transports.ConsoleTransport"}
    notification = enqueue(pat)
    claimed = timezone.now() - dt.timedelta(minutes=11)
    Notification.objects.filter(pk=notification.pk).update(
        status=Status.SENDING, claimed_at=claimed
    )
    fresh = enqueue_fresh_claim(pat)

    assert deliver_due() == 1

    assert Notification.objects.get(pk=notification.pk).status == Status.SENT
    assert Notification.objects.get(pk=fresh.pk).status == Status.SENDING


def enqueue_fresh_claim(user):
    other = notification_enqueue(
        recipient=user, purpose_key="test:fresh", subject="Test", channels=(Channel.SMS,)
    )[0]
    Notification.objects.filter(pk=other.pk).update(
        status=Status.SENDING, claimed_at=timezone.now()
    )
    return other
