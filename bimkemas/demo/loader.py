"""Load (and remove) the demo data. The management command `demo_data` is a thin shell."""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from bimkemas.accounts.models import Absence, Office, Role, User
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import (
    Client,
    Facility,
    FacilityKind,
    Programme,
    RegisterCounter,
    SupervisionCase,
)
from bimkemas.core.dates import today
from bimkemas.core.demo_context import DemoContext
from bimkemas.demo import constants, persons
from bimkemas.demo.clientele import build_rows, insert_rows
from bimkemas.demo.contributions import run_contributions, run_removals
from bimkemas.demo.offices import (
    OfficeSpec,
    national_specs,
    neighbour_specs,
    palembang_spec,
)
from bimkemas.demo.staff import LoadContext, create_office, create_staff
from bimkemas.reporting.models import CheckIn
from bimkemas.violations.models import Violation

NATIONAL_VIEWER = "nasional"
CONFIG_ADMIN = "admin"  # Django admin only: no role, no office, so it sees no client
BASE_OFFICES = 3  # Palembang, Musi Rawas Utara, OKU

Log = Callable[[str], None]


@dataclass
class OfficeLoaded:
    code: str
    name: str
    officers: int
    clients: int
    seconds: float


def demo_exists() -> bool:
    return Office.objects.filter(code="plg").exists()


def demo_offices():
    """Offices the demo created: marked by the summary audit row, plus the fixed three."""
    marked = AuditEvent.objects.filter(
        object_type="office", actor=None, summary__startswith=constants.DEMO_MARKER_SUMMARY
    ).values("office_id")
    return Office.objects.filter(Q(pk__in=marked) | Q(code__in=["plg", "muratara", "oku"]))


@transaction.atomic
def reset_demo(log: Log) -> None:
    """Delete the demo offices and everything in them, children before what they PROTECT."""
    offices = list(demo_offices())
    staff = User.objects.filter(
        Q(office__in=offices) | Q(username__in=[NATIONAL_VIEWER, CONFIG_ADMIN])
    )
    AuditEvent.objects.filter(
        Q(office__in=offices)
        | Q(client_pk__in=Client.objects.filter(office__in=offices).values("pk"))
        | Q(actor__in=staff)
    ).delete()
    run_removals([office.pk for office in offices])
    # Records that PROTECT their case (check-ins, violations) go first.
    CheckIn.objects.filter(case__office__in=offices).delete()
    Violation.objects.filter(case__office__in=offices).delete()
    SupervisionCase.objects.filter(office__in=offices).delete()
    Client.objects.filter(office__in=offices).delete()
    Absence.objects.filter(Q(officer__in=staff) | Q(seconded_to__in=offices)).delete()
    staff.delete()
    RegisterCounter.objects.filter(office__in=offices).delete()
    Office.objects.filter(pk__in=[o.pk for o in offices]).delete()
    log(f"Removed {len(offices)} demo offices.")


def _programmes() -> dict[str, Programme]:
    found = {}
    for code, name in constants.PROGRAMMES:
        found[code] = Programme.objects.get_or_create(
            code=code, defaults={"name": name, "caseload_weight": constants.PROGRAMME_WEIGHT}
        )[0]
    return found


def _facilities(specs: list[OfficeSpec]) -> dict[str, Facility]:
    wanted: dict[str, str] = {}
    for spec in specs:
        for kind, name, _share in spec.facilities:
            wanted[name] = kind
        wanted[spec.lpka] = FacilityKind.LPKA
        wanted[spec.women_facility] = FacilityKind.LAPAS
    existing = {f.name: f for f in Facility.objects.filter(name__in=wanted)}
    missing = [Facility(kind=k, name=n) for n, k in wanted.items() if n not in existing]
    Facility.objects.bulk_create(missing)
    return {f.name: f for f in Facility.objects.filter(name__in=wanted)}


def specs_for(scale: int | None, seed: int) -> list[OfficeSpec]:
    """Neighbours first (Palembang's secondments point at them), then Palembang, then more."""
    specs = [*neighbour_specs(), palembang_spec()]
    if scale and scale > BASE_OFFICES:
        specs += national_specs(scale - BASE_OFFICES, seed=seed)
    return specs


@transaction.atomic
def load_demo(*, seed: int, scale: int | None, log: Log) -> list[OfficeLoaded]:
    specs = specs_for(scale, seed)
    ctx = LoadContext(
        seed=seed,
        day=today(),
        password_hash=make_password(constants.DEMO_PASSWORD),
        programmes=_programmes(),
        facilities=_facilities(specs),
        used_niks={n for n in Client.objects.values_list("nik", flat=True) if n},
        used_usernames=set(User.objects.values_list("username", flat=True)),
    )
    _national_viewer(ctx)
    _config_admin(ctx)
    loaded = []
    for number, spec in enumerate(specs, start=1):
        loaded.append(load_office(spec, ctx))
        last = loaded[-1]
        log(
            f"[{number}/{len(specs)}] {last.name}: {last.officers} officers, "
            f"{last.clients} clients in {last.seconds:.1f} s"
        )
    # Capability apps add their history to the three offices people try; the generated
    # national offices (--scale) stay register-only so a national load stays minutes long.
    base_codes = {spec.code for spec in specs[:BASE_OFFICES]}
    office_ids = [office.pk for code, office in ctx.offices.items() if code in base_codes]
    run_contributions(DemoContext(seed=seed, day=ctx.day, office_ids=office_ids, log=log))
    return loaded


@transaction.atomic
def load_office(spec: OfficeSpec, ctx: LoadContext) -> OfficeLoaded:
    started = time.perf_counter()
    rng = random.Random(f"{ctx.seed}:{spec.code}")
    office, areas = create_office(spec)
    ctx.offices[spec.code] = office
    staff = create_staff(spec, office, areas, ctx, rng)
    rows = build_rows(spec, office, areas, staff, ctx, rng)
    insert_rows(office, rows, staff, ctx, rng)
    AuditEvent.objects.create(
        actor=None,
        office=office,
        action=AuditAction.CREATE,
        object_type="office",
        object_id=str(office.pk),
        summary=f"{constants.DEMO_MARKER_SUMMARY}: {len(staff.officers)} officers, "
        f"{len(rows.clients)} clients (seed {ctx.seed})",
        channel="demo",
    )
    return OfficeLoaded(
        spec.code, spec.name, len(staff.officers), len(rows.clients), time.perf_counter() - started
    )


def _national_viewer(ctx: LoadContext) -> None:
    if User.objects.filter(username=NATIONAL_VIEWER).exists():
        return
    rng = random.Random(f"{ctx.seed}:{NATIONAL_VIEWER}")
    User.objects.create(
        public_id=persons.public_id(rng),
        username=NATIONAL_VIEWER,
        first_name="Direktorat",
        last_name="Bimbingan Kemasyarakatan",
        password=ctx.password_hash,
        office=None,
        role=Role.NATIONAL_VIEWER,
    )
    ctx.used_usernames.add(NATIONAL_VIEWER)


def _config_admin(ctx: LoadContext) -> None:
    if User.objects.filter(username=CONFIG_ADMIN).exists():
        return
    User.objects.create(
        username=CONFIG_ADMIN,
        first_name="Admin",
        last_name="Konfigurasi",
        password=ctx.password_hash,
        is_staff=True,
        is_superuser=True,
    )
    ctx.used_usernames.add(CONFIG_ADMIN)
