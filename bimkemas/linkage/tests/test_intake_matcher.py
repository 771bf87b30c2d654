"""The intake's possible-duplicate warning by the record matcher (core.duplicates seam):
candidates preselected in SQL, scored by the real `link` on the tiny set."""

import datetime as dt
import time

import pytest
from django.urls import reverse

from bimkemas.clients.selectors import find_possible_duplicates
from bimkemas.core import duplicates as seam
from bimkemas.core.duplicates import DuplicateQuery
from bimkemas.linkage.duplicates import candidates, matcher_duplicates, nik_one_off, swapped
from bimkemas.linkage.tests.matches_support import FakeMatcher
from bimkemas.testing import login, make_nik

pytestmark = pytest.mark.django_db
BORN = dt.date(1988, 4, 9)


@pytest.fixture
def ahmad(make_case):
    return make_case(
        identity={"full_name": "Muhammad Ahmad Fauzi", "birth_date": BORN, "nik": make_nik(BORN)}
    ).client


def test_swapped_and_one_digit_off():
    assert swapped(dt.date(1988, 4, 9)) == dt.date(1988, 9, 4)
    assert swapped(dt.date(1988, 4, 19)) is None and swapped(dt.date(1988, 4, 4)) is None
    variants = nik_one_off("1671010904880001")
    assert len(variants) == 144 and "1671010904880002" in variants


def test_candidates_are_found_by_name_key_birth_date_swap_or_nik(ahmad, make_case):
    make_case(identity={"full_name": "Dedi Kurniawan", "birth_date": dt.date(1970, 1, 2)})

    def found(**query):
        return list(candidates(DuplicateQuery(**query)))

    assert found(full_name="Fauzi Ahmad Muhammad") == [ahmad]  # the name key, any date
    assert found(full_name="Someone Else", birth_date=dt.date(1988, 9, 4)) == [ahmad]
    nik = ahmad.nik[:-1] + ("1" if ahmad.nik[-1] != "1" else "2")
    assert found(full_name="Someone Else", nik=nik) == [ahmad]
    assert found(full_name="Someone Else", birth_date=dt.date(2001, 1, 1)) == []


def test_the_finder_scores_the_candidates_with_the_matcher(ahmad):
    matcher = FakeMatcher()

    assert matcher_duplicates(DuplicateQuery(full_name="Ahmad Fauzi Muhammad"), matcher=matcher)
    assert matcher.calls[0][:2] == (1, 1)
    assert matcher_duplicates(DuplicateQuery(full_name="Tono"), matcher=matcher) == []
    assert len(matcher.calls) == 1  # nothing preselected: the matcher is not asked


def test_the_real_matcher_warns_of_a_swapped_date_and_another_spelling(ahmad, office):
    started = time.perf_counter()
    found = find_possible_duplicates(
        office_id=office.pk, full_name="Moh. Achmad Fauzi", birth_date=dt.date(1988, 9, 4)
    )
    seconds = time.perf_counter() - started

    assert [(m.client, m.reason, m.same_office) for m in found] == [(ahmad, "matcher", True)]
    assert seconds < 5  # about 0.15 s warm; the first call loads the model


def test_the_real_matcher_ignores_a_namesake_born_years_apart(ahmad, office):
    found = find_possible_duplicates(
        office_id=office.pk, full_name="Muhammad Ahmad Fauzi", birth_date=dt.date(1961, 11, 23)
    )
    assert found == []


def test_another_offices_client_is_named_by_office_only(ahmad, other_office):
    found = find_possible_duplicates(
        office_id=other_office.pk, full_name="Moh. Achmad Fauzi", birth_date=dt.date(1988, 9, 4)
    )
    assert [(m.reason, m.same_office) for m in found] == [("matcher", False)]


def test_a_failing_finder_does_not_stop_the_check(ahmad, office, monkeypatch):
    def broken(query):
        raise RuntimeError("model missing")

    monkeypatch.setattr(seam, "_finders", {"broken": broken})
    assert find_possible_duplicates(office_id=office.pk, full_name="X Y", birth_date=BORN) == []


def test_the_intake_check_labels_the_matchers_warning(client, carol, ahmad):
    login(client, carol)

    page = client.post(
        reverse("intake_check"), {"full_name": "Moh. Achmad Fauzi", "birth_date": "1988-09-04"}
    )

    assert page.status_code == 200
    assert "Probably the same person (record matcher)" in page.content.decode()
