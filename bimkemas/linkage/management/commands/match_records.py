"""`bimkemas match-records [--all]`: compare the external records not compared yet (or, with
--all, every record) with the clients under supervision, as the nightly task does."""

from django.core.management.base import BaseCommand

from bimkemas.linkage.models import ExternalRecord
from bimkemas.linkage.services import matches_run


class Command(BaseCommand):
    help = (
        "Find clients under supervision in the external records (prison admissions, court "
        "decisions): new pending matches for the officers; never a decision."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--all",
            dest="every",
            action="store_true",
            help="compare every record again (pairs already held are kept as they are)",
        )

    def handle(self, *args, every: bool, **options) -> None:
        records = ExternalRecord.objects.order_by("pk") if every else None
        summary = matches_run(records=records)
        timings = ", ".join(f"{phase} {sec:.2f} s" for phase, sec in summary.timings.items())
        self.stdout.write(
            f"{summary.records:,} records × {summary.clients:,} clients: "
            f"{summary.created:,} new matches ({summary.alerts:,} alerts), "
            f"model {summary.model_version or '-'}, {summary.seconds:.2f} s"
            + (f" ({timings})" if timings else "")
        )
