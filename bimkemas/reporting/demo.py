"""Demo reporting history (see core/demo_context.py).

1. Today's clients: each case reports in every period it owes since its guidance began,
   according to a drawn habit — most report regularly (through the app, online or in
   person), some irregularly, a few lapse or hardly report (and so reach three misses); a
   few app check-ins raise a concern for review; lapsed clients' phones are often found
   unreachable; some lapsed clients had a home visit.
2. Palembang's history reproduces DOMAIN.md §8 exactly: past, completed cases (for adult
   clients of the office, before their present case) active May 2019 – May 2022, of which
   exactly the seed's number of distinct clients reported in person, and from May 2021
   through the app, each month; the others by phone or chat (the pandemic's guidance) or
   not at all. Outside those months the past cases follow the habits of (1).
3. The compliance scan judges every office, so outcomes, violations and worklists are real.
Bulk inserts only; every draw from `ctx.rng`.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import (
    Assignment,
    CaseStatus,
    Category,
    ClientPhone,
    Programme,
    RegisterCounter,
    SupervisionCase,
)
from bimkemas.clients.stages import stage_offsets
from bimkemas.core.demo_context import DemoContext
from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import (
    Channel,
    CheckIn,
    Concern,
    OfficeReportingSettings,
    ReviewStatus,
)
from bimkemas.reporting.periods import Period
from bimkemas.reporting.schedules import owed_periods
from bimkemas.reporting.selectors import rules_for_cases
from bimkemas.reporting.services.client_app import access_activate, access_issue_code

PALEMBANG = "plg"
DEMO_CLIENT_PIN = "582914"  # the demo client's PIN for the self check-in app (/lapor/)
SEED_FIRST = dt.date(2019, 5, 1)
# DOMAIN.md §8: distinct clients who reported in person, May 2019 … May 2022,
IN_PERSON = (
    188, 186, 203, 158, 169, 216, 186, 139, 174, 163, 135, 2, 0, 0, 2, 0, 0, 2, 0,
    0, 0, 0, 14, 14, 19, 19, 26, 32, 38, 54, 60, 61, 72, 62, 88, 67, 68,
)  # fmt: skip
# and through the app, May 2021 … May 2022.
APP_FIRST = dt.date(2021, 5, 1)
APP = (56, 144, 93, 114, 125, 155, 199, 204, 167, 182, 271, 284, 243)
PANDEMIC_FIRST = dt.date(2020, 4, 1)
SEED_LAST = dt.date(2022, 5, 1)
AFTER_SEED = dt.date(2022, 6, 1)
# Past cases: this many begin each month from PAST_FIRST, each lasting 12–24 months, so that
# about 430 are under guidance in every month of the seed's tables.
PAST_FIRST = dt.date(2017, 11, 1)
PAST_PER_MONTH = 24
BATCH = 2000

ANSWERS = {
    "condition": ("Sehat", "Baik, sehat", "Kurang sehat, batuk", "Sehat bersama keluarga"),
    "activity": ("Buruh bangunan", "Berdagang di pasar", "Ojek online", "Bertani", "Bengkel"),
    "social": ("Baik dengan tetangga", "Aktif di masjid", "Ikut ronda malam", "Biasa saja"),
    "obstacles": ("Tidak ada", "Sulit cari kerja", "Ongkos ke kantor mahal", "Tidak ada"),
    "plans": ("Terus bekerja", "Buka usaha kecil", "Ikut pelatihan", "Melanjutkan sekolah"),
}


@dataclass
class Habit:
    report: float  # chance of reporting in a period
    channel: str  # usual channel: app, online, in_person
    stops_after: int | None = None  # lapses: reports no more from this period on


def _habit(rng: random.Random, periods: int) -> Habit:
    channel = rng.choices(("app", "online", "in_person"), (0.5, 0.25, 0.25))[0]
    roll = rng.random()
    if roll < 0.76:
        return Habit(0.97, channel)
    if roll < 0.93:
        return Habit(0.82, channel)
    if roll < 0.98 and periods > 4:
        return Habit(0.95, channel, stops_after=rng.randint(max(1, periods - 8), periods - 3))
    return Habit(0.45, channel)


def _reports(rng: random.Random, habit: Habit, index: int) -> bool:
    if habit.stops_after is not None and index >= habit.stops_after:
        return False
    return rng.random() < habit.report


def _channel(rng: random.Random, usual: str, day: dt.date) -> str:
    if rng.random() > 0.85:
        usual = rng.choice(("in_person", "online"))
    if usual == "app" and day < APP_FIRST:
        usual = "online"
    if usual == "in_person" and PANDEMIC_FIRST <= day < APP_FIRST:
        usual = "online"
    if usual == "online":
        return rng.choices((Channel.CHAT, Channel.PHONE, Channel.VIDEO), (0.6, 0.3, 0.1))[0]
    return Channel.APP if usual == "app" else Channel.IN_PERSON


def _moment(rng: random.Random, day: dt.date, channel: str, now: dt.datetime) -> dt.datetime:
    hour = rng.randint(6, 21) if channel == Channel.APP else rng.randint(8, 15)
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59))))
    return min(moment, now - dt.timedelta(minutes=5))


def _office_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A day in [first, last], a weekday when there is one (the office is open)."""
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    weekdays = [day for day in days if day.weekday() < 5]
    return rng.choice(weekdays or days)


class Writer:
    """Builds check-ins and writes them in batches."""

    def __init__(self, rng: random.Random, now: dt.datetime, home_visits_count: bool) -> None:
        self.rng = rng
        self.now = now
        self.today = timezone.localdate(now)
        self.home_visits_count = home_visits_count
        self.rows: list[CheckIn] = []

    def add(self, case: SupervisionCase, channel: str, day: dt.date, **extra) -> None:
        rng = self.rng
        staff = channel != Channel.APP
        checkin = CheckIn(
            case=case,
            channel=channel,
            occurred_at=_moment(rng, day, channel, self.now),
            recorded_by_id=case.officer_id if staff else None,
            # The app asks only how they have been; staff ask the standard questions.
            answers=(
                {"condition": rng.choice(ANSWERS["condition"])}
                if channel == Channel.APP
                else {key: rng.choice(values) for key, values in ANSWERS.items()}
            ),
            counts=self.home_visits_count if channel == Channel.HOME_VISIT else True,
            **extra,
        )
        if channel == Channel.APP:
            self._app_details(checkin, case)
        self.rows.append(checkin)
        if len(self.rows) >= BATCH:
            self.flush()

    def _app_details(self, checkin: CheckIn, case: SupervisionCase) -> None:
        rng = self.rng
        checkin.accuracy_m = rng.choice((8, 12, 20, 35, 60))
        checkin.distance_from_home_m = int(rng.expovariate(1 / 400))
        if rng.random() > 0.08:
            return
        concern = rng.choice((Concern.CALL_BACK, Concern.STRUGGLING, Concern.FAR_FROM_HOME))
        checkin.concerns = [concern]
        checkin.wants_call_back = concern == Concern.CALL_BACK
        if concern == Concern.STRUGGLING:
            checkin.needs = [rng.choice(("work", "money", "health", "family"))]
        if concern == Concern.FAR_FROM_HOME:
            checkin.distance_from_home_m = rng.randint(6000, 40000)
        recent = (self.today - checkin.occurred_at.date()).days < 21
        if recent and rng.random() < 0.8:
            checkin.review_status = ReviewStatus.PENDING
            return
        checkin.review_status = ReviewStatus.REVIEWED
        checkin.reviewed_by_id = case.officer_id
        checkin.reviewed_at = min(
            checkin.occurred_at + dt.timedelta(hours=rng.randint(2, 72)), self.now
        )
        checkin.review_note = "Sudah ditelepon, keadaan baik."

    def flush(self) -> None:
        CheckIn.objects.bulk_create(self.rows, batch_size=BATCH)
        self.rows = []


def generate(ctx: DemoContext) -> None:
    now = timezone.now()
    for office in Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"):
        rng = ctx.rng(f"reporting:{office.code}")
        settings = OfficeReportingSettings.for_office(office.pk)
        writer = Writer(rng, now, settings.home_visit_counts)
        lapsed = _current_history(office, ctx.day, writer)
        if office.code == PALEMBANG:
            _palembang_history(office, ctx.day, writer)
        writer.flush()
        _unreachable_phones(rng, lapsed)
        compliance_scan(day=ctx.day, office_id=office.pk)
        if office.code == PALEMBANG:
            _demo_client_app(office, ctx.day)
        ctx.log(f"reporting: {office.name}: history and compliance scan done")


def _demo_client_app(office: Office, day: dt.date) -> None:
    """One client of the demo PK can sign in to the self check-in app (demo-logins says how)."""
    officer = User.objects.get(username="pk")
    case = (
        SupervisionCase.objects.open()
        .filter(office=office, officer=officer, guidance_start__lte=day, guidance_end__gte=day)
        .select_related("client")
        .order_by("pk")
        .first()
    )
    if case is None:
        return
    issued = access_issue_code(actor=officer, client=case.client)
    access_activate(
        register_number=case.register_number,
        birth_date=case.client.birth_date,
        code=issued.code,
        pin=DEMO_CLIENT_PIN,
    )


# --- today's clients --------------------------------------------------------------------


def _current_history(office: Office, day: dt.date, writer: Writer) -> list[int]:
    """Every period each active case owes up to today; returns the clients who lapsed."""
    rng = writer.rng
    cases = SupervisionCase.objects.filter(office=office, status=CaseStatus.ACTIVE).select_related(
        "programme"
    )
    lapsed = []
    rules = rules_for_cases(cases)  # the engine's own rules: the SK's condition, defaults
    for case in cases.order_by("pk"):
        # Palembang's months up to May 2022 are the seed's (below); nothing else adds to them.
        periods = [
            Period(max(owed.period.starts_on, AFTER_SEED), owed.period.ends_on)
            for owed in owed_periods(rules.get(case.pk, []), until=day)
            if owed.period.ends_on >= AFTER_SEED
        ]
        habit = _habit(rng, len(periods))
        misses = 0
        for index, period in enumerate(periods):
            current = day in period
            if current and rng.random() < 0.45:
                continue  # not yet this period
            if not _reports(rng, habit, index):
                misses += 1
                if misses == 3 and not current and rng.random() < 0.4:
                    _home_visit(writer, case, period, day)
                continue
            misses = 0
            last = min(period.ends_on, day - dt.timedelta(days=1))
            if last < period.starts_on:
                continue
            report_day = rng.randint(0, (last - period.starts_on).days)
            report_on = period.starts_on + dt.timedelta(days=report_day)
            writer.add(case, _channel(rng, habit.channel, report_on), report_on)
        if habit.stops_after is not None or habit.report < 0.5:
            lapsed.append(case.client_id)
    return lapsed


def _home_visit(writer: Writer, case: SupervisionCase, period: Period, day: dt.date) -> None:
    visit_on = period.ends_on + dt.timedelta(days=writer.rng.randint(5, 12))
    if visit_on < day:
        note = "Kunjungan rumah setelah tiga kali tidak lapor; klien ada di rumah."
        writer.add(case, Channel.HOME_VISIT, visit_on, note=note)


def _unreachable_phones(rng: random.Random, clients: list[int]) -> None:
    """Many lapsed clients' numbers turn out dead when the officer calls."""
    chosen = [pk for pk in clients if rng.random() < 0.4]
    ClientPhone.objects.filter(client_id__in=chosen).update(
        verified_reachable=False, verified_on=timezone.localdate() - dt.timedelta(days=7)
    )


# --- Palembang's past: DOMAIN.md §8 -----------------------------------------------------


def _months(first: dt.date, count: int) -> list[dt.date]:
    months = []
    for index in range(count):
        total = first.year * 12 + first.month - 1 + index
        months.append(dt.date(total // 12, total % 12 + 1, 1))
    return months


def _month_end(month: dt.date) -> dt.date:
    following = _months(month, 2)[1]
    return following - dt.timedelta(days=1)


def _palembang_history(office: Office, day: dt.date, writer: Writer) -> None:
    rng = writer.rng
    past = _past_cases(office, rng)
    habits = {case.pk: _habit(rng, 24) for case in past}
    seed_months = _months(SEED_FIRST, len(IN_PERSON))
    for month in _months(PAST_FIRST, (day.year - PAST_FIRST.year + 1) * 12):
        if month > day:
            break
        end = _month_end(month)
        active = [c for c in past if c.guidance_start <= end and c.guidance_end >= month]
        if month in seed_months:
            _seed_month(writer, active, month, habits)
            continue
        for case in active:
            habit = habits[case.pk]
            if rng.random() < habit.report:
                first, last = max(case.guidance_start, month), min(case.guidance_end, end)
                report_on = _office_day(rng, first, last)
                writer.add(case, _channel(rng, habit.channel, report_on), report_on)


def _seed_month(writer: Writer, active: list, month: dt.date, habits: dict) -> None:
    """Exactly the seed's distinct clients in person (and through the app) this month."""
    rng = writer.rng
    index = (month.year - SEED_FIRST.year) * 12 + month.month - SEED_FIRST.month
    in_person = IN_PERSON[index]
    app = APP[index - len(IN_PERSON) + len(APP)] if month >= APP_FIRST else 0
    if in_person + app > len(active):
        raise RuntimeError(f"too few past cases under guidance in {month:%Y-%m}")

    def weighted(cases: list, weight) -> list:
        # Efraimidis–Spirakis: habitual reporters are drawn first, so habits show.
        return sorted(cases, key=lambda c: rng.random() ** (1 / weight(c)), reverse=True)

    ranked = weighted(active, lambda c: 3.0 if habits[c.pk].channel == "in_person" else 1.0)
    chosen_in_person, rest = {c.pk for c in ranked[:in_person]}, ranked[in_person:]
    ranked = weighted(rest, lambda c: 4.0 if habits[c.pk].channel == "app" else 1.0)
    chosen_app = {c.pk for c in ranked[:app]}
    online = 0.55 if month >= PANDEMIC_FIRST else 0.15
    end = _month_end(month)
    for case in active:
        first, last = max(case.guidance_start, month), min(case.guidance_end, end)
        report_on = _office_day(rng, first, last)
        if case.pk in chosen_in_person:
            writer.add(case, Channel.IN_PERSON, report_on)
        elif case.pk in chosen_app:
            writer.add(case, Channel.APP, report_on)
        elif rng.random() < online:
            writer.add(case, rng.choice((Channel.CHAT, Channel.PHONE)), report_on)


def _past_cases(office: Office, rng: random.Random) -> list[SupervisionCase]:
    """Completed cases of adult clients of the office, each ending well before the client's
    present case began, numbered after the register's numbers of their year."""
    officers = list(User.objects.officers().filter(office=office).order_by("pk"))
    registrars = list(User.objects.filter(office=office, role=Role.REGISTRAR).order_by("pk"))
    pb = Programme.objects.get(code="PB")
    present = list(
        SupervisionCase.objects.filter(office=office, status=CaseStatus.ACTIVE)
        .filter(client__category=Category.ADULT)
        .select_related("client", "programme")
        .order_by("pk")
    )
    rng.shuffle(present)
    used: set[int] = set()
    counters = {c.year: c for c in RegisterCounter.objects.filter(office=office).order_by("year")}
    cases = []
    for month in _months(PAST_FIRST, (SEED_LAST.year - PAST_FIRST.year) * 12 - 5):
        for _n in range(PAST_PER_MONTH):
            start = month + dt.timedelta(days=rng.randint(0, 27))
            end = start + dt.timedelta(days=rng.randint(365, 730))
            now_case = _client_for(present, used, start, end)
            case = _past_case(office, now_case, start, end, rng, counters)
            case.programme = pb
            case.officer = rng.choice(officers)
            case.registered_by = rng.choice(registrars or officers)
            cases.append(case)
    SupervisionCase.objects.bulk_create(cases, batch_size=BATCH)
    RegisterCounter.objects.bulk_create(
        [c for c in counters.values() if c.pk is None], batch_size=BATCH
    )
    RegisterCounter.objects.bulk_update(
        [c for c in counters.values() if c.pk is not None], ["last"], batch_size=BATCH
    )
    Assignment.objects.bulk_create(
        [
            Assignment(
                case=case,
                officer=case.officer,
                assigned_by=case.registered_by,
                started_at=timezone.make_aware(dt.datetime.combine(case.received_on, dt.time(9))),
                ended_at=timezone.make_aware(dt.datetime.combine(case.guidance_end, dt.time(15))),
                reason="Penunjukan PK pembimbing",
                seen_at=timezone.make_aware(dt.datetime.combine(case.received_on, dt.time(10))),
            )
            for case in cases
        ],
        batch_size=BATCH,
    )
    return cases


def _client_for(present: list, used: set, start: dt.date, end: dt.date) -> SupervisionCase:
    """A present case whose client was an adult then and began it well after `end`."""
    for case in present:
        if case.pk in used or case.guidance_start < end + dt.timedelta(days=120):
            continue
        if case.client.age_on(start) < 19:
            continue
        used.add(case.pk)
        return case
    raise RuntimeError("no client left for a past case")


def _past_case(office, present, start, end, rng, counters) -> SupervisionCase:
    year = start.year
    counter = counters.get(year) or RegisterCounter(office=office, year=year, last=0)
    counters[year] = counter
    counter.last += 1
    lanjutan_at, akhir_at = stage_offsets(start, end, office.stage_fractions)
    sk_date = start - dt.timedelta(days=rng.randint(5, 14))
    return SupervisionCase(
        client=present.client,
        office=office,
        register_number=office.register_format.format(
            seq=counter.last, year=year, programme="PB", category="D", code=office.code.upper()
        ),
        sk_number=f"PAS-{rng.randint(1000, 9999)}.PK.05.09 TAHUN {sk_date.year}",
        sk_date=sk_date,
        sk_issuer=present.sk_issuer,
        origin_facility=present.origin_facility,
        offence_law=present.offence_law,
        offence_article=present.offence_article,
        crime_category=present.crime_category,
        sentence_years=rng.randint(2, 6),
        guidance_start=start,
        guidance_end=end,
        lanjutan_from=start + dt.timedelta(days=lanjutan_at),
        akhir_from=start + dt.timedelta(days=akhir_at),
        general_conditions=present.general_conditions,
        special_conditions=present.special_conditions,
        status=CaseStatus.COMPLETED,
        received_on=start,
        closed_on=end,
        closing_note="Masa bimbingan selesai.",
    )
