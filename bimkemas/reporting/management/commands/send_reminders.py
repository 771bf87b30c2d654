import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bimkemas.accounts.models import Office
from bimkemas.reporting.reminders import send_reminders


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date wants YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Queue the day's reporting reminders to clients (before a period is due, on its last "
        "day, after a miss) in the outbox. Never queues one twice; safe beside the hourly job."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--office", metavar="CODE", help="only this office (its code)")
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", type=_date, help="remind as of this day (today)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="list the reminders without queuing them"
        )

    def handle(
        self, *args, office: str | None, date: dt.date | None, dry_run: bool, **options
    ) -> None:
        chosen = None
        if office:
            chosen = Office.objects.filter(code__iexact=office).first()
            if chosen is None:
                raise CommandError(f"no office with code {office!r}")
        reminders = send_reminders(day=date or timezone.localdate(), office=chosen, dry_run=dry_run)
        for reminder in reminders:
            self.stdout.write(
                f"{reminder.case.register_number} {reminder.kind} {reminder.channel} "
                f"{reminder.period.starts_on:%Y-%m-%d}"
            )
        verb = "would be queued" if dry_run else "queued"
        self.stdout.write(f"{len(reminders)} reminder(s) {verb}")
