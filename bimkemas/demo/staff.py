"""An office, its work areas and its people: officers with ranks, areas and absences, the
head, section heads and registrars."""

import datetime as dt
import random
from dataclasses import dataclass, field

from bimkemas.accounts.models import Absence, AbsenceKind, Office, Role, User, WorkArea
from bimkemas.demo import persons
from bimkemas.demo.names import draw_officer_name
from bimkemas.demo.offices import OfficeSpec


@dataclass
class LoadContext:
    """What every office's load shares: seed, day, one password hash, lookups, used keys."""

    seed: int
    day: dt.date
    password_hash: str
    programmes: dict = field(default_factory=dict)  # code → Programme
    facilities: dict = field(default_factory=dict)  # name → Facility
    offices: dict = field(default_factory=dict)  # code → Office
    used_niks: set[str] = field(default_factory=set)
    used_usernames: set[str] = field(default_factory=set)
    batch_size: int = 2000


@dataclass
class Staff:
    officers: list[User]
    active: list[User]
    covers: dict[int, list[User]]  # work area pk → active officers covering it
    supervisors: list[User]
    registrars: list[User]


def create_office(spec: OfficeSpec) -> tuple[Office, list[WorkArea]]:
    office = Office.objects.create(
        code=spec.code, name=spec.name, office_class=spec.office_class, address=spec.address
    )
    areas = WorkArea.objects.bulk_create(
        [WorkArea(office=office, kind=a.kind, name=a.name) for a in spec.areas]
    )
    return office, areas


def _user(ctx: LoadContext, rng: random.Random, office, role, *, rank="", senior=False, name=""):
    female = rng.random() < (0.45 if role in (Role.REGISTRAR, Role.PK) else 0.3)
    first, last = draw_officer_name(rng, "palembang", female=female, senior=senior)
    born = persons.birth_date(rng, ctx.day, 26 if not senior else 42, 58)
    appointed = dt.date(
        min(born.year + rng.randint(22, 30), ctx.day.year - 1), rng.randint(1, 12), 1
    )
    username = name or persons.username_for(first, last, ctx.used_usernames)
    return User(
        public_id=persons.public_id(rng),
        username=username,
        first_name=first,
        last_name=last,
        password=ctx.password_hash,
        office=office,
        role=role,
        rank=rank,
        nip=persons.nip(rng, birth_date=born, appointed=appointed, female=female),
        phone=persons.mobile(rng),
        # Reserved domain: the demo's e-mails go to the console transport (var/notifications.log).
        email=f"{username}@bapas.example",
    )


def _claim(ctx: LoadContext, username: str) -> str:
    ctx.used_usernames.add(username)
    return username


def _officer_plan(spec: OfficeSpec) -> list[tuple[str, str]]:
    """(role, rank) per officer, most senior first."""
    plan: list[tuple[str, str]] = []
    for rank in ("madya", "muda", "pertama"):
        plan += [(Role.PK, rank)] * spec.officers.get(rank, 0)
    return plan + [(Role.APK, "")] * spec.officers.get("apk", 0)


def _absence_plan(spec: OfficeSpec, ctx: LoadContext, rng, plan) -> dict[int, tuple]:
    """Officer index → (kind, seconded-to office code or "", ends_on)."""
    next_year_end = dt.date(ctx.day.year + 1, 12, 31)
    by_rank: dict[str, list[int]] = {}
    for index, (role, rank) in enumerate(plan):
        by_rank.setdefault(rank or role, []).append(index)
    for indexes in by_rank.values():
        rng.shuffle(indexes)
    away: dict[int, tuple] = {}
    if spec.is_palembang:
        wanted = [
            ("pertama", AbsenceKind.SECONDED, "muratara"),
            ("pertama", AbsenceKind.SECONDED, "muratara"),
            ("muda", AbsenceKind.SECONDED, "oku"),
            ("pertama", AbsenceKind.SECONDED, "oku"),
            ("pertama", AbsenceKind.SECONDED, "oku"),
            ("pertama", AbsenceKind.SECONDED, "oku"),
            ("madya", AbsenceKind.ROTATION, ""),
            ("pertama", AbsenceKind.ROTATION, ""),
            ("pertama", AbsenceKind.ROTATION, ""),
            (Role.APK, AbsenceKind.ROTATION, ""),
        ]
        for n, (rank, kind, target) in enumerate(wanted):
            ends = None if kind == AbsenceKind.SECONDED and n % 2 else next_year_end
            if kind == AbsenceKind.ROTATION:
                ends = ctx.day + dt.timedelta(days=rng.randint(30, 150))
            away[by_rank[rank].pop()] = (kind, target, ends)
    elif not spec.staff_usernames.get("pk"):
        for _ in range(rng.randint(0, 2)):
            pool = by_rank.get("pertama") or []
            if len(pool) > 1:
                kind = rng.choice((AbsenceKind.LEAVE, AbsenceKind.ROTATION))
                away[pool.pop()] = (kind, "", ctx.day + dt.timedelta(days=rng.randint(10, 90)))
    return away


def _areas_for(rng: random.Random, spec: OfficeSpec, areas: list[WorkArea], count: int):
    """Primary area per active officer, in proportion to where the clients live."""
    quotas = [spec.areas[i].share * count for i in range(len(areas))]
    counts = [max(1, int(q)) for q in quotas]
    by_remainder = sorted(range(len(areas)), key=lambda i: quotas[i] - int(quotas[i]), reverse=True)
    for i in by_remainder[: max(0, count - sum(counts))]:
        counts[i] += 1
    primary = [areas[i] for i, n in enumerate(counts) for _ in range(n)]
    rng.shuffle(primary)
    return primary[:count] + [rng.choice(areas) for _ in range(count - len(primary))]


def create_staff(
    spec: OfficeSpec, office: Office, areas: list[WorkArea], ctx: LoadContext, rng
) -> Staff:
    """1. Officers by rank; 2. who is away; 3. areas (more officers where more clients live,
    some covering a second area); 4. staff with fixed demo usernames; 5. insert in bulk."""
    plan = _officer_plan(spec)
    officers = [
        _user(ctx, rng, office, role, rank=rank, senior=rank == "madya") for role, rank in plan
    ]
    away = _absence_plan(spec, ctx, rng, plan)
    active = [o for i, o in enumerate(officers) if i not in away]
    _rename_demo_officers(spec, ctx, active)
    primary = _areas_for(rng, spec, areas, len(active))
    coverage = {id(o): [a] for o, a in zip(active, primary, strict=True)}
    for officer in active:
        if len(areas) > 1 and rng.random() < 0.3 and officer.username != "pk":
            second = rng.choice([a for a in areas if a not in coverage[id(officer)]])
            coverage[id(officer)].append(second)
    for index in away:
        coverage[id(officers[index])] = [rng.choice(areas)]
    people = _office_people(spec, office, ctx, rng)
    User.objects.bulk_create(officers + people, batch_size=ctx.batch_size)
    _link_areas_and_absences(officers, coverage, away, ctx, rng)
    covers: dict[int, list[User]] = {a.pk: [] for a in areas}
    for officer in active:
        for area in coverage[id(officer)]:
            covers[area.pk].append(officer)
    return Staff(
        officers=officers,
        active=active,
        covers=covers,
        supervisors=[p for p in people if p.role in (Role.HEAD, Role.SUPERVISOR)][1:]
        or [people[0]],
        registrars=[p for p in people if p.role == Role.REGISTRAR],
    )


def _rename_demo_officers(spec: OfficeSpec, ctx: LoadContext, active: list[User]) -> None:
    """Give the demo PK (an active Ahli Muda) and the active APK their published usernames."""
    wanted = {
        "pk": lambda u: u.role == Role.PK and u.rank == "muda",
        "apk": lambda u: u.role == Role.APK,
    }
    for key, fits in wanted.items():
        username = spec.staff_usernames.get(key)
        chosen = next((u for u in active if fits(u)), None)
        if username and chosen is not None:
            ctx.used_usernames.discard(chosen.username)
            chosen.username = _claim(ctx, username)


def _office_people(spec: OfficeSpec, office: Office, ctx: LoadContext, rng) -> list[User]:
    roles = {
        "head": Role.HEAD,
        "supervisor": Role.SUPERVISOR,
        "supervisor2": Role.SUPERVISOR,
        "registrar": Role.REGISTRAR,
        "registrar2": Role.REGISTRAR,
    }
    people = []
    for key, role in roles.items():
        if key in spec.staff_usernames:
            username = _claim(ctx, spec.staff_usernames[key])
            people.append(_user(ctx, rng, office, role, senior=key == "head", name=username))
    return people


def _link_areas_and_absences(officers, coverage, away, ctx: LoadContext, rng) -> None:
    through = User.work_areas.through
    through.objects.bulk_create(
        [through(user_id=o.pk, workarea_id=a.pk) for o in officers for a in coverage[id(o)]]
    )
    notes = {AbsenceKind.SECONDED: "BKO", AbsenceKind.ROTATION: "Rotasi", AbsenceKind.LEAVE: "Cuti"}
    Absence.objects.bulk_create(
        [
            Absence(
                officer=officers[index],
                kind=kind,
                starts_on=ctx.day - dt.timedelta(days=rng.randint(20, 200)),
                ends_on=ends,
                seconded_to=ctx.offices[target] if target else None,
                note=notes[kind],
            )
            for index, (kind, target, ends) in sorted(away.items())
        ]
    )
