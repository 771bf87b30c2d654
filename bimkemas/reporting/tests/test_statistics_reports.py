"""Statistics: distinct clients per month and channel, the compliance distribution, the
page, the CSV/XLSX exports (the API: api/tests/test_statistics_api.py)."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from bimkemas.reporting.models import Channel, CheckIn, Outcome, PeriodOutcome
from bimkemas.reporting.services.checkins import checkin_record
from bimkemas.reporting.statistics import compliance_distribution, reports_per_month
from bimkemas.testing import login

START = dt.date(2026, 1, 1)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def cases(make_case, alice):
    terms = {"guidance_start": START, "received_on": START, "sk_date": START}
    return [
        make_case(officer=alice, identity={"full_name": name}, case=terms)
        for name in ("Budi Santoso", "Rudi Hartono", "Joko Susilo")
    ]


@pytest.fixture
def history(cases, alice):
    budi, rudi, joko = cases
    # Budi reports in person twice in March: one client, however often he came.
    checkin_record(
        actor=alice,
        case=budi,
        channel=Channel.IN_PERSON,
        occurred_at=at(START.replace(month=3, day=2)),
    )
    checkin_record(
        actor=alice,
        case=budi,
        channel=Channel.IN_PERSON,
        occurred_at=at(START.replace(month=3, day=20)),
    )
    # Rudi by phone and by chat in March: one online client.
    checkin_record(
        actor=alice, case=rudi, channel=Channel.PHONE, occurred_at=at(dt.date(2026, 3, 5))
    )
    checkin_record(
        actor=alice, case=rudi, channel=Channel.CHAT, occurred_at=at(dt.date(2026, 3, 6))
    )
    # Joko through the app in March and April, and a home visit (not a statistics channel).
    for day in (dt.date(2026, 3, 31), dt.date(2026, 4, 1)):
        CheckIn.objects.create(case=joko, channel=Channel.APP, occurred_at=at(day, 22))
    checkin_record(
        actor=alice, case=joko, channel=Channel.HOME_VISIT, occurred_at=at(dt.date(2026, 4, 9))
    )
    return cases


def test_it_counts_distinct_clients_per_month_and_channel(history, office):
    rows = reports_per_month(office.pk, dt.date(2026, 2, 1), dt.date(2026, 4, 1))
    assert [(r.month, r.channel, r.clients) for r in rows] == [
        ("2026-02", "in_person", 0),
        ("2026-02", "online", 0),
        ("2026-02", "app", 0),
        ("2026-03", "in_person", 1),
        ("2026-03", "online", 1),
        ("2026-03", "app", 1),
        ("2026-04", "in_person", 0),
        ("2026-04", "online", 0),
        ("2026-04", "app", 1),
    ]


def test_it_counts_only_the_office_asked_for(history, other_office):
    rows = reports_per_month(other_office.pk, dt.date(2026, 3, 1), dt.date(2026, 3, 1))
    assert sum(r.clients for r in rows) == 0


def _outcomes(case, reported: int, missed: int, excused: int = 0) -> None:
    outcomes = (
        [Outcome.REPORTED] * reported + [Outcome.MISSED] * missed + [Outcome.EXCUSED] * excused
    )
    for month, outcome in enumerate(outcomes, start=1):
        starts_on = dt.date(2026, month, 1)
        PeriodOutcome.objects.create(
            case=case, starts_on=starts_on, ends_on=starts_on.replace(day=28), outcome=outcome
        )


def test_it_spreads_client_compliance_over_ten_percent_bands(cases, office):
    budi, rudi, joko = cases
    _outcomes(budi, reported=10, missed=0)  # 100%
    _outcomes(rudi, reported=9, missed=1, excused=1)  # 90%: excused left out
    _outcomes(joko, reported=3, missed=7)  # 30%
    result = compliance_distribution(office.pk, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert result.clients == 3
    assert result.bands == [0, 0, 0, 1, 0, 0, 0, 0, 0, 2]
    assert result.at_least_90 == 2
    assert result.median == 90
    assert round(result.overall or 0) == 73  # 22 of 30 periods


def test_it_shows_the_page_with_table_and_chart_to_a_supervisor(client, bob, history):
    login(client, bob)
    response = client.get("/reporting/statistics/", {"from": "2026-03", "to": "2026-04"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-month="2026-03"' in html
    assert "chart.umd.min.js" in html
    assert 'id="statistics-data"' in html


def test_it_refuses_the_page_to_officers_and_other_offices(client, alice, erin, history):
    for user in (alice, erin):
        login(client, user)
        assert client.get("/reporting/statistics/").status_code == 404
    login(client, erin)
    assert client.get("/reporting/statistics/", {"office": "plg"}).status_code == 404


def test_it_lets_a_national_viewer_choose_any_office(client, nina, history):
    login(client, nina)
    assert b"office-list" in client.get("/reporting/statistics/").content
    assert client.get("/reporting/statistics/", {"office": "plg"}).status_code == 200


def test_it_exports_csv(client, bob, history):
    login(client, bob)
    response = client.get("/reporting/statistics/export.csv", {"from": "2026-03", "to": "2026-04"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["Month", "In person", "Online", "App"],
        ["2026-03", "1", "1", "1"],
        ["2026-04", "0", "0", "1"],
    ]


def test_it_exports_the_compliance_table_as_csv(client, bob, cases):
    _outcomes(cases[0], reported=3, missed=7)
    login(client, bob)
    response = client.get(
        "/reporting/statistics/export.csv",
        {"from": "2026-01", "to": "2026-12", "table": "compliance"},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Compliance rate", "Clients"]
    assert rows[4] == ["30–39%", "1"]


def test_it_exports_xlsx(client, bob, history):
    login(client, bob)
    response = client.get("/reporting/statistics/export.xlsx", {"from": "2026-03", "to": "2026-04"})
    book = load_workbook(io.BytesIO(response.content))
    reports = [list(row) for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert reports == [
        ["Month", "In person", "Online", "App"],
        ["2026-03", 1, 1, 1],
        ["2026-04", 0, 0, 1],
    ]
    assert book.worksheets[1].cell(row=2, column=1).value == "Compliance rate"
