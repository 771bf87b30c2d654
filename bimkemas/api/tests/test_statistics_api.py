"""GET /api/v1/statistics/reports: distinct clients per month and channel, aggregates only."""

import pytest

from bimkemas.reporting.tests.test_statistics_reports import cases, history  # noqa: F401 (fixtures)


@pytest.mark.usefixtures("history")
def test_the_api_returns_clients_per_month_and_channel(api_as, bob):
    response = api_as(bob).get(
        "/statistics/reports", office="plg", **{"from": "2026-03", "to": "2026-03"}
    )
    assert response.status_code == 200
    assert response.json() == [
        {"month": "2026-03", "channel": "in_person", "clients": 1},
        {"month": "2026-03", "channel": "online", "clients": 1},
        {"month": "2026-03", "channel": "app", "clients": 1},
    ]


@pytest.mark.usefixtures("history")
def test_the_api_answers_national_viewers_and_refuses_others(api_as, nina, alice, erin):
    query = {"office": "plg", "from": "2026-03", "to": "2026-04"}
    assert api_as(nina).get("/statistics/reports", **query).status_code == 200
    assert api_as(alice).get("/statistics/reports", **query).status_code == 404
    assert api_as(erin).get("/statistics/reports", **query).status_code == 404


def test_the_api_refuses_bad_months(api_as, bob, office):
    client = api_as(bob)
    assert (
        client.get(
            "/statistics/reports", office="plg", **{"from": "2019-13", "to": "2020-01"}
        ).status_code
        == 422
    )
    backwards = client.get(
        "/statistics/reports", office="plg", **{"from": "2020-02", "to": "2020-01"}
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"]


@pytest.mark.parametrize(("first", "last"), [("0000-01", "0000-01"), ("9999-12", "9999-12")])
def test_the_api_refuses_years_no_history_has(api_as, bob, office, first, last):
    response = api_as(bob).get("/statistics/reports", office="plg", **{"from": first, "to": last})
    assert response.status_code == 422
    assert response.json()["detail"] == "Enter months from 1900-01 to 2999-12."
