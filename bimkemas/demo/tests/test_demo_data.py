"""The demo data reproduces Bapas Kelas I Palembang as DOMAIN.md §8 describes it."""

from io import StringIO

import pytest
from django.core.management import call_command

from bimkemas.accounts.models import Office, User
from bimkemas.clients.caseload import office_overview
from bimkemas.clients.identity import normalise_phone, validate_nik
from bimkemas.clients.models import (
    Client,
    ClientPhone,
    Facility,
    Programme,
    RegisterCounter,
    SupervisionCase,
)
from bimkemas.core.dates import today
from bimkemas.demo.loader import reset_demo


def _load(**options) -> str:
    out = StringIO()
    call_command("demo_data", seed=1, stdout=out, **options)
    return out.getvalue()


def _fingerprint() -> list[tuple[str, str]]:
    cases = SupervisionCase.objects.filter(office__code="plg").select_related("client")
    return [
        (c.client.full_name, c.register_number)
        for c in cases.order_by("client__id", "register_number")[:20]
    ]


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """Load once for the module (about 5 s); each test still runs in its own transaction.
    Removed afterwards so that later tests in this process start from an empty database."""
    with django_db_blocker.unblock():
        _load()
        yield
        reset_demo(lambda _message: None)
        Facility.objects.filter(cases=None).delete()
        Programme.objects.filter(cases=None).delete()


@pytest.fixture
def palembang(_demo, db) -> Office:
    return Office.objects.get(code="plg")


def test_it_reproduces_the_palembang_figures(palembang):
    overview = office_overview(palembang, day=today())

    assert (overview.clients, overview.adults, overview.juveniles) == (3661, 3594, 67)
    assert overview.by_programme == {"PB": 3368, "CB": 288, "CMB": 5}
    assert overview.officers == 73
    assert list(overview.officers_by_rank.values()) == [8, 20, 43, 2]
    assert overview.seconded == 6
    assert overview.seconded_to == {
        "Bapas Kelas II Musi Rawas Utara": 2,
        "Bapas Kelas II OKU": 4,
    }
    assert overview.rotating == 4
    assert overview.active_officers == 63
    assert overview.clients_per_active_officer == 58
    assert overview.unassigned == 0
    assert all(overview.by_stage[stage] > 300 for stage in ("awal", "lanjutan", "akhir"))


def test_it_balances_caseloads_over_the_active_officers(palembang):
    from bimkemas.clients.caseload import officers_with_load

    loads = [o.case_count for o in officers_with_load(palembang.pk).available_on(today())]
    assert len(loads) == 63
    assert min(loads) >= 50
    assert max(loads) <= 66


def test_it_writes_valid_niks_and_phones(palembang):
    clients = Client.objects.filter(office=palembang)
    with_nik = clients.exclude(nik=None)
    assert 0.85 < with_nik.count() / clients.count() < 0.95
    for client in with_nik:
        validate_nik(client.nik, birth_date=client.birth_date, female=client.sex == "P")
    for phone in ClientPhone.objects.filter(client__office=palembang)[:500]:
        assert normalise_phone(phone.number) == phone.number


def test_it_continues_the_register_after_the_demo(palembang):
    year = today().year
    counter = RegisterCounter.objects.get(office=palembang, year=year)
    numbers = SupervisionCase.objects.filter(office=palembang, received_on__year=year)
    highest = max(int(n.split("/")[0]) for n in numbers.values_list("register_number", flat=True))
    assert counter.last == highest


def test_it_creates_the_demo_logins(palembang):
    usernames = ["kepala", "kasi", "registrar", "pk", "apk", "kasi.oku", "pk.oku", "nasional"]
    users = User.objects.filter(username__in=usernames)
    assert users.count() == len(usernames)
    assert all(u.check_password("bapas-demo-2026") for u in users)
    pk = users.get(username="pk")
    assert (pk.role, pk.rank, pk.office) == ("pk", "muda", palembang)
    assert pk.cases.open().count() > 40


def test_it_changes_nothing_when_run_again(palembang):
    before = (Client.objects.count(), User.objects.count(), _fingerprint())

    output = _load()

    assert "already exists" in output
    assert (Client.objects.count(), User.objects.count(), _fingerprint()) == before


def test_it_is_deterministic_for_a_seed(palembang):
    first = _fingerprint()

    _load(reset=True)

    assert _fingerprint() == first
    assert Client.objects.filter(office__code="plg").count() == 3661
