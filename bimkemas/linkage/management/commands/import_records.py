"""`bimkemas import-records --source sdp_admission FILE [--partial]`: the import page's service
for a file on disk (a nightly copy of an SDP or SIPP export). Exit status 1 when rejected."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bimkemas.core.errors import ApplicationError
from bimkemas.linkage.models import ImportStatus, RecordSource
from bimkemas.linkage.record_services import records_import


class Command(BaseCommand):
    help = (
        "Import prison admissions (SDP) or court decisions (SIPP) from a CSV or XLSX export. "
        "A file with any wrong row is rejected whole unless --partial is given."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--source", required=True, choices=RecordSource.values)
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--partial",
            action="store_true",
            help="import the valid rows and report the others",
        )

    def handle(self, *args, source: str, file: Path, partial: bool, **options) -> None:
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        try:
            batch = records_import(
                actor=None, source=source, file_name=file.name, content=content, partial=partial
            )
        except ApplicationError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"{batch.file_name}: {batch.get_status_display()}")
        self.stdout.write(
            f"rows {batch.rows_total}, new {batch.rows_created}, already held "
            f"{batch.rows_unchanged}, held with other data {batch.rows_changed}, "
            f"rejected {batch.rows_rejected}"
        )
        for problem in batch.problems:
            where = f"row {problem['row']}" if problem["row"] else "file"
            column = f" [{problem['field']}]" if problem["field"] else ""
            self.stdout.write(f"  {where}{column}: {problem['message']}")
        self.stdout.write(f"batch {batch.public_id}")
        if batch.status == ImportStatus.REJECTED:
            raise CommandError("rejected: nothing imported", returncode=1)
