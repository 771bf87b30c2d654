import pytest

from bimkemas.litmas import tracking
from bimkemas.litmas.models import LitmasRequest


def test_it_draws_ten_unambiguous_characters():
    codes = {tracking.new_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert len(code) == 10
        assert set(code) <= set(tracking.ALPHABET)
    assert not set("01OIL") & set(tracking.ALPHABET)


def test_it_reads_a_code_as_people_type_it():
    assert tracking.normalise("abcde-fghjk") == "ABCDEFGHJK"
    assert tracking.normalise(" ABCDE FGHJK ") == "ABCDEFGHJK"
    assert tracking.normalise("ABCDE-FGHJ") is None
    assert tracking.normalise("ABCDE-FGHJ0") is None
    assert tracking.normalise("") is None


@pytest.mark.django_db
def test_each_request_gets_its_own_code(make_request):
    requests = [make_request() for _ in range(5)]
    codes = {r.tracking_code for r in requests}
    assert len(codes) == 5
    assert requests[0].tracking_display[5] == "-"
    assert LitmasRequest._meta.get_field("tracking_code").unique
