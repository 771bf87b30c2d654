"""The supervisor's compliance page: who may see it, the figures, outliers, drill-down."""

import datetime as dt

import pytest
from django.utils import timezone

from bimkemas.accounts.models import Role
from bimkemas.core.dates import today
from bimkemas.reporting.models import Channel, CheckIn, Outcome, PeriodOutcome, ReviewStatus
from bimkemas.reporting.oversight import closed_months, office_oversight
from bimkemas.testing import login, make_user


def judged(case, outcomes: str) -> None:
    """'RRM…' → reported/missed/excused periods, one per week ending in the window."""
    first, _last = closed_months(today())
    codes = {"R": Outcome.REPORTED, "M": Outcome.MISSED, "E": Outcome.EXCUSED}
    for index, code in enumerate(outcomes):
        starts_on = first + dt.timedelta(days=7 * index)
        PeriodOutcome.objects.create(
            case=case,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=6),
            outcome=codes[code],
        )


@pytest.fixture
def officers(office, work_area, make_case):
    """Five officers, each with one case: four report 9 of 10 periods, one 2 of 10."""
    result = []
    for number, pattern in enumerate(["RRRRRRRRRM"] * 4 + ["RRMMMMMMMM"]):
        officer = make_user(f"pk{number}", office, Role.PK, rank="pertama")
        officer.work_areas.add(work_area)
        case = make_case(officer=officer, identity={"full_name": f"Klien Nomor {'ABCDE'[number]}"})
        judged(case, pattern + "E")
        result.append((officer, case))
    return result


def test_it_computes_rates_per_officer_and_area_and_flags_the_outlier(office, officers):
    figures = office_oversight(office, day=today())
    rows = {row.officer.username: row for row in figures.officers}
    assert rows["pk0"].tally.rate == 90
    assert rows["pk0"].tally.excused == 1
    assert rows["pk4"].tally.rate == 20
    assert [name for name, row in rows.items() if row.outlier] == ["pk4"]
    assert figures.median == 90
    assert figures.areas[0].tally.reported == 38
    assert figures.total.judged == 50


def test_it_counts_unreviewed_check_ins_and_unfollowed_misses(office, officers):
    _officer, case = officers[4]
    CheckIn.objects.create(
        case=case,
        channel=Channel.APP,
        occurred_at=timezone.now(),
        review_status=ReviewStatus.PENDING,
    )
    rows = {row.officer.username: row for row in office_oversight(office, day=today()).officers}
    assert rows["pk4"].unreviewed == 1
    assert rows["pk4"].unfollowed == 0  # the check-in is a contact since the last miss
    assert rows["pk0"].unfollowed == 0  # last period excused, not missed


def test_the_page_is_for_supervisors_of_the_office(client, alice, bob, dave, erin, nina, officers):
    for user in (bob, dave):
        login(client, user)
        response = client.get("/reporting/supervision/")
        assert response.status_code == 200
        assert b"outlier-flag" in response.content
    for user in (alice, erin, nina):
        login(client, user)
        assert client.get("/reporting/supervision/").status_code == 404


def test_it_drills_down_to_an_officer_s_cases(client, bob, erin, officers):
    officer, case = officers[4]
    login(client, bob)
    response = client.get(f"/reporting/supervision/officers/{officer.public_id}/")
    assert response.status_code == 200
    assert case.register_number in response.content.decode()
    login(client, erin)
    assert client.get(f"/reporting/supervision/officers/{officer.public_id}/").status_code == 404
