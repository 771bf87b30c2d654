"""The selectors other apps code against: latest_scored, current_needs, assessments_between."""

import datetime as dt

from bimkemas.assessments.selectors import (
    Need,
    assessments_between,
    current_needs,
    latest_scored,
)
from bimkemas.assessments.tests.conftest import answers_for
from bimkemas.core.dates import today


def test_latest_scored_gives_the_newest_scored_per_client_and_kind(
    case, risk, needs, assess, make_case, alice
):
    old = assess(case, risk, assessed_on=today() - dt.timedelta(days=400))
    new = assess(case, risk, assessed_on=today() - dt.timedelta(days=3))
    draft = answers_for(risk)
    del draft["A1"]
    assess(case, risk, draft, assessed_on=today())  # drafts never count
    need = assess(case, needs)
    other = make_case(
        officer=alice, identity={"full_name": "Dedi Kurniawan", "birth_date": dt.date(1985, 1, 2)}
    )
    latest = latest_scored([case.client_id, other.client_id])
    assert latest == {case.client_id: {"risk": new, "needs": need}}
    assert old.pk != new.pk


def test_current_needs_highest_level_first_with_suggestions(case, needs, assess):
    def pick(item):
        return {"N16": 3, "N17": 3, "N18": 3, "N4": 2, "N5": 2}.get(item["code"], 0)

    assess(case, needs, answers_for(needs, pick))
    result = current_needs(case.client)
    assert [n.code for n in result[:2]] == ["alkohol_narkoba", "keuangan"]
    top = result[0]
    assert isinstance(top, Need)
    assert (top.level, top.score, top.label) == ("tinggi", 9, "Alkohol dan narkoba")
    assert top.suggestion["kind"] == "kepribadian" and top.suggestion["area"] == "substance"
    assert result[1].level == "sedang"
    assert {n.level for n in result[2:]} == {"rendah"}
    assert len(result) == 7


def test_current_needs_is_empty_without_a_scored_needs_assessment(case, risk, assess):
    assess(case, risk)
    assert current_needs(case.client) == []


def test_assessments_between_includes_both_ends_oldest_first(case, risk, needs, assess):
    start, end = today() - dt.timedelta(days=60), today() - dt.timedelta(days=10)
    first = assess(case, risk, assessed_on=start)
    last = assess(case, needs, assessed_on=end)
    assess(case, risk, assessed_on=end + dt.timedelta(days=1))
    assess(case, risk, assessed_on=start - dt.timedelta(days=1))
    assert assessments_between(case.pk, start, end) == [first, last]
