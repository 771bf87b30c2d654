"""The state machine (workflow.py): every allowed and every forbidden transition."""

import pytest

from bimkemas.revocation.workflow import (
    Route,
    Status,
    StepKind,
    TransitionError,
    advance,
    allowed_steps,
    next_step,
)

R, S, K = Route, Status, StepKind
ALLOWED = {
    # (route, status, step, yes) → status after
    (R.INTEGRATION, S.REQUESTED, K.STATEMENT, True): S.STATEMENT_TAKEN,
    (R.INTEGRATION, S.STATEMENT_TAKEN, K.EXAMINATION, True): S.EXAMINED,
    (R.INTEGRATION, S.EXAMINED, K.TPP, True): S.RECOMMENDED,
    (R.INTEGRATION, S.EXAMINED, K.TPP, False): S.NOT_RECOMMENDED,
    (R.INTEGRATION, S.RECOMMENDED, K.TEMPORARY, True): S.TEMPORARILY_REVOKED,
    (R.INTEGRATION, S.TEMPORARILY_REVOKED, K.REPORT, True): S.REPORTED,
    (R.INTEGRATION, S.REPORTED, K.DECISION, True): S.REVOKED,
    (R.INTEGRATION, S.REPORTED, K.DECISION, False): S.NOT_REVOKED,
    (R.INTEGRATION, S.NOT_RECOMMENDED, K.DECISION, False): S.NOT_REVOKED,
    (R.ASIMILASI, S.REQUESTED, K.STATEMENT, True): S.STATEMENT_TAKEN,
    (R.ASIMILASI, S.STATEMENT_TAKEN, K.EXAMINATION, True): S.EXAMINED,
    (R.ASIMILASI, S.EXAMINED, K.TPP, True): S.RECOMMENDED,
    (R.ASIMILASI, S.EXAMINED, K.TPP, False): S.NOT_RECOMMENDED,
    (R.ASIMILASI, S.RECOMMENDED, K.REPORT, True): S.REPORTED,
    (R.ASIMILASI, S.REPORTED, K.DECISION, True): S.REVOKED,
    (R.ASIMILASI, S.REPORTED, K.DECISION, False): S.NOT_REVOKED,
    (R.ASIMILASI, S.NOT_RECOMMENDED, K.DECISION, False): S.NOT_REVOKED,
}
WITHDRAWABLE = {S.REQUESTED, S.STATEMENT_TAKEN, S.EXAMINED, S.RECOMMENDED, S.NOT_RECOMMENDED}
for route in Route:
    for status in WITHDRAWABLE:
        for yes in (True, False):
            ALLOWED[(route, status, K.WITHDRAWAL, yes)] = S.WITHDRAWN
for route in Route:
    for (r, status, step, yes), after in list(ALLOWED.items()):
        if r == route and step in (K.STATEMENT, K.EXAMINATION, K.TEMPORARY, K.REPORT):
            ALLOWED[(route, status, step, not yes)] = after  # the answer does not matter

EVERY = [
    (route, status, step, yes)
    for route in Route
    for status in Status
    for step in StepKind
    for yes in (True, False)
    if step != StepKind.REQUEST
]


@pytest.mark.parametrize(("route", "status", "step", "yes"), EVERY)
def test_each_transition_is_allowed_or_refused(route, status, step, yes):
    expected = ALLOWED.get((route, status, step, yes))
    if expected is None:
        with pytest.raises(TransitionError):
            advance(status, route, step, yes=yes)
    else:
        assert advance(status, route, step, yes=yes) == expected


def test_the_head_never_revokes_an_asimilasi_temporarily():
    assert K.TEMPORARY not in allowed_steps(S.RECOMMENDED, R.ASIMILASI)
    assert next_step(S.RECOMMENDED, R.ASIMILASI) == K.REPORT
    assert next_step(S.RECOMMENDED, R.INTEGRATION) == K.TEMPORARY


def test_an_ended_revocation_has_no_next_step_and_cannot_be_withdrawn():
    for status in (S.REVOKED, S.NOT_REVOKED, S.WITHDRAWN):
        assert next_step(status, R.INTEGRATION) is None
        assert allowed_steps(status, R.INTEGRATION) == []


def test_after_the_temporary_revocation_only_a_decision_ends_it():
    assert K.WITHDRAWAL not in allowed_steps(S.TEMPORARILY_REVOKED, R.INTEGRATION)
    assert K.WITHDRAWAL not in allowed_steps(S.REPORTED, R.INTEGRATION)
