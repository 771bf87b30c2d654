"""Clients of one office with their open case, contacts and assignment, built in memory and
written with bulk_create."""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

from bimkemas.accounts.models import Office, WorkArea
from bimkemas.clients.identity import name_key
from bimkemas.clients.models import (
    Assignment,
    CaseStatus,
    Category,
    Client,
    ClientPhone,
    Guarantor,
    LocalContact,
    RegisterCounter,
    SupervisionCase,
)
from bimkemas.clients.stages import stage_offsets
from bimkemas.demo import constants, persons
from bimkemas.demo.names import draw_name, plain_name
from bimkemas.demo.offices import OfficeSpec
from bimkemas.demo.places import STREETS
from bimkemas.demo.staff import LoadContext, Staff


@dataclass
class Rows:
    clients: list[Client] = field(default_factory=list)
    cases: list[SupervisionCase] = field(default_factory=list)
    phones: list[ClientPhone] = field(default_factory=list)
    guarantors: list[Guarantor] = field(default_factory=list)
    contacts: list[LocalContact] = field(default_factory=list)


def _slots(spec: OfficeSpec, rng: random.Random) -> list[tuple[str, str]]:
    """(category, programme code) per client; children only on PB or CB."""
    juvenile_pb = (
        constants.PALEMBANG.juvenile_pb if spec.is_palembang else round(spec.juveniles * 0.82)
    )
    juvenile_cb = spec.juveniles - juvenile_pb
    slots = [(Category.JUVENILE.value, "PB")] * juvenile_pb
    slots += [(Category.JUVENILE.value, "CB")] * juvenile_cb
    for code, count in spec.programmes.items():
        taken = {"PB": juvenile_pb, "CB": juvenile_cb}.get(code, 0)
        slots += [(Category.ADULT.value, code)] * (count - taken)
    rng.shuffle(slots)
    return slots


def _period_days(rng: random.Random, programme: str, sentence_months: int) -> int:
    """PB: sentence remainder (about a third, less remissions) plus one year, 1–4 years;
    CB up to 4 months; CMB up to 6 months; asimilasi as its SK says (here up to 9 months)."""
    if programme == "PB":
        remainder = sentence_months * 30.4 / 3 * rng.uniform(0.6, 1.0)
        return int(min(4 * 365, max(365, remainder + 365)))
    upper = {"CB": 120, "CMB": 180}.get(programme, 270)
    return rng.randint(30, upper)


def _offence(rng: random.Random, category: str, programme: str):
    table: tuple[constants.Offence, ...] = (
        constants.JUVENILE_OFFENCES if category == "anak" else constants.ADULT_OFFENCES
    )
    if programme != "PB":  # short programmes follow short sentences
        table = tuple(o for o in table if o.months[0] <= 24)
    offence = rng.choices(table, [o.share for o in table])[0]
    low, high = offence.months
    if programme in ("CB", "ASIMILASI"):
        high = min(high, 24)
    return offence, rng.randint(low, max(low, high))


def _facility(rng, ctx: LoadContext, spec: OfficeSpec, category: str, female: bool):
    if category == "anak":
        return ctx.facilities[spec.lpka]
    if female and rng.random() < 0.8:
        return ctx.facilities[spec.women_facility]
    usable = [f for f in spec.facilities if f[2] > 0]
    return ctx.facilities[rng.choices([f[1] for f in usable], [f[2] for f in usable])[0]]


def build_rows(
    spec: OfficeSpec,
    office: Office,
    areas: list[WorkArea],
    staff: Staff,
    ctx: LoadContext,
    rng: random.Random,
) -> Rows:
    rows = Rows()
    loads = {o.pk: 0 for o in staff.active}
    tie = {o.pk: rng.random() for o in staff.active}
    fractions = office.stage_fractions
    for category, programme in _slots(spec, rng):
        area_index = rng.choices(range(len(areas)), [a.share for a in spec.areas])[0]
        client = _client(spec, office, areas[area_index], area_index, category, ctx, rng)
        case = _case(spec, office, client, category, programme, ctx, rng, fractions)
        pool = staff.covers.get(areas[area_index].pk) or staff.active
        officer = min(pool, key=lambda o: (loads[o.pk], tie[o.pk]))
        loads[officer.pk] += 1
        case.officer = officer
        case.registered_by = rng.choice(staff.registrars)
        rows.clients.append(client)
        rows.cases.append(case)
        _contacts(rows, client, spec, ctx, rng)
    return rows


def _client(spec, office, area, area_index, category, ctx, rng) -> Client:
    female = rng.random() < (0.05 if category == "anak" else 0.12)
    drawn = draw_name(rng, spec.profile, female=female)
    place = spec.areas[area_index]
    kecamatan = rng.choice(place.kecamatan)
    client = Client(
        public_id=persons.public_id(rng),
        office=office,
        full_name=drawn.full_name,
        aliases=drawn.aliases,
        name_key=name_key(drawn.full_name),
        birth_place=persons.birth_place(rng, place.town or place.name, spec.profile),
        birth_date=dt.date(2000, 1, 1),  # set with the case, from the age at its start
        sex="P" if female else "L",
        religion=drawn.religion,
        category=category,
        street=f"{rng.choice(STREETS)} No. {rng.randint(1, 250)}",
        rt=f"{rng.randint(1, 40):03d}",
        rw=f"{rng.randint(1, 12):03d}",
        kelurahan=rng.choice(kecamatan.villages),
        kecamatan=kecamatan.name,
        work_area=area,
    )
    client.demo_father = drawn.father  # type: ignore[attr-defined]
    client.demo_region = place.code + kecamatan.code  # type: ignore[attr-defined]
    return client


def _case(spec, office, client, category, programme, ctx, rng, fractions) -> SupervisionCase:
    offence, months = _offence(rng, category, programme)
    length = _period_days(rng, programme, months)
    start = ctx.day - dt.timedelta(days=rng.randrange(length))  # today falls anywhere in it
    end = start + dt.timedelta(days=length - 1)
    if category == "anak":
        client.birth_date = persons.birth_date(rng, start, 12, 18)
    else:
        age = persons.adult_age(rng)
        client.birth_date = persons.birth_date(rng, start, age, age + 1)
    if rng.random() < 0.9:
        region = client.demo_region
        client.nik = persons.nik(
            rng, region, client.birth_date, female=client.sex == "P", used=ctx.used_niks
        )
    sk_date = start - dt.timedelta(days=rng.randint(3, 14))
    lanjutan_at, akhir_at = stage_offsets(start, end, fractions)
    facility = _facility(rng, ctx, spec, category, client.sex == "P")
    case = SupervisionCase(
        public_id=persons.public_id(rng),
        client=client,
        office=office,
        programme=ctx.programmes[programme],
        origin_facility=facility,
        offence_law=offence.law,
        offence_article=offence.article,
        crime_category=offence.category,
        sentence_years=months // 12,
        sentence_months=months % 12,
        sentence_days=rng.choice((0, 0, 0, 15)),
        guidance_start=start,
        guidance_end=end,
        lanjutan_from=start + dt.timedelta(days=lanjutan_at),
        akhir_from=start + dt.timedelta(days=akhir_at),
        general_conditions=constants.GENERAL_CONDITIONS,
        special_conditions=rng.choice(constants.SPECIAL_CONDITIONS),
        status=CaseStatus.ACTIVE,
        received_on=min(ctx.day, start + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))),
        **_sk(rng, programme, sk_date, facility),
    )
    if (end - ctx.day).days < 45 and rng.random() < 0.08:
        case.aftercare_until = end + dt.timedelta(days=90)
    return case


def _sk(rng, programme: str, sk_date: dt.date, facility) -> dict:
    number = rng.randint(1000, 9999)
    if programme == "ASIMILASI":
        return {
            "sk_number": f"W6.PAS.PAS1-PK.01.04.01-{number} TAHUN {sk_date.year}",
            "sk_date": sk_date,
            "sk_issuer": f"Kepala {facility.name}",
        }
    suffix = {"PB": "05.09", "CB": "05.10", "CMB": "05.11"}[programme]
    return {
        "sk_number": f"PAS-{number}.PK.{suffix} TAHUN {sk_date.year}",
        "sk_date": sk_date,
        "sk_issuer": constants.SK_ISSUER,
    }


RELATIONS_ADULT = (
    ("Istri", True),
    ("Ibu kandung", True),
    ("Ayah kandung", False),
    ("Kakak", False),
    ("Adik", True),
    ("Paman", False),
)
RELATIONS_WOMAN = (
    ("Suami", False),
    ("Ibu kandung", True),
    ("Ayah kandung", False),
    ("Kakak", True),
)
RELATIONS_CHILD = (
    ("Ayah kandung", False),
    ("Ibu kandung", True),
    ("Paman", False),
    ("Nenek", True),
)


def _contacts(rows: Rows, client: Client, spec, ctx: LoadContext, rng) -> None:
    if rng.random() < 0.93:
        reachable = rng.random() < 0.75
        rows.phones.append(
            ClientPhone(
                client=client,
                number=persons.mobile(rng),
                label="pribadi",
                verified_reachable=reachable,
                verified_on=ctx.day - dt.timedelta(days=rng.randint(0, 120)) if reachable else None,
            )
        )
    if rng.random() < 0.25:
        rows.phones.append(ClientPhone(client=client, number=persons.mobile(rng), label="keluarga"))
    relations: tuple[tuple[str, bool], ...]
    if client.category == "anak":
        relations = RELATIONS_CHILD
    else:
        relations = RELATIONS_WOMAN if client.sex == "P" else RELATIONS_ADULT
    relation, female = rng.choice(relations)
    if relation == "Ayah kandung":
        name = client.demo_father  # type: ignore[attr-defined]
    else:
        name = plain_name(rng, spec.profile, female=female)
    rows.guarantors.append(
        Guarantor(
            client=client,
            name=name,
            relation=relation,
            phone=persons.mobile(rng) if rng.random() < 0.85 else "",
            address=f"{client.street}, Kel. {client.kelurahan}, Kec. {client.kecamatan}",
        )
    )
    roll = rng.random()
    if roll < 0.5:
        kind, title = ("rt_rw", f"Ketua RT {client.rt}") if roll < 0.3 else ("bhabin", "Bripka")
        person = plain_name(rng, spec.profile, female=False)
        rows.contacts.append(
            LocalContact(
                client=client,
                kind=kind,
                name=f"{person} ({title})" if kind == "rt_rw" else f"{title} {person}",
                phone=persons.mobile(rng),
            )
        )


def register_numbers(office: Office, cases: list[SupervisionCase], rng: random.Random) -> list:
    """Number the cases by reception date, one sequence per year with the gaps left by cases
    since closed; return the RegisterCounter rows that continue each year's sequence."""
    ordered = sorted(cases, key=lambda c: (c.received_on, c.public_id))
    last: dict[int, int] = {}
    for case in ordered:
        year = case.received_on.year
        last[year] = last.get(year, 0) + (1 if rng.random() < 0.6 else rng.randint(2, 4))
        case.register_number = office.register_format.format(
            seq=last[year],
            year=year,
            programme=case.programme.code,
            category="A" if case.client.category == "anak" else "D",
            code=office.code.upper(),
        )
    return [RegisterCounter(office=office, year=y, last=n) for y, n in sorted(last.items())]


NEW_DAYS = dt.timedelta(days=3)


def _office_hours(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def insert_rows(office: Office, rows: Rows, staff: Staff, ctx: LoadContext, rng) -> None:
    size = ctx.batch_size
    counters = register_numbers(office, rows.cases, rng)
    Client.objects.bulk_create(rows.clients, batch_size=size)
    SupervisionCase.objects.bulk_create(rows.cases, batch_size=size)
    Assignment.objects.bulk_create(
        [
            Assignment(
                case=case,
                officer=case.officer,
                assigned_by=rng.choice(staff.supervisors),
                started_at=_office_hours(case.received_on),
                reason="Penunjukan PK pembimbing",
                # Cases of the last few days are still "newly assigned" on the home page.
                seen_at=None if ctx.day - case.received_on < NEW_DAYS else _office_hours(ctx.day),
            )
            for case in rows.cases
        ],
        batch_size=size,
    )
    ClientPhone.objects.bulk_create(rows.phones, batch_size=size)
    Guarantor.objects.bulk_create(rows.guarantors, batch_size=size)
    LocalContact.objects.bulk_create(rows.contacts, batch_size=size)
    RegisterCounter.objects.bulk_create(counters)
