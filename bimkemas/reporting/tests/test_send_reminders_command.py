from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bimkemas.notifications.models import Notification
from bimkemas.reporting.tests.reminder_helpers import past_period, reminder_case


@pytest.fixture
def case(make_case, alice):
    return reminder_case(make_case, alice)


def run(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def client_messages():
    return Notification.objects.filter(client_pk__isnull=False)


def test_it_queues_the_reminders_of_a_day(case):
    day = past_period().ends_on

    output = run("--date", f"{day:%Y-%m-%d}")

    assert output.splitlines() == [
        f"{case.register_number} due whatsapp {past_period().starts_on:%Y-%m-%d}",
        "1 reminder(s) queued",
    ]
    assert client_messages().count() == 1
    assert run("--date", f"{day:%Y-%m-%d}").splitlines() == ["0 reminder(s) queued"]


def test_a_dry_run_lists_without_queuing(case):
    day = past_period().ends_on

    output = run("--date", f"{day:%Y-%m-%d}", "--dry-run")

    assert output.splitlines()[-1] == "1 reminder(s) would be queued"
    assert not client_messages().exists()


def test_it_limits_the_run_to_one_office(case, other_office):
    day = past_period().ends_on

    assert run("--office", "OKU", "--date", f"{day:%Y-%m-%d}").endswith("0 reminder(s) queued\n")
    assert run("--office", "plg", "--date", f"{day:%Y-%m-%d}").endswith("1 reminder(s) queued\n")


def test_it_refuses_an_unknown_office_or_a_bad_date(db):
    with pytest.raises(CommandError, match="no office with code 'XYZ'"):
        run("--office", "XYZ")
    with pytest.raises(CommandError, match="--date wants YYYY-MM-DD"):
        run("--date", "31/12/2026")
