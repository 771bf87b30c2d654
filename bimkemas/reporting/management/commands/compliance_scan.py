import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bimkemas.core.dates import today
from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.management.options import add_office_and_date, office_named
from bimkemas.reporting.models import Outcome


class Command(BaseCommand):
    help = (
        "Judge the closed reporting periods of every active case (of one office, or all) and "
        "open a violation at each third miss in a row. Safe to run while the nightly job runs."
    )

    def add_arguments(self, parser) -> None:
        add_office_and_date(parser, date_help="scan as of this day (default today)")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.COMPLIANCE_SCAN_WORKERS,
            help="offices scanned at once, each in its own process (PostgreSQL only; "
            "default COMPLIANCE_SCAN_WORKERS, 1)",
        )

    def handle(
        self, *args, office: str | None, date: dt.date | None, workers: int, **options
    ) -> None:
        if workers < 1:
            raise CommandError("--workers must be 1 or more.")
        chosen = office_named(office)
        result = compliance_scan(
            day=date or today(), office_id=chosen.pk if chosen else None, workers=workers
        )
        self.stdout.write(
            f"{result.day:%Y-%m-%d}: {result.offices} office(s), {result.cases} active case(s)"
        )
        for outcome in Outcome:
            self.stdout.write(f"  {outcome.value}: {result.outcomes.get(outcome.value, 0)}")
        self.stdout.write(f"violations opened: {len(result.violations)}")
        for violation in result.violations:
            self.stdout.write(f"  {violation.public_id}: {violation.summary}")
        self.stdout.write(f"clients unreachable by phone: {len(result.unreachable_case_ids)}")
        self.stdout.write(f"time: {result.seconds:.2f} s")
