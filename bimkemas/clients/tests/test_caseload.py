"""Caseload: weighted loads, the proposed officer for a new case, the office's figures."""

import datetime as dt
from decimal import Decimal

import pytest

from bimkemas.accounts.models import Absence, AbsenceKind, Office, Role
from bimkemas.clients.caseload import office_overview, officers_with_load, propose_officer
from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.clients.services import case_assign, case_close, client_intake
from bimkemas.core.dates import today
from bimkemas.testing import case_data, identity_data, make_nik, make_user

DAY = dt.timedelta(days=1)


def loads(office) -> dict:
    return {
        officer.username: (officer.case_count, officer.weighted_load)
        for officer in officers_with_load(office.pk)
    }


def person(name: str, born=dt.date(1990, 5, 17), **extra) -> dict:
    return {"full_name": name, "birth_date": born, "nik": make_nik(born), **extra}


@pytest.fixture
def make_case(carol, bob, work_area, pb, facility):
    """Like the shared make_case, with a choice of programme and work area."""

    def factory(*, officer=None, identity=None, case=None):
        identity, case = dict(identity or {}), dict(case or {})
        area = identity.pop("work_area", work_area)
        new_case = client_intake(
            actor=carol,
            identity=identity_data(area, **identity),
            case=case_data(case.pop("programme", pb), facility, **case),
        )
        return case_assign(actor=bob, case=new_case, officer=officer) if officer else new_case

    return factory


def test_it_counts_open_cases_only(make_case, office, alice, pat, bob):
    make_case(officer=alice, identity=person("Andi"))
    closed = make_case(officer=alice, identity=person("Budi"))
    case_close(actor=bob, case=closed, status=CaseStatus.COMPLETED, closed_on=today())
    assert loads(office) == {"alice": (1, Decimal("1.00")), "pat": (0, Decimal("0"))}


def test_it_counts_a_received_case_as_open(make_case, office, alice):
    case = make_case(officer=alice)
    SupervisionCase.objects.filter(pk=case.pk).update(status=CaseStatus.RECEIVED)
    assert loads(office)["alice"] == (1, Decimal("1.00"))


def test_it_weights_cases_by_programme(make_case, office, alice, pat, cb):
    cb.caseload_weight = Decimal("2.00")
    cb.save()
    make_case(officer=alice, identity=person("Andi"), case={"programme": cb})
    make_case(officer=pat, identity=person("Budi"))
    make_case(officer=pat, identity=person("Candra"))
    assert loads(office) == {"alice": (1, Decimal("2.00")), "pat": (2, Decimal("2.00"))}


def test_it_leaves_out_other_offices_and_non_officers(office, alice, bob, carol, dave, erin):
    assert set(loads(office)) == {"alice"}


# propose_officer


@pytest.fixture
def rudi(office, work_area):
    user = make_user("rudi", office, Role.PK, rank="madya")
    user.work_areas.add(work_area)
    return user


def test_it_proposes_the_lowest_weighted_load_in_the_area(make_case, alice, pat, cb):
    cb.caseload_weight = Decimal("2.00")
    cb.save()
    make_case(officer=alice, identity=person("Andi"), case={"programme": cb})
    make_case(officer=pat, identity=person("Budi"))
    make_case(officer=pat, identity=person("Candra"))
    new = make_case(identity=person("Dedi"))
    # Equal weighted load (2.0); fewer cases wins.
    assert propose_officer(new, day=today()) == alice
    make_case(officer=alice, identity=person("Eko"))
    assert propose_officer(new, day=today()) == pat


def test_it_prefers_officers_covering_the_clients_area(make_case, office, alice, other_area):
    far = make_user("fajar", office, Role.PK)
    far.work_areas.add(other_area)
    make_case(officer=alice, identity=person("Andi"))
    new = make_case(identity=person("Budi", work_area=other_area))
    assert propose_officer(new, day=today()) == far


def test_it_falls_back_to_any_officer_when_nobody_covers_the_area(
    make_case, alice, pat, other_area
):
    make_case(officer=alice, identity=person("Andi"))
    new = make_case(identity=person("Budi", work_area=other_area))
    assert propose_officer(new, day=today()) == pat


def test_it_falls_back_when_the_areas_officers_are_all_away(
    make_case, office, alice, other_area, other_office
):
    far = make_user("fajar", office, Role.PK)
    far.work_areas.add(other_area)
    Absence.objects.create(
        officer=far, kind=AbsenceKind.SECONDED, starts_on=today(), seconded_to=other_office
    )
    make_case(officer=alice, identity=person("Andi"), case={"guidance_start": today()})
    new = make_case(identity=person("Budi", work_area=other_area))
    assert propose_officer(new, day=today()) == alice


def test_it_skips_officers_on_leave(make_case, alice, pat):
    make_case(officer=alice, identity=person("Andi"))
    new = make_case(identity=person("Budi"))
    Absence.objects.create(officer=pat, kind=AbsenceKind.LEAVE, starts_on=today(), ends_on=today())
    assert propose_officer(new, day=today()) == alice
    assert propose_officer(new, day=today() + DAY) == pat


def test_it_breaks_ties_by_name_then_id(make_case, alice, pat, rudi):
    new = make_case(identity=person("Budi"))
    assert propose_officer(new, day=today()) == alice  # Alice < Pat < Rudi
    alice.first_name = "Zainab"
    alice.save()
    assert propose_officer(new, day=today()) == pat


def test_it_proposes_nobody_when_everyone_is_away(make_case, alice, other_office):
    new = make_case(identity=person("Budi"))
    Absence.objects.create(officer=alice, kind=AbsenceKind.ROTATION, starts_on=today())
    assert propose_officer(new, day=today()) is None


# office_overview


@pytest.fixture
def musi(db):
    return Office.objects.create(
        code="mura", name="Bapas Kelas II Musi Rawas Utara", office_class="II"
    )


def test_it_sums_up_a_small_office(
    make_case, office, other_office, musi, alice, pat, rudi, bob, cb
):
    apk = make_user("agus", office, Role.APK)
    seconded = [make_user(f"bko{i}", office, Role.PK, rank="pertama") for i in range(3)]
    rotating = make_user("rota", office, Role.PK, rank="muda")
    for officer, to in zip(seconded, [musi, other_office, other_office], strict=True):
        Absence.objects.create(
            officer=officer, kind=AbsenceKind.SECONDED, starts_on=today(), seconded_to=to
        )
    Absence.objects.create(officer=rotating, kind=AbsenceKind.ROTATION, starts_on=today() - DAY)
    Absence.objects.create(  # ended: does not count
        officer=rudi, kind=AbsenceKind.LEAVE, starts_on=today() - 9 * DAY, ends_on=today() - DAY
    )
    start = today() - dt.timedelta(days=300)  # 365-day period: tahap akhir from day 274
    make_case(officer=alice, identity=person("Andi"), case={"guidance_start": start})
    make_case(officer=alice, identity=person("Budi"), case={"programme": cb})
    make_case(officer=pat, identity=person("Citra", category="anak"))
    make_case(identity=person("Dedi"))  # unassigned, tahap awal
    closed = make_case(officer=pat, identity=person("Eko"))
    case_close(actor=bob, case=closed, status=CaseStatus.DIED, closed_on=today())

    overview = office_overview(office, day=today())
    assert (overview.clients, overview.adults, overview.juveniles) == (4, 3, 1)
    assert overview.by_programme == {"PB": 3, "CB": 1}
    assert overview.by_stage["awal"] == 3
    assert overview.by_stage["akhir"] == 1
    assert overview.by_stage["lanjutan"] == 0
    assert overview.unassigned == 1
    assert overview.officers == 8  # alice, pat, rudi, agus, 3 seconded, rota
    assert overview.officers_by_rank == {
        "Ahli Madya": 1,
        "Ahli Muda": 2,
        "Ahli Pertama": 4,
        "APK": 1,
    }
    assert overview.seconded == 3
    assert overview.seconded_to == {musi.name: 1, other_office.name: 2}
    assert overview.rotating == 1
    assert overview.on_leave == 0
    assert overview.active_officers == 4
    assert overview.clients_per_active_officer == 1
    assert apk in officers_with_load(office.pk)


def test_it_gives_a_zero_ratio_without_active_officers(office):
    overview = office_overview(office, day=today())
    assert (overview.clients, overview.active_officers) == (0, 0)
    assert overview.clients_per_active_officer == 0
