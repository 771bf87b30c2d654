"""Reminders to clients, through the notification outbox.

For a day D, each open case of an office may get one of three reminders about a period:
- `before`: REMINDER_DAYS_BEFORE days (2) before the period's last day, not yet reported;
- `due`: on the period's last day, not yet reported;
- `missed`: the day after the period closed (its last day + grace days) when the compliance
  rule (`periods.judge`) finds it missed.
The period's last day is the date the client is told: only a report inside the period
counts for it (`periods.judge`); the grace days only delay the verdict.

Each reminder is a `Notification` with purpose `reminder:<case>:<period start>:<kind>`,
unique for a client message, so running the job twice (or two at once) never sends twice.
One channel per reminder: WhatsApp, else SMS, preferring a channel with a real gateway over
one that only writes to the console; never a channel the client opted out of, never a phone
marked unreachable. Messages due in the office's quiet hours (OfficeReportingSettings)
wait until they end.

Set-based: a fixed number of queries per office, whatever its number of cases.
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.accounts.models import Office
from bimkemas.clients.identity import normalise_phone
from bimkemas.clients.models import Category, ClientPhone, Sex, SupervisionCase
from bimkemas.clients.services import phone_set_reachable
from bimkemas.core.errors import ApplicationError
from bimkemas.notifications.models import Channel, Notification
from bimkemas.notifications.services import ClientMessage, client_messages_enqueue
from bimkemas.reporting.models import (
    CheckIn,
    ClientAccess,
    Excuse,
    OfficeReportingSettings,
    Outcome,
)
from bimkemas.reporting.periods import Period, calendar_period, judge, periods_between
from bimkemas.reporting.schedules import Segment
from bimkemas.reporting.selectors import rules_for_cases

logger = logging.getLogger(__name__)

BEFORE, DUE, MISSED = "before", "due", "missed"
KIND_LABELS = {
    BEFORE: gettext_lazy("Before the due date"),
    DUE: gettext_lazy("On the due date"),
    MISSED: gettext_lazy("After a missed report"),
}
PURPOSE_PREFIX = "reminder:"
# Channels a client may be reminded through, in order of preference.
REMINDER_CHANNELS = (Channel.WHATSAPP, Channel.SMS)
CONSOLE_TRANSPORT = "bimkemas.notifications.transports.ConsoleTransport"


@dataclass(frozen=True)
class Reminder:
    case: SupervisionCase
    period: Period
    kind: str
    channel: str
    address: str
    text: str

    @property
    def purpose_key(self) -> str:
        return purpose_key(self.case, self.period, self.kind)


def purpose_key(case: SupervisionCase, period: Period, kind: str) -> str:
    return f"{PURPOSE_PREFIX}{case.public_id}:{period.starts_on.isoformat()}:{kind}"


def kind_of(purpose: str) -> str:
    """The reminder kind named by a purpose key ("" for any other purpose)."""
    if not purpose.startswith(PURPOSE_PREFIX):
        return ""
    return purpose.rsplit(":", 1)[-1]


# --- When -------------------------------------------------------------------------------


def send_time(now: dt.datetime, quiet: OfficeReportingSettings) -> dt.datetime:
    """`now`, or the end of the office's quiet hours when `now` falls inside them (local
    time; from `quiet_hours_start` o'clock to `quiet_hours_end` o'clock, maybe overnight)."""
    start, end = dt.time(quiet.quiet_hours_start), dt.time(quiet.quiet_hours_end)
    if start == end:
        return now
    local = timezone.localtime(now)
    moment = local.time()
    inside = start <= moment < end if start < end else moment >= start or moment < end
    if not inside:
        return now
    day = local.date() if moment < end else local.date() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, end), local.tzinfo)


def _periods_near(parts: Sequence[Segment], day: dt.date, days_before: int) -> Iterable[tuple]:
    """(period, grace days) of the periods a reminder on `day` may concern: those ending
    between the day before `day` minus the grace days and `day` + `days_before`."""
    for part in parts:
        frequency, grace = part.rule.frequency, part.rule.grace_days
        first_end = day - dt.timedelta(days=1 + grace)
        start = max(part.starts_on, calendar_period(frequency, first_end).starts_on)
        for period in periods_between(frequency, start, part.ends_on):
            if period.ends_on > day + dt.timedelta(days=days_before):
                break
            if period.ends_on >= first_end:
                yield period, grace


def reminder_kind(
    period: Period,
    grace_days: int,
    *,
    day: dt.date,
    days_before: int,
    report_days: Iterable[dt.date],
    excuses: Sequence[tuple[dt.date, dt.date]],
) -> str | None:
    """Which reminder (if any) `period` calls for on `day`."""
    report_days = list(report_days)
    if period.closes_on(grace_days) == day - dt.timedelta(days=1):
        return MISSED if judge(period, report_days, excuses) == Outcome.MISSED else None
    if any(d in period for d in report_days) or any(s <= day <= e for s, e in excuses):
        return None
    if period.ends_on == day:
        return DUE
    if days_before > 0 and period.ends_on == day + dt.timedelta(days=days_before):
        return BEFORE
    return None


# --- To whom and how ------------------------------------------------------------------


def _has_gateway(channel: str) -> bool:
    path = settings.NOTIFICATION_TRANSPORTS.get(channel, "")
    return bool(path) and path != CONSOLE_TRANSPORT


def choose_channel(opted_out: Iterable[str]) -> str | None:
    """WhatsApp, else SMS, a real gateway before the console; never an opted-out channel."""
    usable = [
        channel
        for channel in REMINDER_CHANNELS
        if channel not in set(opted_out) and settings.NOTIFICATION_TRANSPORTS.get(channel)
    ]
    with_gateway = [channel for channel in usable if _has_gateway(channel)]
    preferred = with_gateway or usable
    return str(preferred[0]) if preferred else None


def reachable_phone_q() -> Q:
    """Phones not found unreachable (a number never checked is still worth a try)."""
    return Q(verified_reachable=True) | Q(verified_on__isnull=True)


def first_number(phones: Iterable[ClientPhone]) -> str | None:
    for phone in phones:
        try:
            return normalise_phone(phone.number)
        except ApplicationError:
            continue
    return None


# --- What -----------------------------------------------------------------------------


def _day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def period_label(period: Period) -> str:
    month = calendar_period("monthly", period.starts_on)
    if period == month:
        return _("for %(month)s") % {"month": date_format(period.starts_on, "F Y")}
    return _("for %(start)s – %(end)s") % {
        "start": _day(period.starts_on),
        "end": _day(period.ends_on),
    }


def salutation(case: SupervisionCase) -> str:
    client = case.client
    first_name = client.full_name.split()[0] if client.full_name.split() else ""
    if client.category == Category.JUVENILE:
        title = _("Dear")
    else:
        title = _("Mr.") if client.sex == Sex.MALE else _("Mrs.")
    return f"{title} {first_name}".strip()


def _contact(case: SupervisionCase) -> str:
    officer = str(case.officer) if case.officer_id else ""
    phone = case.office.phone
    values = {"officer": officer, "phone": phone, "office": case.office.name}
    if officer and phone:
        return (
            _(
                "Report through the Lapor Bapas app or contact your officer, %(officer)s, "
                "at %(phone)s."
            )
            % values
        )
    if officer:
        return _("Report through the Lapor Bapas app or contact your officer, %(officer)s.") % (
            values
        )
    if phone:
        return _("Report through the Lapor Bapas app or contact %(office)s at %(phone)s.") % (
            values
        )
    return _("Report through the Lapor Bapas app or come to %(office)s.") % values


def reminder_text(case: SupervisionCase, period: Period, kind: str) -> str:
    """The message, in the project's language (Indonesian), short and respectful."""
    values = {"name": salutation(case), "period": period_label(period), "due": _day(period.ends_on)}
    opening = {
        BEFORE: _("%(name)s, your reporting %(period)s is due by %(due)s."),
        DUE: _("%(name)s, today %(due)s is the last day of your reporting %(period)s."),
        MISSED: _("%(name)s, we have not received your report %(period)s (due %(due)s)."),
    }[kind] % values
    return f"{opening} {_contact(case)} {_('Thank you.')}"


# --- The run --------------------------------------------------------------------------


def _local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def due_reminders(office: Office, day: dt.date) -> list[Reminder]:
    """The reminders `office`'s clients should get on `day` and have not been queued yet.

    1. The office's open cases whose guidance has begun by D + days before (one query),
       their rules (`selectors.rules_for_cases`, three queries).
    2. The periods near D of each case (pure), then the counting check-ins and excuses
       around them (two queries): which reminder each period calls for.
    3. The phones not found unreachable and the opted-out channels of those clients (two
       queries), and the purposes already queued (one query per 500)."""
    days_before = settings.REMINDER_DAYS_BEFORE
    cases = {
        case.pk: case
        for case in SupervisionCase.objects.open()
        .filter(office=office, guidance_start__lte=day + dt.timedelta(days=days_before))
        .select_related("client", "officer", "office")
    }
    if not cases:
        return []
    rules = rules_for_cases(list(cases))
    near = {pk: list(_periods_near(rules.get(pk, []), day, days_before)) for pk in cases}
    near = {pk: periods for pk, periods in near.items() if periods}
    if not near:
        return []
    earliest = min(period.starts_on for periods in near.values() for period, _g in periods)
    report_days: dict[int, list[dt.date]] = defaultdict(list)
    for case_id, occurred_at in CheckIn.objects.filter(
        case_id__in=list(near), counts=True, occurred_at__gte=_local_start(earliest)
    ).values_list("case_id", "occurred_at"):
        report_days[case_id].append(timezone.localdate(occurred_at))
    excuses: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for case_id, starts_on, ends_on in Excuse.objects.filter(
        case_id__in=list(near), ends_on__gte=earliest
    ).values_list("case_id", "starts_on", "ends_on"):
        excuses[case_id].append((starts_on, ends_on))

    wanted = []
    for pk, periods in near.items():
        for period, grace in periods:
            kind = reminder_kind(
                period,
                grace,
                day=day,
                days_before=days_before,
                report_days=report_days[pk],
                excuses=excuses[pk],
            )
            if kind:
                wanted.append((cases[pk], period, kind))
    return _addressed(wanted)


def _addressed(wanted: list[tuple[SupervisionCase, Period, str]]) -> list[Reminder]:
    """The wanted reminders not queued before, each with its channel, number and text."""
    if not wanted:
        return []
    client_ids = {case.client_id for case, _p, _k in wanted}
    phones: dict[int, list[ClientPhone]] = defaultdict(list)
    for phone in ClientPhone.objects.filter(reachable_phone_q(), client_id__in=client_ids):
        phones[phone.client_id].append(phone)  # verified ones first (the model's ordering)
    opted_out = dict(
        ClientAccess.objects.filter(client_id__in=client_ids).values_list(
            "client_id", "opted_out_channels"
        )
    )
    keys = [purpose_key(case, period, kind) for case, period, kind in wanted]
    queued: set[str] = set()
    for start in range(0, len(keys), 500):
        queued.update(
            Notification.objects.filter(
                purpose_key__in=keys[start : start + 500], client_pk__isnull=False
            ).values_list("purpose_key", flat=True)
        )
    reminders = []
    with translation.override(settings.LANGUAGE_CODE):
        for (case, period, kind), key in zip(wanted, keys, strict=True):
            channel = choose_channel(opted_out.get(case.client_id) or [])
            number = first_number(phones[case.client_id])
            if key in queued or channel is None or number is None:
                continue
            text = reminder_text(case, period, kind)
            reminders.append(Reminder(case, period, kind, channel, number, text))
    return reminders


def reminders_enqueue(
    reminders: Sequence[Reminder], *, office: Office, now: dt.datetime
) -> list[str]:
    """Put an office's reminders in the outbox, sent from `now` or after its quiet hours."""
    not_before = send_time(now, OfficeReportingSettings.for_office(office.pk))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reporting reminder")
    return client_messages_enqueue(
        [
            ClientMessage(
                client_pk=reminder.case.client_id,
                channel=reminder.channel,
                address=reminder.address,
                purpose_key=reminder.purpose_key,
                subject=subject,
                body=reminder.text,
                not_before=not_before,
            )
            for reminder in reminders
        ]
    )


def send_reminders(
    *,
    day: dt.date | None = None,
    office: Office | None = None,
    dry_run: bool = False,
    now: dt.datetime | None = None,
) -> list[Reminder]:
    """Queue the day's reminders for one office or every office; returns those queued (or,
    with `dry_run`, those that would be). Idempotent: safe to run every hour, or twice at
    once (the outbox's unique purpose decides)."""
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    offices = [office] if office is not None else list(Office.objects.order_by("code"))
    result = []
    for each in offices:
        reminders = due_reminders(each, day)
        if not dry_run and reminders:
            queued = set(reminders_enqueue(reminders, office=each, now=now))
            reminders = [r for r in reminders if r.purpose_key in queued]
        result.extend(reminders)
    return result


# --- A gateway rejected a number ------------------------------------------------------


def phone_rejected(notification: Notification) -> None:
    """The WhatsApp or SMS gateway says this client's number cannot receive messages: mark
    the phone unreachable (the system as actor), so reminders skip it and the officer's
    work list asks for a working number. Called by the delivery job
    (settings.NOTIFICATION_ADDRESS_REJECTED)."""
    if notification.client_pk is None or notification.channel not in REMINDER_CHANNELS:
        return
    for phone in ClientPhone.objects.filter(reachable_phone_q(), client_id=notification.client_pk):
        try:
            number = normalise_phone(phone.number)
        except ApplicationError:
            continue
        if number == notification.address:
            phone_set_reachable(actor=None, phone=phone, reachable=False)
