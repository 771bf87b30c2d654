import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from bimkemas.accounts.models import Office
from bimkemas.core.dates import today
from bimkemas.reporting.compliance import compliance_scan
from bimkemas.reporting.models import Outcome


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date wants YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Judge the closed reporting periods of every active case (of one office, or all) and "
        "open a violation at each third miss in a row. Safe to run while the nightly job runs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--office", metavar="CODE", help="only this office (its code)")
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", type=_date, help="scan as of this day (default today)"
        )

    def handle(self, *args, office: str | None, date: dt.date | None, **options) -> None:
        office_id = None
        if office:
            found = Office.objects.filter(code__iexact=office).values_list("pk", flat=True).first()
            if found is None:
                raise CommandError(f"no office with code {office!r}")
            office_id = found
        result = compliance_scan(day=date or today(), office_id=office_id)
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
