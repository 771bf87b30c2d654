import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from bimkemas.reporting.management.options import add_office_and_date, office_named
from bimkemas.reporting.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Queue the day's reporting reminders to clients (before a period is due, on its last "
        "day, after a miss) in the outbox. Never queues one twice; safe beside the hourly job."
    )

    def add_arguments(self, parser) -> None:
        add_office_and_date(parser, date_help="remind as of this day (today)")
        parser.add_argument(
            "--dry-run", action="store_true", help="list the reminders without queuing them"
        )

    def handle(
        self, *args, office: str | None, date: dt.date | None, dry_run: bool, **options
    ) -> None:
        reminders = send_reminders(
            day=date or timezone.localdate(), office=office_named(office), dry_run=dry_run
        )
        for reminder in reminders:
            self.stdout.write(
                f"{reminder.case.register_number} {reminder.kind} {reminder.channel} "
                f"{reminder.period.starts_on:%Y-%m-%d}"
            )
        verb = "would be queued" if dry_run else "queued"
        self.stdout.write(f"{len(reminders)} reminder(s) {verb}")
