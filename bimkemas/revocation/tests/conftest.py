import datetime as dt

import pytest

from bimkemas.clients.models import Programme
from bimkemas.core.dates import today
from bimkemas.revocation import services
from bimkemas.revocation.models import ASIMILASI_CODE
from bimkemas.violations.models import Violation, ViolationKind, ViolationSource


@pytest.fixture
def asimilasi(db) -> Programme:
    return Programme.objects.get_or_create(
        code=ASIMILASI_CODE, defaults={"name": "Asimilasi di rumah"}
    )[0]


@pytest.fixture
def violation(case, alice) -> Violation:
    return Violation.objects.create(
        case=case,
        kind=ViolationKind.NEW_OFFENCE,
        source=ViolationSource.NOTICE,
        occurred_on=today() - dt.timedelta(days=5),
        summary="Ditangkap Polsek Ilir Barat",
        opened_by=alice,
    )


@pytest.fixture
def request_revocation(alice):
    """request_revocation(case, **overrides) → a written request recorded by alice."""

    def factory(case, *, actor=None, **overrides):
        data = {
            "channel": "written",
            "requested_on": today(),
            "sender": "Kapolsek Ilir Barat I",
            "letter_number": "B/123/XII/2026",
            "grounds": ViolationKind.NEW_OFFENCE,
        }
        data.update(overrides)
        return services.revocation_request(actor=actor or alice, case=case, **data)

    return factory


@pytest.fixture
def revocation(case, request_revocation):
    return request_revocation(case)


def walk_to_recommended(revocation, *, officer, supervisor):
    """Statement, examination and a recorded TPP recommendation, all today."""
    services.revocation_record_statement(
        actor=officer,
        revocation=revocation,
        on=today(),
        questions=[{"question": "Apakah saudara ditangkap?", "answer": "Ya."}],
    )
    services.revocation_record_examination(
        actor=officer, revocation=revocation, on=today(), attended=True, account="Saya khilaf."
    )
    services.revocation_record_tpp(
        actor=supervisor,
        revocation=revocation,
        on=today(),
        recommend=True,
        members="Kepala Bapas, Kasi BKD, PK",
    )
    revocation.refresh_from_db()
    return revocation


@pytest.fixture
def recommended(revocation, alice, bob):
    return walk_to_recommended(revocation, officer=alice, supervisor=bob)
