import datetime as dt

import pytest

from bimkemas.core.dates import today


@pytest.fixture
def ended_case(make_case, alice):
    """alice's client whose guidance period ended three days ago."""
    start = today() - dt.timedelta(days=368)
    return make_case(
        officer=alice,
        identity={"full_name": "Rudi Hartono"},
        case={"guidance_start": start, "guidance_end": today() - dt.timedelta(days=3)},
    )
