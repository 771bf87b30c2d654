import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.violations.services import violation_record


@pytest.fixture
def record(alice):
    """record(case, **overrides) → a violation recorded by alice (or `actor`)."""

    def factory(case, *, actor=None, **overrides):
        data = {
            "kind": "address",
            "source": "home_visit",
            "occurred_on": today() - dt.timedelta(days=2),
            "summary": "Pindah ke Jl. Merdeka tanpa melapor",
            "evidence": "Kunjungan rumah: tetangga menyatakan klien pindah.",
        }
        data.update(overrides)
        return violation_record(actor=actor or alice, case=case, **data)

    return factory


@pytest.fixture
def violation(record, case):
    return record(case)
