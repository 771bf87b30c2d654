"""Shared test personas and factories (see bimkemas/testing.py for plain helpers).

Two offices: Palembang ("office") and OKU ("other_office"). Personas:
- alice: PK (Ahli Muda) of Palembang whose caseload holds `case`
- pat: another PK of Palembang, with no cases
- bob: section head (supervisor) of Palembang
- dave: Bapas head of Palembang
- carol: registrar of Palembang
- erin: PK of OKU, an officer of another Bapas
- nina: national viewer
Factories build clients through the real intake service.
"""

import datetime as dt
import os

import pytest
from django.conf import settings as django_settings

from bimkemas.accounts.models import Office, Role, User, WorkArea
from bimkemas.clients.models import Facility, Programme
from bimkemas.clients.services import case_assign, client_intake
from bimkemas.clients.tests.secondment import intake, oku_staff, second, secondment_dates
from bimkemas.core import due as due_registry
from bimkemas.core.due import Due, due_rule
from bimkemas.testing import case_data, identity_data, make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright with live_server


def pytest_configure(config):
    """The test client and the live server speak plain HTTP. Production settings redirect it
    to HTTPS (test_https.py checks that); here, before any server or client exists, not."""
    django_settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _shipped_linkage_model(settings):
    """The matcher's default model, not one trained on whatever data a test made."""
    settings.LINKAGE_MODEL_PATH = None


@pytest.fixture(autouse=True)
def _english_messages(settings):
    """Tests assert the English msgids; tests about Indonesian set LANGUAGE_CODE = "id"."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Personas are created per test; the production hasher would take seconds each."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # hashes made outside a test
    ]


@pytest.fixture
def office(db) -> Office:
    return Office.objects.create(code="plg", name="Bapas Kelas I Palembang", office_class="I")


@pytest.fixture
def other_office(db) -> Office:
    return Office.objects.create(code="oku", name="Bapas Kelas II OKU", office_class="II")


@pytest.fixture
def work_area(office) -> WorkArea:
    return WorkArea.objects.create(office=office, kind="kota", name="Palembang")


@pytest.fixture
def other_area(office) -> WorkArea:
    return WorkArea.objects.create(office=office, kind="kabupaten", name="Banyuasin")


@pytest.fixture
def pb(db) -> Programme:
    return Programme.objects.get_or_create(code="PB", defaults={"name": "Pembebasan Bersyarat"})[0]


@pytest.fixture
def cb(db) -> Programme:
    return Programme.objects.get_or_create(code="CB", defaults={"name": "Cuti Bersyarat"})[0]


@pytest.fixture
def facility(db) -> Facility:
    return Facility.objects.create(kind="lapas", name="Lapas Kelas I Palembang")


@pytest.fixture
def alice(office, work_area) -> User:
    user = make_user("alice", office, Role.PK, rank="muda")
    user.work_areas.add(work_area)
    return user


@pytest.fixture
def pat(office, work_area) -> User:
    user = make_user("pat", office, Role.PK, rank="pertama")
    user.work_areas.add(work_area)
    return user


@pytest.fixture
def bob(office) -> User:
    return make_user("bob", office, Role.SUPERVISOR)


@pytest.fixture
def dave(office) -> User:
    return make_user("dave", office, Role.HEAD)


@pytest.fixture
def carol(office) -> User:
    return make_user("carol", office, Role.REGISTRAR)


@pytest.fixture
def erin(other_office) -> User:
    return make_user("erin", other_office, Role.PK, rank="muda")


@pytest.fixture
def nina(db) -> User:
    return make_user("nina", None, Role.NATIONAL_VIEWER)


@pytest.fixture
def make_case(carol, bob, work_area, pb, facility):
    """make_case(officer=alice, identity={...}, case={...}) → an intaken, maybe assigned case."""

    def factory(*, officer: User | None = None, identity=None, case=None, actor=None):
        case = dict(case or {})
        programme = case.pop("programme", pb)
        new_case = client_intake(
            actor=actor or carol,
            identity=identity_data(work_area, **(identity or {})),
            case=case_data(programme, facility, **case),
            phones=[{"number": "0812-7000-1234", "label": "pribadi"}],
            guarantors=[{"name": "Siti Aminah", "relation": "Istri", "phone": "081270009876"}],
        )
        if officer is not None:
            new_case = case_assign(actor=bob, case=new_case, officer=officer)
        return new_case

    return factory


@pytest.fixture
def case(make_case, alice):
    """A client of Palembang on PB, in tahap awal, supervised by alice."""
    return make_case(officer=alice)


@pytest.fixture
def client_of_alice(case):
    return case.client


# Secondment (BKO): OKU's staff and clients, alice seconded there.


@pytest.fixture
def oku(other_office):
    """(work area, supervisor owen, registrar rita) of Bapas OKU."""
    return oku_staff(other_office)


@pytest.fixture
def owen(oku):
    return oku[1]


@pytest.fixture
def make_oku_case(oku, pb, facility):
    """make_oku_case("Name", officer=…): a client of OKU, assigned by OKU's supervisor."""
    area, owen, rita = oku

    def factory(name: str, *, officer=None):
        return intake(rita, area, pb, facility, name, officer=officer, assigned_by=owen)

    return factory


@pytest.fixture
def seconded(alice, other_office):
    """alice's secondment to OKU, from ten days ago until twenty days from now."""
    starts_on, ends_on = secondment_dates()
    return second(alice, other_office, starts_on=starts_on, ends_on=ends_on)


@pytest.fixture
def due_rules(monkeypatch):
    """Two test rules in place of the apps' own: every case owes a plan 3 days after its
    guidance start; cases with an even pk also owe a visit tomorrow."""
    monkeypatch.setattr(due_registry, "_rules", {})

    @due_rule("test.plan", label="Plan", order=1)
    def plan(cases, day):
        return [
            Due(pk, start + dt.timedelta(days=3), "Plan")
            for pk, start in cases.values_list("pk", "guidance_start")
        ]

    @due_rule("test.visit", label="Visit", order=2)
    def visit(cases, day):
        return [
            Due(pk, day + dt.timedelta(days=1), "Visit")
            for pk in cases.values_list("pk", flat=True)
            if pk % 2 == 0
        ]


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; browser tests are skipped only outside CI when it is missing."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it with apt-get.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
