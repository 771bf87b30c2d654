"""Demo home visits (see core/demo_context.py).

1. The three demo offices get their location (the depot of day routes) and their clients
   with an open case a home location: an approximate centroid of their kecamatan (the six
   work areas of Bapas Palembang, DOMAIN.md §8; the neighbours' areas around their seats),
   jittered by a few kilometres. About one client in twelve has none recorded yet.
2. Done visits in the past: the home visits wajib lapor's demo already recorded after three
   misses become visits; more after three misses, in tahap akhir (about half of those cases)
   and a few routine ones, each also a wajib lapor contact (channel home visit).
3. Planned visits for each office's demo PK (`pk`, `pk.<code>`): yesterday's one not yet
   recorded, ten today (the day route), and some for the next two days — cases that owe a
   visit first.
Bulk inserts only; every draw from `ctx.rng`.
"""

import datetime as dt
import math
import random
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from bimkemas.accounts.models import Office, User
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.core.demo_context import DemoContext
from bimkemas.reporting.models import Channel, CheckIn, OfficeReportingSettings
from bimkemas.violations.models import Violation, ViolationKind, ViolationStatus
from bimkemas.visits.models import HomeVisit, PersonKind, VisitReason, VisitStatus

OFFICES = {
    "plg": (-2.976, 104.745),  # Bapas Kelas I Palembang
    "muratara": (-2.716, 102.917),  # Muara Rupit
    "oku": (-4.128, 104.166),  # Baturaja
}
# Approximate centroids (latitude, longitude) of the kecamatan of Bapas Palembang's six work
# areas, for plausible demo homes only.
KECAMATAN = {
    "Palembang": {
        "Ilir Barat II": (-2.985, 104.735), "Seberang Ulu I": (-3.010, 104.770),
        "Seberang Ulu II": (-3.005, 104.790), "Ilir Barat I": (-2.965, 104.725),
        "Ilir Timur I": (-2.970, 104.750), "Ilir Timur II": (-2.975, 104.780),
        "Sukarami": (-2.915, 104.715), "Sako": (-2.940, 104.800),
        "Kemuning": (-2.955, 104.755), "Kalidoni": (-2.950, 104.795),
        "Bukit Kecil": (-2.985, 104.750), "Gandus": (-3.005, 104.700),
        "Kertapati": (-3.030, 104.750), "Plaju": (-3.005, 104.810),
        "Alang-Alang Lebar": (-2.920, 104.690), "Sematang Borang": (-2.925, 104.835),
        "Jakabaring": (-3.020, 104.780), "Ilir Timur III": (-2.960, 104.775),
    },
    "Prabumulih": {
        "Prabumulih Barat": (-3.440, 104.210), "Prabumulih Timur": (-3.430, 104.250),
        "Cambai": (-3.470, 104.300), "Rambang Kapak Tengah": (-3.520, 104.200),
        "Prabumulih Utara": (-3.400, 104.240), "Prabumulih Selatan": (-3.460, 104.230),
    },
    "Banyuasin": {
        "Banyuasin I": (-2.960, 104.870), "Banyuasin II": (-2.370, 104.900),
        "Banyuasin III": (-2.880, 104.380), "Betung": (-2.700, 104.200),
        "Makarti Jaya": (-2.400, 104.750), "Muara Padang": (-2.450, 104.600),
        "Pulau Rimau": (-2.550, 104.400), "Rambutan": (-3.000, 104.900),
        "Rantau Bayur": (-2.800, 104.500), "Talang Kelapa": (-2.870, 104.650),
        "Tanjung Lago": (-2.650, 104.750), "Sembawa": (-2.870, 104.500),
    },
    "Musi Banyuasin": {
        "Sekayu": (-2.880, 103.850), "Lais": (-2.750, 104.000),
        "Sungai Keruh": (-2.920, 103.680), "Batanghari Leko": (-2.880, 103.450),
        "Sanga Desa": (-2.970, 103.800), "Babat Toman": (-2.850, 103.500),
        "Sungai Lilin": (-2.600, 104.100), "Bayung Lencir": (-2.050, 103.700),
        "Plakat Tinggi": (-2.850, 103.550), "Keluang": (-2.450, 104.050),
    },
    "Ogan Ilir": {
        "Indralaya": (-3.230, 104.650), "Indralaya Utara": (-3.150, 104.650),
        "Indralaya Selatan": (-3.300, 104.620), "Tanjung Raja": (-3.350, 104.780),
        "Tanjung Batu": (-3.280, 104.550), "Pemulutan": (-3.100, 104.750),
        "Muara Kuang": (-3.550, 104.600), "Rantau Alai": (-3.400, 104.600),
        "Payaraman": (-3.250, 104.480), "Lubuk Keliat": (-3.380, 104.480),
    },
    "Ogan Komering Ilir": {
        "Kayu Agung": (-3.390, 104.830), "Lempuing": (-3.550, 105.050),
        "Mesuji": (-3.650, 105.250), "Tanjung Lubuk": (-3.480, 104.800),
        "Pedamaran": (-3.450, 104.930), "Tulung Selapan": (-3.200, 105.400),
        "Pampangan": (-3.250, 105.000), "Sirah Pulau Padang": (-3.300, 104.850),
        "Air Sugihan": (-2.950, 105.350), "Cengal": (-3.400, 105.600),
    },
}  # fmt: skip
# The neighbours' areas: their seats; kecamatan are spread around them.
AREA_SEATS = {
    "Musi Rawas Utara": (-2.716, 102.917),
    "Musi Rawas": (-3.280, 103.100),
    "Ogan Komering Ulu": (-4.128, 104.166),
    "Ogan Komering Ulu Timur": (-4.310, 104.350),
    "Ogan Komering Ulu Selatan": (-4.540, 104.080),
}
CITY_JITTER_KM = 1.5
JITTER_KM = 3.0
NO_HOME = 1 / 12
FINAL_STAGE_VISITED = 0.55
THREE_MISSES_VISITED = 0.35
ROUTINE = 0.06
PLANNED_TODAY = 10
PLANNED_LATER = (6, 5)
FINDINGS = (
    "Klien ada di rumah bersama istri; bekerja sebagai buruh bangunan. Rumah rapi.",
    "Klien membantu orang tua berdagang di pasar. Hubungan dengan tetangga baik.",
    "Klien bekerja sebagai ojek online; keluarga mendukung. Tidak ada keluhan dari RT.",
    "Klien bertani di kebun karet milik keluarga. Aktif ikut pengajian.",
    "Klien sempat sakit sehingga tidak lapor; sudah sehat, berjanji lapor tepat waktu.",
    "Klien baru pindah kerja ke bengkel las; alamat tetap. Ketua RT membenarkan.",
)
FOLLOW_UP = (
    "Ingatkan wajib lapor bulanan.",
    "Rujuk ke pelatihan kerja Pokmas.",
    "Kunjungan ulang bulan depan.",
    "",
)


def _moved(rng: random.Random, point: tuple[float, float], km: float) -> tuple[float, float]:
    """A point up to `km` from `point` in a random direction."""
    distance = km * math.sqrt(rng.random())
    angle = rng.random() * 2 * math.pi
    dlat = distance * math.cos(angle) / 111.0
    dlon = distance * math.sin(angle) / (111.0 * math.cos(math.radians(point[0])))
    return point[0] + dlat, point[1] + dlon


def _d(value: float) -> Decimal:
    return Decimal(f"{value:.6f}")


def _centre(area: str, kecamatan: str, office_point: tuple[float, float]):
    known = KECAMATAN.get(area, {}).get(kecamatan)
    if known is not None:
        return known, CITY_JITTER_KM if area == "Palembang" else JITTER_KM
    seat = AREA_SEATS.get(area, office_point)
    # A kecamatan of its own around the seat, the same for every client living there.
    spread = random.Random(f"{area}:{kecamatan}")  # noqa: S311 (demo data)
    return _moved(spread, seat, 15.0), JITTER_KM


def _homes(rng: random.Random, office: Office, point: tuple[float, float]) -> None:
    clients = list(
        Client.objects.filter(office=office, cases__status__in=["received", "registered", "active"])
        .select_related("work_area")
        .order_by("pk")
        .only("pk", "kecamatan", "work_area__name")
    )
    for client in clients:
        if rng.random() < NO_HOME:
            client.home_latitude = client.home_longitude = None
            continue
        centre, km = _centre(client.work_area.name, client.kecamatan, point)
        lat, lon = _moved(rng, centre, km)
        client.home_latitude, client.home_longitude = _d(lat), _d(lon)
    # One prepared UPDATE run for every row: bulk_update's CASE expressions for thousands of
    # clients cost seconds to build.
    table = connection.ops.quote_name(Client._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET home_latitude = %s, home_longitude = %s WHERE id = %s",  # noqa: S608
            [(c.home_latitude, c.home_longitude, c.pk) for c in clients],
        )


def _moment(rng: random.Random, day: dt.date) -> dt.datetime:
    hour, minute = rng.randint(9, 15), rng.choice((0, 10, 20, 30, 40, 50))
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _persons(rng: random.Random, name: str) -> list[dict[str, str]]:
    persons = [{"kind": PersonKind.CLIENT.value, "name": name}]
    extra = rng.choice(
        (
            (PersonKind.FAMILY, "Ibu Siti Aminah"),
            (PersonKind.RT_RW_HEAD, "Pak Ahmad (Ketua RT)"),
            (PersonKind.BHABINKAMTIBMAS, "Bripka Rudi Hartono"),
            (PersonKind.LURAH, "Bapak Lurah Suparman"),
        )
    )
    if rng.random() < 0.7:
        persons.append({"kind": extra[0].value, "name": extra[1]})
    return persons


class Visits:
    """Done visits to write: each with its wajib lapor contact, written in bulk."""

    def __init__(self, rng: random.Random, counts: bool) -> None:
        self.rng = rng
        self.counts = counts
        self.visits: list[HomeVisit] = []
        self.checkins: list[CheckIn | None] = []

    def done(self, case: SupervisionCase, day: dt.date, reason: str, checkin=None) -> None:
        rng = self.rng
        client = case.client
        officer_id = case.officer_id or (checkin.recorded_by_id if checkin else None)
        if officer_id is None:
            return
        when = checkin.occurred_at if checkin is not None else _moment(rng, day)
        lat = lon = None
        if client.home_latitude is not None:
            lat_f, lon_f = _moved(
                rng, (float(client.home_latitude), float(client.home_longitude or 0)), 0.05
            )
            lat, lon = _d(lat_f), _d(lon_f)
        findings = checkin.note if checkin is not None and checkin.note else rng.choice(FINDINGS)
        self.visits.append(
            HomeVisit(
                case=case,
                officer_id=officer_id,
                reason=reason,
                status=VisitStatus.DONE,
                visited_at=when,
                latitude=lat,
                longitude=lon,
                accuracy_m=rng.choice((6, 10, 15, 25)) if lat is not None else None,
                persons_met=_persons(rng, client.full_name),
                findings=findings,
                follow_up=rng.choice(FOLLOW_UP),
                idempotency_key=f"demo-{case.pk}-{when:%Y%m%d%H%M}",
                recorded_by_id=officer_id,
                checkin=checkin,
            )
        )
        if checkin is None:
            checkin = CheckIn(
                case=case,
                channel=Channel.HOME_VISIT,
                occurred_at=when,
                recorded_by_id=officer_id,
                note=findings,
                counts=self.counts,
                latitude=lat,
                longitude=lon,
                idempotency_key=f"visit:demo-{case.pk}-{when:%Y%m%d%H%M}",
            )
            self.checkins.append(checkin)
        else:
            self.checkins.append(None)

    def flush(self) -> None:
        new = [c for c in self.checkins if c is not None]
        CheckIn.objects.bulk_create(new, batch_size=1000)
        for visit, checkin in zip(self.visits, self.checkins, strict=True):
            if checkin is not None:
                visit.checkin = checkin
        HomeVisit.objects.bulk_create(self.visits, batch_size=1000)


CASE_FIELDS = (
    "pk",
    "officer_id",
    "akhir_from",
    "lanjutan_from",
    "client__full_name",
    "client__home_latitude",
    "client__home_longitude",
)


def _past_visits(rng: random.Random, office: Office, day: dt.date) -> None:
    counts = OfficeReportingSettings.for_office(office.pk).home_visit_counts
    writer = Visits(rng, counts)
    cases = {
        case.pk: case
        for case in SupervisionCase.objects.open()
        .filter(office=office, guidance_start__lte=day)
        .select_related("client")
        .only(*CASE_FIELDS)
    }
    visited: set[int] = set()
    # Wajib lapor's demo home visits after three misses become visits.
    for checkin in (
        CheckIn.objects.filter(case_id__in=list(cases), channel=Channel.HOME_VISIT)
        .only("pk", "case_id", "occurred_at", "recorded_by_id", "note")
        .order_by("pk")
    ):
        writer.done(cases[checkin.case_id], day, VisitReason.THREE_MISSES, checkin)
        visited.add(checkin.case_id)
    for violation in Violation.objects.filter(
        case_id__in=list(cases),
        kind=ViolationKind.THREE_MISSES,
        status=ViolationStatus.OPEN,
        occurred_on__lt=day - dt.timedelta(days=1),
    ).order_by("pk"):
        if violation.case_id in visited or rng.random() >= THREE_MISSES_VISITED:
            continue
        span = (day - violation.occurred_on).days - 1
        on = violation.occurred_on + dt.timedelta(days=rng.randint(1, max(1, span)))
        writer.done(
            cases[violation.case_id], min(on, day - dt.timedelta(days=1)), VisitReason.THREE_MISSES
        )
        visited.add(violation.case_id)
    for case in cases.values():
        if case.pk in visited:
            continue
        if case.akhir_from < day and rng.random() < FINAL_STAGE_VISITED:
            span = (day - case.akhir_from).days
            on = case.akhir_from + dt.timedelta(days=rng.randint(0, max(0, span - 1)))
            writer.done(case, on, VisitReason.FINAL_STAGE)
        elif rng.random() < ROUTINE and case.lanjutan_from < day:
            span = (day - case.lanjutan_from).days
            writer.done(
                case,
                case.lanjutan_from + dt.timedelta(days=rng.randint(0, span - 1)),
                VisitReason.ROUTINE,
            )
    writer.flush()


def _owing_first(rng: random.Random, cases: list[SupervisionCase], day: dt.date):
    from bimkemas.visits.due import home_visit_due

    owing = {
        due.case_id: due
        for due in home_visit_due(SupervisionCase.objects.filter(pk__in=[c.pk for c in cases]), day)
    }
    rng.shuffle(cases)
    cases.sort(key=lambda c: (c.pk not in owing, owing[c.pk].due_on if c.pk in owing else day))
    return cases, owing


def _planned(rng: random.Random, office: Office, day: dt.date) -> None:
    officers = User.objects.filter(office=office, username__in=["pk", f"pk.{office.code}"])
    rows = []
    for officer in officers:
        cases = list(
            SupervisionCase.objects.open()
            .filter(
                officer=officer,
                guidance_start__lte=day,
                guidance_end__gte=day + dt.timedelta(days=3),
            )
            .select_related("client")
            .order_by("pk")
        )
        cases, owing = _owing_first(rng, cases, day)
        located = [c for c in cases if c.client.home_latitude is not None]
        unlocated = [c for c in cases if c.client.home_latitude is None]
        today_cases = located[: PLANNED_TODAY - 1] + unlocated[:1]
        rest = [c for c in located if c not in today_cases]
        plan = [(day, c) for c in today_cases]
        offset = 0
        for n, count in enumerate(PLANNED_LATER, start=1):
            plan += [(day + dt.timedelta(days=n), c) for c in rest[offset : offset + count]]
            offset += count
        if len(rest) > offset:
            plan.append((day - dt.timedelta(days=1), rest[offset]))
        for on, case in plan:
            reason = VisitReason.ROUTINE
            if case.pk in owing:
                detail = owing[case.pk].url.rsplit("reason=", 1)
                reason = detail[1] if len(detail) == 2 else VisitReason.ROUTINE
            rows.append(
                HomeVisit(
                    case=case,
                    officer=officer,
                    planned_on=on,
                    reason=reason,
                    planned_by=officer,
                    note=rng.choice(
                        ("", "", "Bawa formulir kunjungan.", "Sekalian temui ketua RT.")
                    ),
                )
            )
    HomeVisit.objects.bulk_create(rows)


def generate(ctx: DemoContext) -> None:
    day = ctx.day
    for office in Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"):
        rng = ctx.rng(f"visits:{office.code}")
        point = OFFICES.get(office.code)
        if point is not None:
            Office.objects.filter(pk=office.pk).update(
                latitude=_d(point[0]), longitude=_d(point[1])
            )
        _homes(rng, office, point or (-2.976, 104.745))
        _past_visits(rng, office, day)
        _planned(rng, office, day)


def remove(office_ids: list[int]) -> None:
    """Visits PROTECT their case and officer; their photos go with them."""
    HomeVisit.objects.filter(case__office_id__in=office_ids).delete()
