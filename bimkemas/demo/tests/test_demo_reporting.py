"""The demo's reporting history reproduces Palembang's monthly tables (DOMAIN.md §8) from the
statistics function and the API, and gives today's officers real worklists."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from bimkemas.accounts.models import Office, User
from bimkemas.api.tests.conftest import ApiClient
from bimkemas.clients.models import Facility, Programme
from bimkemas.core.dates import today
from bimkemas.demo.loader import reset_demo
from bimkemas.reporting.demo import APP, IN_PERSON
from bimkemas.reporting.models import PeriodOutcome
from bimkemas.reporting.statistics import reports_per_month
from bimkemas.reporting.work_items import WORKLISTS
from bimkemas.violations.models import Violation


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo_data", seed=1, stdout=StringIO())
        yield
        reset_demo(lambda _message: None)
        Facility.objects.filter(cases=None).delete()
        Programme.objects.filter(cases=None).delete()


@pytest.fixture
def palembang(_demo, db) -> Office:
    return Office.objects.get(code="plg")


def _series(rows, channel: str, since: str) -> list[int]:
    return [r.clients for r in rows if r.channel == channel and r.month >= since]


def test_it_reproduces_the_monthly_tables(palembang):
    rows = reports_per_month(palembang.pk, dt.date(2019, 5, 1), dt.date(2022, 5, 1))
    assert _series(rows, "in_person", "2019-05") == list(IN_PERSON)
    assert _series(rows, "app", "2021-05") == list(APP)
    assert _series(rows, "app", "2019-05")[:24] == [0] * 24


def test_the_api_gives_the_same_tables(palembang):
    head = User.objects.get(office=palembang, role="head")
    response = ApiClient(head).get(
        "/statistics/reports", office="plg", **{"from": "2019-05", "to": "2022-05"}
    )
    assert response.status_code == 200
    rows = response.json()
    assert [r["clients"] for r in rows if r["channel"] == "in_person"] == list(IN_PERSON)
    assert [r["clients"] for r in rows if r["channel"] == "app"][-13:] == list(APP)


def test_today_s_clients_mostly_report_and_a_few_reach_three_misses(palembang):
    outcomes = PeriodOutcome.objects.filter(case__office=palembang)
    reported = outcomes.filter(outcome="reported").count()
    assert reported / outcomes.count() > 0.75
    flags = Violation.objects.filter(case__office=palembang, kind="three_misses").count()
    assert 0 < flags < 0.1 * 3661


def test_officers_have_real_worklists(palembang):
    officer = User.objects.officers().filter(office=palembang, cases__status="active").first()
    assert officer is not None
    totals = {kind: w.queryset(officer, today()).count() for kind, w in WORKLISTS.items()}
    assert totals["due"] > 0
    assert sum(totals.values()) > totals["due"]
