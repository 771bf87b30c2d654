"""`bimkemas link`: find clients in a file of external records, in batch, without the database.

    bimkemas link --clients CLIENTS.csv --records RECORDS.csv --out MATCHES.csv [--threshold P]
                  [--backend duckdb|spark] [--model PATH] [--retrain]

Both inputs: UTF-8 CSV with the header id,full_name,birth_date,birth_place,sex,nik,address
(any order; ISO dates; empty cells allowed). Output: client_id,record_id,match_probability,
one row per pair at or above the threshold (default: the alert threshold), best first.
"""

from __future__ import annotations

import csv
import io
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bimkemas.linkage import matcher
from bimkemas.linkage.spark import SparkUnavailable

MAX_REPORTED = 5


def default_model_path() -> Path:
    return Path(settings.VAR_DIR) / "linkage" / "model.json"


def read_identities(path: Path, label: str) -> pa.Table:
    """The file as a table of IDENTITY_COLUMNS (strings), or CommandError saying what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"{label}: cannot read {path}: {error.strerror}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CommandError(
            f"{label}: {path} is not UTF-8 (line {line}, byte {error.start}); "
            "save it as UTF-8 CSV and try again"
        ) from error
    first_line = text.split("\n", 1)[0].strip("\r")
    header = next(csv.reader([first_line]), [])
    header = [name.strip() for name in header]
    missing = [c for c in matcher.IDENTITY_COLUMNS if c not in header]
    extra = [c for c in header if c not in matcher.IDENTITY_COLUMNS]
    if missing or extra or len(set(header)) != len(header):
        raise CommandError(
            f"{label}: {path} has the header {','.join(header) or '(empty)'}; "
            f"expected {','.join(matcher.IDENTITY_COLUMNS)}"
            + (f" (missing: {', '.join(missing)})" if missing else "")
            + (f" (unexpected: {', '.join(extra)})" if extra else "")
        )
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as error:
        raise CommandError(f"{label}: {path} is not a valid CSV file: {error}") from error
    table = table.select(list(matcher.IDENTITY_COLUMNS))
    _check_rows(table, path, label)
    return table


def _check_rows(table: pa.Table, path: Path, label: str) -> None:
    problems = []
    seen: set[str] = set()
    ids = table.column("id").to_pylist()
    dates = table.column("birth_date").to_pylist()
    for row, (identifier, born) in enumerate(zip(ids, dates, strict=True), start=2):
        if not identifier.strip():
            problems.append(f"line {row}: empty id")
        elif identifier in seen:
            problems.append(f"line {row}: id {identifier!r} appears twice")
        seen.add(identifier)
        if born.strip():
            try:
                matcher.parse_birth_date(born)
            except ValueError:
                problems.append(f"line {row}: birth_date {born!r} is not a date (YYYY-MM-DD)")
        if len(problems) > MAX_REPORTED:
            break
    if problems:
        shown = "\n  ".join(problems[:MAX_REPORTED])
        more = "\n  …" if len(problems) > MAX_REPORTED else ""
        raise CommandError(f"{label}: {path} has rows the matcher cannot use:\n  {shown}{more}")


class Command(BaseCommand):
    help = "Find clients in external records (CSV in, CSV of matches out); needs no database."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--clients", required=True, type=Path, help="clients CSV")
        parser.add_argument("--records", required=True, type=Path, help="external records CSV")
        parser.add_argument("--out", required=True, type=Path, help="matches CSV to write")
        parser.add_argument(
            "--threshold",
            type=float,
            default=matcher.ALERT_THRESHOLD,
            help=f"lowest match probability written (default {matcher.ALERT_THRESHOLD})",
        )
        parser.add_argument("--backend", choices=("duckdb", "spark"), default="duckdb")
        parser.add_argument(
            "--model",
            type=Path,
            default=None,
            help="model JSON to use, or to train and save (default VAR_DIR/linkage/model.json)",
        )
        parser.add_argument(
            "--retrain", action="store_true", help="train on these files even if a model fits"
        )

    def handle(self, *args, **options):
        if not 0.0 <= options["threshold"] <= 1.0:
            raise CommandError("--threshold must be between 0 and 1")
        started = time.perf_counter()
        phases: dict[str, float] = {}

        def progress(message: str) -> None:
            elapsed = time.perf_counter() - started
            self.stderr.write(f"[{elapsed:6.1f} s] {message}")

        step = time.perf_counter()
        progress("reading the inputs")
        clients = read_identities(options["clients"], "--clients")
        records = read_identities(options["records"], "--records")
        phases["read"] = time.perf_counter() - step
        progress(f"{clients.num_rows:,} clients, {records.num_rows:,} records")

        model = options["model"] or default_model_path()
        try:
            result = matcher.link(
                clients,
                records,
                threshold=options["threshold"],
                model_path=model,
                backend=options["backend"],
                progress=progress,
                retrain=options["retrain"],
            )
        except matcher.LinkError as error:
            raise CommandError(str(error)) from error
        except SparkUnavailable as error:
            raise CommandError(f"--backend spark: {error}") from error
        phases.update(result.timings)
        phases.pop("total", None)

        step = time.perf_counter()
        progress(f"writing {len(result.matches):,} matches to {options['out']}")
        try:
            with open(options["out"], "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(["client_id", "record_id", "match_probability"])
                for match in result.matches:
                    writer.writerow([match.client_id, match.record_id, f"{match.probability:.6f}"])
        except OSError as error:
            raise CommandError(f"--out: cannot write {options['out']}: {error.strerror}") from error
        phases["write"] = time.perf_counter() - step

        total = time.perf_counter() - started
        timing = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
        self.stdout.write(
            f"{len(result.matches):,} matches at or above {options['threshold']} "
            f"(model {result.model_version}); {timing}; total {total:.1f} s"
        )
        sys.stdout.flush()
