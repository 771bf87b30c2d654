"""Two delivery runs at once (the Huey task and the command, or two workers) send each row
exactly once. A transactional test: the threads use their own database connections."""

import threading
import time
from collections import Counter

import pytest
from django.db import connection

from bimkemas.accounts.models import Office, Role
from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Channel, DeliveryAttempt, Notification, Status
from bimkemas.notifications.services import notification_enqueue
from bimkemas.notifications.transports import DeliveryResult
from bimkemas.testing import make_user

ROWS = 30


class SlowGateway:
    name = "slow-gateway"
    sent: Counter = Counter()
    lock = threading.Lock()

    def send(self, notification) -> DeliveryResult:
        time.sleep(0.005)  # let the other run try to take the same rows meanwhile
        with SlowGateway.lock:
            SlowGateway.sent[notification.pk] += 1
        return DeliveryResult(ok=True)


def run_in_thread(barrier: threading.Barrier, results: list, errors: list) -> None:
    try:
        barrier.wait()
        # Small batches, so that the runs interleave; a run whose candidates the other
        # claimed first sends nothing and goes on.
        results.append(sum(deliver_due(limit=3) for _run in range(ROWS // 3)))
    except Exception as error:  # reported by the test below
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_it_delivers_each_row_once_when_two_runs_overlap(settings):
    settings.NOTIFICATION_TRANSPORTS = {
        "sms": "bimkemas.notifications.tests.test_concurrent_delivery.SlowGateway"
    }
    SlowGateway.sent = Counter()
    office = Office.objects.create(code="plg", name="Bapas Palembang", office_class="I")
    officer = make_user("sari", office, Role.PK, phone="+6281270001234")
    for number in range(ROWS):
        notification_enqueue(
            recipient=officer, purpose_key=f"test:{number}", subject="Test", channels=("sms",)
        )
    barrier = threading.Barrier(2)
    results: list[int] = []
    errors: list[Exception] = []
    threads = [
        threading.Thread(target=run_in_thread, args=(barrier, results, errors)) for _ in range(2)
    ]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(results) == ROWS
    assert set(SlowGateway.sent.values()) == {1}
    assert len(SlowGateway.sent) == ROWS
    assert Notification.objects.filter(channel=Channel.SMS, status=Status.SENT).count() == ROWS
    assert DeliveryAttempt.objects.count() == ROWS
