"""Demo external records and matches (see core/demo_context.py).

A few thousand prison admissions (SDP exports of the Lapas and Rutan of Sumatera Selatan) and
some court decisions (SIPP), mostly of people who are nobody's client. Among them about 20
Palembang clients under guidance reappear under altered names (one letter changed, old
spelling, a Muhammad variant, words reordered, a title added, an alias, day and month of
birth swapped, no NIK), and a dozen look-alikes are different people bearing a client's name.
The shipped model then finds them (no training at demo time): alerts and middle-band matches
for the officers; the demo PK ("pk") has at least two alerts; a few matches decided in past
months give the precision page a history.
"""

import datetime as dt
import random
import time

from django.db.models import Q
from django.utils import timezone

from bimkemas.accounts.models import User
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.core.demo_context import DemoContext
from bimkemas.core.errors import ApplicationError
from bimkemas.linkage import services, synthetic
from bimkemas.linkage.models import (
    ExternalRecord,
    ImportBatch,
    MatchBand,
    MatchCandidate,
    MatchStatus,
    RecordSource,
)
from bimkemas.linkage.synthetic import ALIASES, old_spelling

DEMO_FILE_PREFIX = "demo:"
ADMISSIONS = 2_400
DECISIONS = 300
PRISONS = (
    "Lapas Kelas I Palembang",
    "Rutan Kelas I Palembang",
    "Lapas Narkotika Kelas IIA Banyuasin",
    "Lapas Kelas IIB Sekayu",
    "Lapas Kelas IIB Muara Enim",
    "Rutan Kelas IIB Kayuagung",
    "Rutan Kelas IIB Pangkalan Balai",
    "Rutan Kelas IIB Prabumulih",
    "Lapas Kelas IIA Lubuklinggau",
    "Lapas Kelas IIB Baturaja",
)
COURTS = (
    "Pengadilan Negeri Palembang",
    "Pengadilan Negeri Kayuagung",
    "Pengadilan Negeri Sekayu",
    "Pengadilan Negeri Muara Enim",
    "Pengadilan Negeri Lubuklinggau",
    "Pengadilan Negeri Prabumulih",
)
OFFENCES = (
    ("pencurian", "Pasal 362 KUHP"),
    ("pencurian dengan pemberatan", "Pasal 363 KUHP"),
    ("penganiayaan", "Pasal 351 KUHP"),
    ("penipuan", "Pasal 378 KUHP"),
    ("penggelapan", "Pasal 372 KUHP"),
    ("narkotika", "Pasal 112 ayat (1) UU 35/2009"),
    ("narkotika", "Pasal 114 ayat (1) UU 35/2009"),
)
# How each returning client's identity is altered in the record.
ALTERATIONS = (
    "typo",
    "old_spelling",
    "muhammad",
    "reordered",
    "title",
    "alias",
    "swapped_date",
    "no_nik",
    "near_date",  # words reordered, born ten days off, no NIK: usually the middle band
    "year_off",  # born a year off, no NIK: usually the middle band
)
RETURNING = 20
LOOK_ALIKES = 12


def generate(ctx: DemoContext) -> None:
    started = time.monotonic()
    rng = ctx.rng("linkage")
    officer = User.objects.filter(username="pk").first()
    office_id = officer.office_id if officer else (ctx.office_ids[0] if ctx.office_ids else None)
    if office_id is None:
        return
    sdp = ImportBatch.objects.create(
        source=RecordSource.PRISON_ADMISSION, file_name=f"{DEMO_FILE_PREFIX}sdp-sumsel.csv"
    )
    sipp = ImportBatch.objects.create(
        source=RecordSource.COURT_DECISION, file_name=f"{DEMO_FILE_PREFIX}sipp-sumsel.csv"
    )
    records = _background(ctx, rng, sdp, sipp)
    returning = _returning(ctx, rng, office_id, officer)
    for number, (case, kind, source) in enumerate(returning):
        records.append(_altered(ctx, rng, case, kind, source, sdp, sipp, number))
    records += _look_alikes(ctx, rng, office_id, sdp, len(returning))
    ExternalRecord.objects.bulk_create(records, batch_size=2000)
    for batch in (sdp, sipp):
        batch.rows_total = batch.rows_created = batch.records.count()
        batch.save(update_fields=["rows_total", "rows_created"])
    summary = services.matches_run(
        clients=services.active_clients().filter(office_id__in=ctx.office_ids)
    )
    _history(ctx, rng, office_id)
    ctx.log(
        f"linkage: {len(records):,} records, {summary.created} matches "
        f"({summary.alerts} alerts) in {time.monotonic() - started:.1f} s"
    )


def _event(rng: random.Random, source: str) -> tuple[str, dict]:
    offence, article = rng.choice(OFFENCES)
    if source == RecordSource.PRISON_ADMISSION:
        status = rng.choice(("tahanan", "tahanan", "narapidana"))
        return f"Masuk sebagai {status}: {offence} ({article})", {
            "status": status,
            "perkara": offence,
            "pasal": article,
        }
    months = rng.choice((6, 8, 10, 12, 18, 24, 36))
    return f"Putusan: pidana penjara {months} bulan, {offence} ({article})", {
        "amar": f"pidana penjara {months} bulan",
        "perkara": offence,
        "pasal": article,
    }


def _record(
    ctx: DemoContext,
    rng: random.Random,
    identity: dict,
    *,
    source: str,
    batch: ImportBatch,
    number: str,
    event_date: dt.date,
) -> ExternalRecord:
    event, raw = _event(rng, source)
    institution = rng.choice(PRISONS if source == RecordSource.PRISON_ADMISSION else COURTS)
    birth = identity.get("birth_date")
    return ExternalRecord(
        source=source,
        institution=institution,
        external_id=number,
        event_date=event_date,
        event=event[:300],
        full_name=identity["full_name"][:200],
        birth_date=birth,
        birth_place=(identity.get("birth_place") or "")[:100],
        sex=identity.get("sex") or "",
        nik=identity.get("nik") or "",
        address=(identity.get("address") or "")[:300],
        raw={
            "nama": identity["full_name"],
            "tanggal_lahir": birth.strftime("%d/%m/%Y") if birth else "",
            **raw,
        },
        batch=batch,
    )


def _background(ctx, rng, sdp, sipp) -> list[ExternalRecord]:
    """People who are nobody's client (synthetic identities of Sumatera Selatan)."""
    rows = synthetic.generate(
        0, ADMISSIONS + DECISIONS, seed=ctx.seed, reappear=0, same_name=0, as_rows=True
    ).records
    records = []
    for i, row in enumerate(rows):
        source = RecordSource.PRISON_ADMISSION if i < ADMISSIONS else RecordSource.COURT_DECISION
        day = ctx.day - dt.timedelta(days=rng.randrange(1, 540))
        number = f"AI.{i + 1:05d}/{day.year}" if i < ADMISSIONS else f"{i}/Pid.B/{day.year}/PN"
        records.append(
            _record(
                ctx,
                rng,
                row,
                source=source,
                batch=sdp if source == RecordSource.PRISON_ADMISSION else sipp,
                number=number,
                event_date=day,
            )
        )
    return records


def _returning(ctx, rng, office_id: int, officer: User | None) -> list[tuple]:
    """About 20 open cases of the office whose guidance began at least a month ago: at least
    three of the demo PK's, the rest of other officers."""
    base = (
        SupervisionCase.objects.open()
        .filter(office_id=office_id, officer__isnull=False)
        .filter(guidance_start__lte=ctx.day - dt.timedelta(days=30))
        .select_related("client", "client__work_area")
        .order_by("pk")
    )
    own = list(base.filter(officer=officer)[:200]) if officer else []
    others = list(base.exclude(officer=officer)[:2000]) if officer else list(base[:2000])
    chosen = rng.sample(own, min(3, len(own))) + rng.sample(
        others, min(RETURNING - min(3, len(own)), len(others))
    )
    picked = []
    for n, case in enumerate(chosen):
        kind = ALTERATIONS[n % len(ALTERATIONS)]
        if kind == "swapped_date" and case.client.birth_date.day > 12:
            kind = "typo"
        source = RecordSource.COURT_DECISION if n % 5 == 4 else RecordSource.PRISON_ADMISSION
        picked.append((case, kind, source))
    return picked


def _typo(word: str, rng: random.Random) -> str:
    vowels = [i for i, ch in enumerate(word) if ch.lower() in "aiueo" and i > 0]
    if not vowels:
        return word + word[-1]
    i = rng.choice(vowels)
    swap = {"a": "e", "e": "a", "i": "y", "u": "o", "o": "u"}[word[i].lower()]
    return word[:i] + swap + word[i + 1 :]


def alter(client: Client, kind: str, rng: random.Random) -> dict:
    """The client's identity as the prison or court wrote it (an explicit alteration)."""
    words = client.full_name.split()
    name, birth, nik = client.full_name, client.birth_date, client.nik or ""
    if kind == "typo":
        i = rng.randrange(len(words))
        words[i] = _typo(words[i], rng)
        name = " ".join(words)
    elif kind == "old_spelling":
        name = " ".join(old_spelling(w) for w in words)
        if name == client.full_name:
            name = " ".join(_typo(w, rng) if i == 0 else w for i, w in enumerate(words))
    elif kind == "muhammad" and client.sex == "P":
        name = " ".join([*words[:-1], _typo(words[-1], rng)])
    elif kind == "muhammad":
        variants = ("Muhammad", "Mohammad", "Muhamad", "Moh.", "M.")
        if words[0].rstrip(".").lower() in {v.rstrip(".").lower() for v in variants}:
            words[0] = rng.choice([v for v in variants if v != words[0]])
            name = " ".join(words)
        else:
            name = f"{rng.choice(('Moh.', 'M.'))} {client.full_name}"
    elif kind == "reordered" and len(words) > 1:
        name = " ".join(words[1:] + words[:1])
    elif kind == "title":
        name = f"H. {client.full_name}, S.E."
    elif kind == "alias":
        name = f"{client.full_name} als. {rng.choice(ALIASES)}"
    elif kind == "swapped_date":
        birth = birth.replace(month=birth.day, day=birth.month)
        nik = ""
    elif kind == "no_nik":
        nik = ""
    elif kind == "near_date":
        name = " ".join(words[1:] + words[:1]) if len(words) > 1 else _typo(name, rng)
        birth, nik = birth + dt.timedelta(days=10), ""
    elif kind == "year_off":
        birth, nik = _year_off(birth, 1), ""
    if kind in ("typo", "reordered", "title"):
        nik = "" if rng.random() < 0.5 else nik
    return {
        "full_name": name,
        "birth_date": birth,
        "birth_place": client.birth_place.upper() if rng.random() < 0.3 else client.birth_place,
        "sex": client.sex,
        "nik": nik,
        "address": services.client_address(
            {
                "street": client.street,
                "kelurahan": client.kelurahan,
                "kecamatan": client.kecamatan,
                "work_area__name": client.work_area.name if client.work_area_id else "",
            }
        ),
    }


def _year_off(day: dt.date, years: int) -> dt.date:
    if day.month == 2 and day.day == 29:
        day = day.replace(day=28)
    return day.replace(year=day.year + years)


def _altered(ctx, rng, case, kind, source, sdp, sipp, n) -> ExternalRecord:
    start = max(case.guidance_start, ctx.day - dt.timedelta(days=150))
    day = start + dt.timedelta(days=rng.randrange(max(1, (ctx.day - start).days)))
    number = (
        f"AI.{9000 + n:05d}/{day.year}"
        if source == RecordSource.PRISON_ADMISSION
        else (f"{900 + n}/Pid.B/{day.year}/PN")
    )
    return _record(
        ctx,
        rng,
        alter(case.client, kind, rng),
        source=source,
        batch=sdp if source == RecordSource.PRISON_ADMISSION else sipp,
        number=number,
        event_date=day,
    )


def _look_alikes(ctx, rng, office_id: int, batch, offset: int) -> list[ExternalRecord]:
    """Other people bearing a client's name, no NIK: half born the same day of another year
    in the same town (the middle band: the officer rejects them), half born years apart
    elsewhere (not matched)."""
    clients = list(
        Client.objects.filter(office_id=office_id, cases__in=SupervisionCase.objects.open())
        .order_by("pk")
        .distinct()[:3000]
    )
    records = []
    for n, client in enumerate(rng.sample(clients, min(LOOK_ALIKES, len(clients)))):
        if n % 2 == 0:
            born = _year_off(client.birth_date, rng.choice((-1, 1)))
            place = client.birth_place
        else:
            born = _year_off(client.birth_date, -rng.randrange(4, 15))
            born += dt.timedelta(days=rng.randrange(20, 200))
            place = rng.choice(("Lahat", "Jambi", "Bengkulu", "Lampung", "Baturaja"))
        identity = {
            "full_name": client.full_name,
            "birth_date": born,
            "birth_place": place,
            "sex": client.sex,
            "nik": "",
            "address": "",
        }
        day = ctx.day - dt.timedelta(days=rng.randrange(1, 90))
        records.append(
            _record(
                ctx,
                rng,
                identity,
                source=RecordSource.PRISON_ADMISSION,
                batch=batch,
                number=f"AI.{9500 + offset + n:05d}/{day.year}",
                event_date=day,
            )
        )
    return records


def _history(ctx: DemoContext, rng: random.Random, office_id: int) -> None:
    """A few matches decided by their officers in past months (none of the demo PK's), so
    the precision page has a history: most alerts confirmed, middle-band ones mostly
    rejected."""
    pending = list(
        MatchCandidate.objects.filter(status=MatchStatus.PENDING, client__office_id=office_id)
        .exclude(client__cases__officer__username="pk")
        .select_related("client", "record")
        .order_by("pk")
    )
    alerts = [m for m in pending if m.band == MatchBand.ALERT and _returning_record(m.record)]
    review = [m for m in pending if m.band == MatchBand.REVIEW]
    decide = [(m, True) for m in alerts[: max(0, len(alerts) - 6)][:6]]
    # Look-alikes of the middle band are rejected (different people); one returning client
    # of the middle band is confirmed.
    decide += [(m, False) for m in review if not _returning_record(m.record)][:3]
    decide += [(m, True) for m in review if _returning_record(m.record)][:1]
    for months_ago, (match, confirm) in enumerate(decide, start=1):
        case = services.case_of(match.client_id)
        if case is None or case.officer is None:
            continue
        try:
            if confirm:
                services.match_confirm(actor=case.officer, match=match, note="")
            else:
                note = "Orang lain dengan nama yang sama: tahun lahir dan orang tua berbeda."
                services.match_reject(actor=case.officer, match=match, note=note)
        except ApplicationError:
            continue
        # Found the day after the record came in, decided a few days later.
        found = timezone.make_aware(
            dt.datetime.combine(match.record.event_date + dt.timedelta(days=1), dt.time(3, 10))
        )
        decided = min(timezone.now(), found + dt.timedelta(days=2 + months_ago % 5, hours=6))
        MatchCandidate.objects.filter(pk=match.pk).update(created_at=found, decided_at=decided)


def _returning_record(record: ExternalRecord) -> bool:
    """A record of the demo's returning clients (numbered from 9000, or 900 for decisions)."""
    number = record.external_id
    return number.startswith("AI.090") or number.startswith("AI.091") or number.startswith("9")


def remove(office_ids: list[int]) -> None:
    """The demo offices' clients' matches, then the demo's records and imports."""
    demo_batches = ImportBatch.objects.filter(file_name__startswith=DEMO_FILE_PREFIX)
    MatchCandidate.objects.filter(
        Q(client__office_id__in=office_ids) | Q(record__batch__in=demo_batches)
    ).delete()
    ExternalRecord.objects.filter(batch__in=demo_batches).delete()
    demo_batches.delete()
