"""Demo TPP sessions (see core/demo_context.py).

For each office: a sidang every two weeks over the past year, chaired by the Bapas head with
a section head as secretary, three PKs and a guest from the Lapas present. Each case whose
dates have moved it into tahap lanjutan or akhir was put on the first session after the new
stage began and moved on (an approved stage transition), except about one in sixteen that still
waits, so the "TPP decision" due rule has work. One session in three days is planned with the
waiting cases on its agenda. Bulk inserts only; every draw from `ctx.rng`.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.core.demo_context import DemoContext
from bimkemas.tpp.models import (
    AgendaItem,
    AgendaKind,
    Decision,
    MemberRole,
    SessionStatus,
    StageTransition,
    TppMember,
    TppSession,
)
from bimkemas.tpp.selectors import tpp_settings
from bimkemas.tpp.services.sessions import session_number

EVERY_DAYS = 14
HISTORY_DAYS = 364
WAITING_SHARE = 0.06
UPCOMING_IN_DAYS = 3
UPCOMING_ITEMS = 12
SUMMARIES = (
    "Klien rutin wajib lapor dan mengikuti bimbingan kepribadian.",
    "Klien bekerja sebagai buruh harian, sikap kooperatif, tidak ada pelanggaran.",
    "Klien aktif kegiatan keagamaan; keluarga mendukung.",
    "Klien telah menyelesaikan pelatihan kemandirian (bengkel).",
)
RECOMMENDATIONS = {
    Stage.LANJUTAN: "Dilanjutkan ke tahap lanjutan.",
    Stage.AKHIR: "Dilanjutkan ke tahap akhir.",
}


@dataclass
class Plan:
    """Sessions of one office and what each decides: (case row, from, to) per session."""

    dates: list[dt.date]
    items: dict[int, list[tuple[dict, Stage, Stage]]] = field(default_factory=dict)


def generate(ctx: DemoContext) -> None:
    for office in Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"):
        rng = ctx.rng(f"tpp:{office.code}")
        made = _office(office, ctx.day, rng)
        ctx.log(f"tpp: {office.name}: {made} sessions")


def _staff(office: Office) -> tuple[User, User, list[User]] | None:
    people = User.objects.filter(office=office, is_active=True).order_by("pk")
    head = people.filter(role=Role.HEAD).first() or people.filter(role=Role.SUPERVISOR).first()
    secretary = people.filter(role=Role.SUPERVISOR).exclude(pk=getattr(head, "pk", None)).first()
    officers = list(people.filter(role=Role.PK)[:3])
    if head is None or secretary is None:
        return None
    return head, secretary, officers


def _cases(office: Office, day: dt.date) -> list:
    return list(
        SupervisionCase.objects.open()
        .filter(office=office, lanjutan_from__lte=day, guidance_end__gte=day)
        .values("pk", "officer_id", "lanjutan_from", "akhir_from")
        .order_by("pk")
    )


def _plan(cases: list[dict], day: dt.date, rng: random.Random) -> tuple[Plan, list[tuple]]:
    first = day - dt.timedelta(days=HISTORY_DAYS)
    dates = [first + dt.timedelta(days=n) for n in range(0, HISTORY_DAYS, EVERY_DAYS)]
    plan = Plan(dates=dates)
    waiting = []

    def session_after(began: dt.date) -> int | None:
        wanted = began + dt.timedelta(days=rng.randint(0, 10))
        later = [i for i, d in enumerate(dates) if d >= wanted]
        return later[0] if later else (0 if began < first else None)

    for row in cases:
        steps = [(Stage.AWAL, Stage.LANJUTAN, row["lanjutan_from"])]
        if row["akhir_from"] <= day:
            steps.append((Stage.LANJUTAN, Stage.AKHIR, row["akhir_from"]))
        for from_stage, to_stage, began in steps:
            index = session_after(began)
            if index is None or rng.random() < WAITING_SHARE:
                waiting.append((row, from_stage, to_stage))
                break
            plan.items.setdefault(index, []).append((row, from_stage, to_stage))
    return plan, waiting


def _office(office: Office, day: dt.date, rng: random.Random) -> int:
    staff = _staff(office)
    if staff is None:
        return 0
    head, secretary, officers = staff
    plan, waiting = _plan(_cases(office, day), day, rng)
    number_format = tpp_settings(office.pk).number_format
    upcoming = day + dt.timedelta(days=UPCOMING_IN_DAYS)
    dates = [*plan.dates, upcoming]
    seqs: dict[int, int] = {}
    sessions = []
    now = timezone.now()
    for held_on in dates:
        seqs[held_on.year] = seqs.get(held_on.year, 0) + 1
        seq = seqs[held_on.year]
        closed = held_on < day
        sessions.append(
            TppSession(
                office=office,
                year=held_on.year,
                seq=seq,
                number=session_number(number_format, seq=seq, day=held_on, code=office.code),
                held_on=held_on,
                place="Aula Bapas",
                status=SessionStatus.CLOSED if closed else SessionStatus.PLANNED,
                chair=head,
                secretary=secretary,
                scheduled_by=secretary,
                closed_at=now if closed else None,
            )
        )
    TppSession.objects.bulk_create(sessions)
    sessions = list(TppSession.objects.filter(office=office).order_by("held_on", "seq"))
    _members(sessions, head, secretary, officers, rng)
    items = _decided_items(sessions, plan, head, secretary, rng)
    _transitions(items, head)
    _upcoming_agenda(sessions[-1], waiting, secretary, rng)
    return len(sessions)


def _members(sessions, head, secretary, officers, rng) -> None:
    rows = []
    for session in sessions:
        rows.append(TppMember(session=session, user=head, role=MemberRole.CHAIR))
        rows.append(TppMember(session=session, user=secretary, role=MemberRole.SECRETARY))
        for officer in officers:
            present = rng.random() < 0.9 or session.status == SessionStatus.PLANNED
            rows.append(
                TppMember(session=session, user=officer, role=MemberRole.MEMBER, present=present)
            )
        rows.append(
            TppMember(
                session=session,
                name="Perwakilan Lapas",
                institution="Lapas Kelas I setempat",
                role=MemberRole.GUEST,
                present=rng.random() < 0.7,
            )
        )
    TppMember.objects.bulk_create(rows, batch_size=2000)


def _decided_items(sessions, plan: Plan, head, secretary, rng) -> list[AgendaItem]:
    rows = []
    for index, planned in sorted(plan.items.items()):
        session = sessions[index]
        decided_at = timezone.make_aware(
            dt.datetime.combine(session.held_on, dt.time(10, rng.randint(0, 59)))
        )
        for row, from_stage, to_stage in planned:
            presenter = row["officer_id"] or secretary.pk
            rows.append(
                AgendaItem(
                    session=session,
                    case_id=row["pk"],
                    kind=AgendaKind.STAGE_TRANSITION,
                    from_stage=from_stage,
                    to_stage=to_stage,
                    presented_by_id=presenter,
                    proposed_by_id=presenter,
                    summary=rng.choice(SUMMARIES),
                    recommendation=RECOMMENDATIONS[to_stage],
                    decision=Decision.APPROVED,
                    decided_at=decided_at,
                    decided_by=head,
                )
            )
    AgendaItem.objects.bulk_create(rows, batch_size=2000)
    return rows


def _transitions(items: list[AgendaItem], head: User) -> None:
    StageTransition.objects.bulk_create(
        [
            StageTransition(
                case_id=item.case_id,
                from_stage=item.from_stage,
                to_stage=item.to_stage,
                effective_on=item.session.held_on,
                agenda_item_id=item.pk,
                decided_by=head,
            )
            for item in items
        ],
        batch_size=2000,
    )


def _upcoming_agenda(session: TppSession, waiting: list[tuple], secretary, rng) -> None:
    rows = []
    for row, from_stage, to_stage in waiting[:UPCOMING_ITEMS]:
        presenter = row["officer_id"] or secretary.pk
        rows.append(
            AgendaItem(
                session=session,
                case_id=row["pk"],
                kind=AgendaKind.STAGE_TRANSITION,
                from_stage=from_stage,
                to_stage=to_stage,
                presented_by_id=presenter,
                proposed_by_id=presenter,
                summary=rng.choice(SUMMARIES),
                recommendation=RECOMMENDATIONS[to_stage],
            )
        )
    AgendaItem.objects.bulk_create(rows)


def remove(office_ids: list[int]) -> None:
    """Before the demo offices go (demo-data --reset): their TPP records, transitions first
    (they PROTECT agenda items), then agenda items, sessions and their attendance."""
    offices = Q(case__office_id__in=office_ids)
    StageTransition.objects.filter(
        offices | Q(agenda_item__session__office_id__in=office_ids)
    ).delete()
    AgendaItem.objects.filter(offices | Q(session__office_id__in=office_ids)).delete()
    TppSession.objects.filter(office_id__in=office_ids).delete()
